package dev.stay.booking.inventory;

import dev.stay.codegen.booking.types.InventoryErrorCode;
import dev.stay.common.graphql.FieldError;
import dev.stay.codegen.booking.types.SetCancellationPolicyInput;
import dev.stay.codegen.booking.types.SetRoomInventoryInput;
import dev.stay.common.security.Viewer;
import java.util.List;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.stereotype.Controller;

@Controller
class InventoryController {

    record SetRoomInventoryPayload(RoomOffer.RoomTypeRef roomType, int nights, List<FieldError<InventoryErrorCode>> errors) {}

    record SetCancellationPolicyPayload(RoomOffer.RoomTypeRef roomType, List<FieldError<InventoryErrorCode>> errors) {}

    private final SettingInventory settingInventory;
    private final SettingCancellationPolicy settingCancellationPolicy;

    InventoryController(SettingInventory settingInventory, SettingCancellationPolicy settingCancellationPolicy) {
        this.settingInventory = settingInventory;
        this.settingCancellationPolicy = settingCancellationPolicy;
    }

    @MutationMapping
    SetCancellationPolicyPayload setCancellationPolicy(@Argument SetCancellationPolicyInput input) {
        var outcome = settingCancellationPolicy.set(Viewer.current(), input);
        return new SetCancellationPolicyPayload(outcome.ok() ? new RoomOffer.RoomTypeRef(outcome.value()) : null,
                outcome.errors());
    }

    @MutationMapping
    SetRoomInventoryPayload setRoomInventory(@Argument SetRoomInventoryInput input) {
        SettingInventory.Outcome outcome = settingInventory.set(Viewer.current(), input);
        return new SetRoomInventoryPayload(
                outcome.roomTypeId() == null ? null : new RoomOffer.RoomTypeRef(outcome.roomTypeId()),
                outcome.nights(), outcome.errors());
    }
}
