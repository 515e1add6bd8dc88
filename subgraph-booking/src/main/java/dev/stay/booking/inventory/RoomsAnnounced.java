package dev.stay.booking.inventory;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.UUID;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * {@code rooms-changed} for the nights {@link RoomsForBooking} took or gave back rooms on (and for the nights the
 * catalog's feed changed the count of), published through the outbox just before the transaction commits, while it
 * still holds the nights locked: one event per room type, each night with the rooms free after everything the
 * transaction did, and its stored state with its version ({@link NightOnSale}) for search's projection. A change of
 * dates gives the old nights back and takes the new ones in one transaction; search learns its outcome, never the
 * moment in between (old nights free, new ones not yet taken). A dearer change holds both stays in that transaction,
 * and gives back the side that lost in the one that settles its extra charge: two events, each true when published.
 * A transaction rolled back publishes nothing.
 */
@Component
public class RoomsAnnounced {

    private final InventoryRepository inventory;
    private final SaleStates states;
    private final InventoryEvents events;
    private final Clock clock;

    RoomsAnnounced(InventoryRepository inventory, SaleStates states, InventoryEvents events, Clock clock) {
        this.inventory = inventory;
        this.states = states;
        this.events = events;
        this.clock = clock;
    }

    /** Adds the nights from check-in to the night before check-out to this transaction's announcement. */
    void beforeCommit(UUID roomTypeId, LocalDate checkIn, LocalDate checkOut) {
        beforeCommit(roomTypeId, checkIn.datesUntil(checkOut).toList());
    }

    /** Adds these nights of the room type to this transaction's announcement. */
    public void beforeCommit(UUID roomTypeId, Collection<LocalDate> nights) {
        if (nights.isEmpty()) {
            return;
        }
        var touched = (TouchedNights) TransactionSynchronizationManager.getResource(this);
        if (touched == null) {
            touched = new TouchedNights();
            TransactionSynchronizationManager.bindResource(this, touched);
            TransactionSynchronizationManager.registerSynchronization(touched);
        }
        touched.byRoomType.computeIfAbsent(roomTypeId, id -> new TreeSet<>()).addAll(nights);
    }

    /**
     * Announces the room type's sale defaults as they stand now in this transaction ({@code room-type-changed}):
     * call after changing them.
     */
    public void roomTypeChanged(UUID roomTypeId) {
        states.roomType(roomTypeId, clock.instant()).ifPresent(events::roomTypeChanged);
    }

    /** The nights of each room type this transaction took or gave back rooms on, in the order it touched them. */
    private final class TouchedNights implements TransactionSynchronization {

        final Map<UUID, SortedSet<LocalDate>> byRoomType = new LinkedHashMap<>();

        @Override
        public void beforeCommit(boolean readOnly) {
            var now = clock.instant();
            byRoomType.forEach((roomTypeId, nights) -> inventory
                    .roomsOf(roomTypeId, nights, states.nights(roomTypeId, nights), now)
                    .ifPresent(events::roomsChanged));
        }

        @Override
        public void afterCompletion(int status) {
            TransactionSynchronizationManager.unbindResourceIfPossible(RoomsAnnounced.this);
        }
    }
}
