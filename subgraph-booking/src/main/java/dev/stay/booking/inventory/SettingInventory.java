package dev.stay.booking.inventory;

import dev.stay.common.graphql.FieldError;
import dev.stay.codegen.booking.types.InventoryErrorCode;
import dev.stay.codegen.booking.types.SetRoomInventoryInput;
import dev.stay.common.graphql.Ids;
import dev.stay.common.money.Currencies;
import dev.stay.common.security.Viewer;
import java.time.Clock;
import java.time.LocalDate;
import java.util.OptionalInt;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * An owner sets the rooms, price or closure of a room type over a range of nights. The nights are locked in date
 * order (the order every booking takes them in), so a booking and this change never deadlock, and rooms are never
 * set below what is already booked. The change is announced ({@link InventoryChanged}) in the same transaction.
 */
@Component
class SettingInventory {

    record Outcome(UUID roomTypeId, int nights, List<FieldError<InventoryErrorCode>> errors) {

        static Outcome refused(InventoryErrorCode code, String field, String message) {
            return new Outcome(null, 0, List.of(FieldError.of(field, code, message)));
        }
    }

    private final InventoryRepository inventory;
    private final InventoryEvents events;
    private final Clock clock;

    SettingInventory(InventoryRepository inventory, InventoryEvents events, Clock clock) {
        this.inventory = inventory;
        this.events = events;
        this.clock = clock;
    }

    @Transactional
    Outcome set(Optional<Viewer> viewer, SetRoomInventoryInput input) {
        if (viewer.isEmpty()) {
            return Outcome.refused(InventoryErrorCode.UNAUTHENTICATED, null, "sign in as the hotel's owner");
        }
        Optional<UUID> roomTypeId = Ids.tryParse(input.getRoomTypeId());
        if (roomTypeId.isEmpty()) {
            return Outcome.refused(InventoryErrorCode.INVALID_ID, "roomTypeId", "roomTypeId is not a valid id");
        }
        Optional<InventoryRepository.SaleTerms> terms = inventory.termsOf(roomTypeId.get());
        if (terms.isEmpty()) {
            return Outcome.refused(InventoryErrorCode.NOT_FOUND, "roomTypeId", "no such room type");
        }
        if (!viewer.get().mayManageFor(terms.get().ownerId())) {
            return Outcome.refused(InventoryErrorCode.FORBIDDEN, "roomTypeId", "this room type is not yours");
        }
        if (terms.get().removed()) {
            return Outcome.refused(InventoryErrorCode.ROOM_TYPE_REMOVED, "roomTypeId",
                    "this room type was removed and is no longer sold");
        }
        LocalDate today = LocalDate.now(clock.withZone(terms.get().zone()));
        OptionalInt digits = Currencies.digits(terms.get().currency());
        if (digits.isEmpty()) { // the catalog refuses such a currency; a property fed before that rule is not sold
            return Outcome.refused(InventoryErrorCode.NOT_FOR_SALE, "roomTypeId",
                    "the hotel's currency " + terms.get().currency() + " cannot price a stay");
        }
        var result = InventoryChange.of(roomTypeId.get(), input, today, digits.getAsInt());
        if (!result.ok()) {
            return new Outcome(null, 0, result.errors());
        }
        InventoryChange change = result.value();
        int mostBooked = inventory.lockNights(change.roomTypeId(), change.from(), change.to());
        if (change.rooms() != null && change.rooms() < mostBooked) {
            return Outcome.refused(InventoryErrorCode.ROOMS_BELOW_BOOKED, "rooms",
                    mostBooked + " rooms are already booked on a night of this range");
        }
        inventory.set(change);
        events.changed(terms.get().propertyId(), change, terms.get().currency());
        return new Outcome(change.roomTypeId(), change.nights().size(), List.of());
    }
}
