package dev.stay.booking.inventory;

import dev.stay.common.graphql.FieldError;
import dev.stay.codegen.booking.types.InventoryErrorCode;
import dev.stay.codegen.booking.types.SetRoomInventoryInput;
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
 * An owner sets the rooms, price, closure or sale rules of a room type over a range of nights. The nights are locked in date
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

    private final ManagedRoomTypes roomTypes;
    private final InventoryRepository inventory;
    private final InventoryEvents events;
    private final SaleStates states;
    private final Clock clock;

    SettingInventory(ManagedRoomTypes roomTypes, InventoryRepository inventory, InventoryEvents events,
                     SaleStates states, Clock clock) {
        this.roomTypes = roomTypes;
        this.inventory = inventory;
        this.events = events;
        this.states = states;
        this.clock = clock;
    }

    @Transactional
    Outcome set(Optional<Viewer> viewer, SetRoomInventoryInput input) {
        var roomType = roomTypes.find(viewer, input.getRoomTypeId());
        if (!roomType.ok()) {
            return new Outcome(null, 0, roomType.errors());
        }
        UUID roomTypeId = roomType.value().id();
        InventoryRepository.SaleTerms terms = roomType.value().terms();
        LocalDate today = LocalDate.now(clock.withZone(terms.zone()));
        OptionalInt digits = Currencies.digits(terms.currency());
        if (digits.isEmpty()) { // the catalog refuses such a currency; a property fed before that rule is not sold
            return Outcome.refused(InventoryErrorCode.NOT_FOR_SALE, "roomTypeId",
                    "the hotel's currency " + terms.currency() + " cannot price a stay");
        }
        var result = InventoryChange.of(roomTypeId, input, today, digits.getAsInt());
        if (!result.ok()) {
            return new Outcome(null, 0, result.errors());
        }
        InventoryChange change = result.value();
        int mostBooked = inventory.lockNights(change.roomTypeId(), change.from(), change.to());
        if (change.rooms() != null && change.rooms() < mostBooked) {
            return Outcome.refused(InventoryErrorCode.ROOMS_BELOW_BOOKED, "rooms",
                    mostBooked + " rooms are already booked on a night of this range");
        }
        if ((change.minStay() != null || change.maxStay() != null) && inventory.leavesMaxStayBelowMinStay(change)) {
            return Outcome.refused(InventoryErrorCode.MAX_STAY_BELOW_MIN_STAY,
                    change.maxStay() != null ? "maxStay" : "minStay",
                    "a night of this range would have a maximum stay below its minimum stay");
        }
        inventory.set(change);
        events.changed(terms.propertyId(), change, terms.currency(),
                states.nights(change.roomTypeId(), change.from(), change.to()));
        return new Outcome(change.roomTypeId(), change.nights().size(), List.of());
    }
}
