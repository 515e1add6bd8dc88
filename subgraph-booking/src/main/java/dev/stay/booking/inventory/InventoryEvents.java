package dev.stay.booking.inventory;

import dev.stay.common.outbox.Outbox;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.springframework.stereotype.Component;

/** What booking tells the rest of Stay about inventory, through the outbox of the transaction that changed it. */
@Component
class InventoryEvents {

    /** One topic for the inventory of every property, keyed by property id so that a property's changes stay in order. */
    static final String TOPIC = "booking.inventory";
    /** The fact: an owner changed rooms, price, closure or sale rules of some nights. */
    static final String INVENTORY_CHANGED = "inventory-changed";
    /** The fact: bookings took or gave back rooms of some nights. */
    static final String ROOMS_CHANGED = "rooms-changed";
    /** The fact: a room type's sale defaults, party size or being sold at all changed. */
    static final String ROOM_TYPE_CHANGED = "room-type-changed";

    private final Outbox outbox;

    InventoryEvents(Outbox outbox) {
        this.outbox = outbox;
    }

    UUID changed(UUID propertyId, InventoryChange change, String currency, List<NightOnSale> sale) {
        return outbox.append(TOPIC, propertyId.toString(), INVENTORY_CHANGED, new InventoryChanged(propertyId, change.roomTypeId(),
                change.from(), change.to(), change.rooms(), change.price(), currency, change.closed(), change.minStay(),
                change.maxStay(), change.closedToArrival(), change.closedToDeparture(), sale, Instant.now()));
    }

    UUID roomTypeChanged(RoomTypeOnSale roomType) {
        return outbox.append(TOPIC, roomType.propertyId().toString(), ROOM_TYPE_CHANGED, roomType);
    }

    UUID roomsChanged(RoomsChanged change) {
        return outbox.append(TOPIC, change.propertyId().toString(), ROOMS_CHANGED, change);
    }
}
