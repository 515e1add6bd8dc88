package dev.stay.booking.inventory;

import dev.stay.codegen.booking.types.InventoryErrorCode;
import dev.stay.common.graphql.FieldError;
import dev.stay.codegen.booking.types.SetRoomInventoryInput;
import dev.stay.common.security.Viewer;
import java.util.List;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.stereotype.Controller;

@Controller
class InventoryController {

    record SetRoomInventoryPayload(RoomOffer.RoomTypeRef roomType, int nights, List<FieldError<InventoryErrorCode>> errors) {}

    private final SettingInventory settingInventory;

    InventoryController(SettingInventory settingInventory) {
        this.settingInventory = settingInventory;
    }

    @MutationMapping
    SetRoomInventoryPayload setRoomInventory(@Argument SetRoomInventoryInput input) {
        SettingInventory.Outcome outcome = settingInventory.set(Viewer.current(), input);
        return new SetRoomInventoryPayload(
                outcome.roomTypeId() == null ? null : new RoomOffer.RoomTypeRef(outcome.roomTypeId()),
                outcome.nights(), outcome.errors());
    }
}
