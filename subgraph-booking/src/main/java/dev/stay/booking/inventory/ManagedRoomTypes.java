package dev.stay.booking.inventory;

import dev.stay.codegen.booking.types.InventoryErrorCode;
import dev.stay.common.graphql.Ids;
import dev.stay.common.graphql.Validated;
import dev.stay.common.security.Viewer;
import java.util.Optional;
import java.util.UUID;
import org.springframework.stereotype.Component;

/**
 * The one check of every owner's change to a room type's sale: signed in, a room type that exists, of a hotel the
 * viewer may manage, and still sold.
 */
@Component
class ManagedRoomTypes {

    record Managed(UUID id, InventoryRepository.SaleTerms terms) {}

    private final InventoryRepository inventory;

    ManagedRoomTypes(InventoryRepository inventory) {
        this.inventory = inventory;
    }

    Validated<Managed, InventoryErrorCode> find(Optional<Viewer> viewer, String roomTypeId) {
        if (viewer.isEmpty()) {
            return Validated.refused(null, InventoryErrorCode.UNAUTHENTICATED, "sign in as the hotel's owner");
        }
        Optional<UUID> id = Ids.tryParse(roomTypeId);
        if (id.isEmpty()) {
            return Validated.refused("roomTypeId", InventoryErrorCode.INVALID_ID, "roomTypeId is not a valid id");
        }
        Optional<InventoryRepository.SaleTerms> terms = inventory.termsOf(id.get());
        if (terms.isEmpty()) {
            return Validated.refused("roomTypeId", InventoryErrorCode.NOT_FOUND, "no such room type");
        }
        if (!viewer.get().mayManageFor(terms.get().ownerId())) {
            return Validated.refused("roomTypeId", InventoryErrorCode.FORBIDDEN, "this room type is not yours");
        }
        if (terms.get().removed()) {
            return Validated.refused("roomTypeId", InventoryErrorCode.ROOM_TYPE_REMOVED,
                    "this room type was removed and is no longer sold");
        }
        return Validated.valid(new Managed(id.get(), terms.get()));
    }
}
