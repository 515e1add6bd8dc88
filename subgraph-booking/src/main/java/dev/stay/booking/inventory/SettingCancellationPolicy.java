package dev.stay.booking.inventory;

import dev.stay.codegen.booking.types.InventoryErrorCode;
import dev.stay.codegen.booking.types.SetCancellationPolicyInput;
import dev.stay.common.graphql.Validated;
import dev.stay.common.security.Viewer;
import java.util.Optional;
import java.util.UUID;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * An owner sets a room type's cancellation policy. Offers show it from then on; a booking keeps the policy it was
 * made under (the booking copies it), so changing it never changes what a guest already agreed to.
 */
@Component
class SettingCancellationPolicy {

    private final ManagedRoomTypes roomTypes;
    private final InventoryRepository inventory;

    SettingCancellationPolicy(ManagedRoomTypes roomTypes, InventoryRepository inventory) {
        this.roomTypes = roomTypes;
        this.inventory = inventory;
    }

    /** @return the room type's id once set, or the errors and nothing changed */
    @Transactional
    Validated<UUID, InventoryErrorCode> set(Optional<Viewer> viewer, SetCancellationPolicyInput input) {
        var roomType = roomTypes.find(viewer, input.getRoomTypeId());
        if (!roomType.ok()) {
            return Validated.refused(roomType.errors());
        }
        var policy = CancellationPolicyChange.of(input);
        if (!policy.ok()) {
            return Validated.refused(policy.errors());
        }
        inventory.setCancellationPolicy(roomType.value().id(), policy.value());
        return Validated.valid(roomType.value().id());
    }
}
