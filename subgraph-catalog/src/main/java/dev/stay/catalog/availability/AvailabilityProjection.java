package dev.stay.catalog.availability;

import static dev.stay.catalog.db.Tables.AVAILABILITY_NIGHT;
import static dev.stay.catalog.db.Tables.AVAILABILITY_ROOM_TYPE;
import static org.jooq.impl.DSL.excluded;
import static org.jooq.impl.DSL.greatest;
import static org.jooq.impl.DSL.max;
import static org.jooq.impl.DSL.select;
import static org.jooq.impl.DSL.val;

import dev.stay.common.events.EventReader;
import dev.stay.common.events.ReceivedEvent;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import org.jooq.DSLContext;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Applies booking's inventory events to the projection, in the transaction of the consumer that marked the event
 * applied (bookingfeed's listener: one consumer of {@code booking.inventory} for the catalog). Every row keeps
 * booking's version of it and changes only for a strictly higher one, so a replay changes nothing and an older state
 * that reaches the broker late (concurrent transactions leave booking's outbox out of commit order) never replaces a
 * newer one. What changed is announced as {@link AvailabilityChanged} once the transaction committed. A room type
 * keeps the last night that has a row of its own ({@code nights_until}), so {@link BookableStays} skips the nights of
 * room types a stay does not reach; the nights of a room type may arrive before it, so its first row reads them.
 */
@Component
public class AvailabilityProjection {

    /** The facts of {@code booking.inventory} the projection follows. */
    static final Set<String> TYPES = Set.of("rooms-changed", "inventory-changed", "room-type-changed");

    private final EventReader events;
    private final DSLContext db;
    private final ApplicationEventPublisher publisher;

    AvailabilityProjection(EventReader events, DSLContext db, ApplicationEventPublisher publisher) {
        this.events = events;
        this.db = db;
        this.publisher = publisher;
    }

    /** Whether {@link #apply} has anything to do with events of this type. */
    public boolean follows(String type) {
        return TYPES.contains(type);
    }

    /** @throws dev.stay.common.events.MalformedEventException when the event lacks what the projection copies */
    @Transactional(propagation = Propagation.MANDATORY)
    public void apply(ReceivedEvent event) {
        switch (event.type()) {
            case "room-type-changed" -> apply(events.data(event, RoomTypeOnSale.class));
            case "rooms-changed", "inventory-changed" -> apply(events.data(event, SaleNights.class));
            default -> { }
        }
    }

    private void apply(RoomTypeOnSale roomType) {
        int changed = db.insertInto(AVAILABILITY_ROOM_TYPE)
                .set(AVAILABILITY_ROOM_TYPE.UNIT_TYPE_ID, roomType.roomTypeId())
                .set(AVAILABILITY_ROOM_TYPE.PROPERTY_ID, roomType.propertyId())
                .set(AVAILABILITY_ROOM_TYPE.MAX_GUESTS, roomType.maxGuests())
                .set(AVAILABILITY_ROOM_TYPE.DEFAULT_UNITS, roomType.defaultUnits())
                .set(AVAILABILITY_ROOM_TYPE.BASE_PRICE, roomType.basePrice())
                .set(AVAILABILITY_ROOM_TYPE.MIN_STAY, roomType.minStay())
                .set(AVAILABILITY_ROOM_TYPE.MAX_STAY, roomType.maxStay())
                .set(AVAILABILITY_ROOM_TYPE.ACTIVE, roomType.active())
                .set(AVAILABILITY_ROOM_TYPE.VERSION, roomType.version())
                .set(AVAILABILITY_ROOM_TYPE.NIGHTS_UNTIL, select(max(AVAILABILITY_NIGHT.NIGHT)).from(AVAILABILITY_NIGHT)
                        .where(AVAILABILITY_NIGHT.UNIT_TYPE_ID.eq(roomType.roomTypeId())))
                .onConflict(AVAILABILITY_ROOM_TYPE.UNIT_TYPE_ID)
                .doUpdate()
                .set(AVAILABILITY_ROOM_TYPE.PROPERTY_ID, excluded(AVAILABILITY_ROOM_TYPE.PROPERTY_ID))
                .set(AVAILABILITY_ROOM_TYPE.MAX_GUESTS, excluded(AVAILABILITY_ROOM_TYPE.MAX_GUESTS))
                .set(AVAILABILITY_ROOM_TYPE.DEFAULT_UNITS, excluded(AVAILABILITY_ROOM_TYPE.DEFAULT_UNITS))
                .set(AVAILABILITY_ROOM_TYPE.BASE_PRICE, excluded(AVAILABILITY_ROOM_TYPE.BASE_PRICE))
                .set(AVAILABILITY_ROOM_TYPE.MIN_STAY, excluded(AVAILABILITY_ROOM_TYPE.MIN_STAY))
                .set(AVAILABILITY_ROOM_TYPE.MAX_STAY, excluded(AVAILABILITY_ROOM_TYPE.MAX_STAY))
                .set(AVAILABILITY_ROOM_TYPE.ACTIVE, excluded(AVAILABILITY_ROOM_TYPE.ACTIVE))
                .set(AVAILABILITY_ROOM_TYPE.VERSION, excluded(AVAILABILITY_ROOM_TYPE.VERSION))
                .where(AVAILABILITY_ROOM_TYPE.VERSION.lt(excluded(AVAILABILITY_ROOM_TYPE.VERSION)))
                .execute();
        if (changed > 0) {
            afterCommit(new AvailabilityChanged(roomType.propertyId(), null, null));
        }
    }

    private void apply(SaleNights change) {
        if (change.sale().isEmpty()) {
            return;
        }
        var insert = db.insertInto(AVAILABILITY_NIGHT, AVAILABILITY_NIGHT.UNIT_TYPE_ID, AVAILABILITY_NIGHT.NIGHT,
                AVAILABILITY_NIGHT.TOTAL_UNITS, AVAILABILITY_NIGHT.TAKEN_UNITS, AVAILABILITY_NIGHT.PRICE,
                AVAILABILITY_NIGHT.CLOSED, AVAILABILITY_NIGHT.MIN_STAY, AVAILABILITY_NIGHT.MAX_STAY,
                AVAILABILITY_NIGHT.CLOSED_TO_ARRIVAL, AVAILABILITY_NIGHT.CLOSED_TO_DEPARTURE, AVAILABILITY_NIGHT.VERSION);
        for (SaleNights.Night n : change.sale()) {
            insert = insert.values(change.roomTypeId(), n.night(), n.rooms(), n.taken(), n.price(), n.closed(),
                    n.minStay(), n.maxStay(), n.closedToArrival(), n.closedToDeparture(), n.version());
        }
        List<LocalDate> changed = insert
                .onConflict(AVAILABILITY_NIGHT.UNIT_TYPE_ID, AVAILABILITY_NIGHT.NIGHT)
                .doUpdate()
                .set(AVAILABILITY_NIGHT.TOTAL_UNITS, excluded(AVAILABILITY_NIGHT.TOTAL_UNITS))
                .set(AVAILABILITY_NIGHT.TAKEN_UNITS, excluded(AVAILABILITY_NIGHT.TAKEN_UNITS))
                .set(AVAILABILITY_NIGHT.PRICE, excluded(AVAILABILITY_NIGHT.PRICE))
                .set(AVAILABILITY_NIGHT.CLOSED, excluded(AVAILABILITY_NIGHT.CLOSED))
                .set(AVAILABILITY_NIGHT.MIN_STAY, excluded(AVAILABILITY_NIGHT.MIN_STAY))
                .set(AVAILABILITY_NIGHT.MAX_STAY, excluded(AVAILABILITY_NIGHT.MAX_STAY))
                .set(AVAILABILITY_NIGHT.CLOSED_TO_ARRIVAL, excluded(AVAILABILITY_NIGHT.CLOSED_TO_ARRIVAL))
                .set(AVAILABILITY_NIGHT.CLOSED_TO_DEPARTURE, excluded(AVAILABILITY_NIGHT.CLOSED_TO_DEPARTURE))
                .set(AVAILABILITY_NIGHT.VERSION, excluded(AVAILABILITY_NIGHT.VERSION))
                .where(AVAILABILITY_NIGHT.VERSION.lt(excluded(AVAILABILITY_NIGHT.VERSION)))
                .returning(AVAILABILITY_NIGHT.NIGHT)
                .fetch(AVAILABILITY_NIGHT.NIGHT);
        // PostgreSQL's greatest ignores a null: the first night with a row sets it
        LocalDate last = change.sale().stream().map(SaleNights.Night::night).max(LocalDate::compareTo).orElseThrow();
        db.update(AVAILABILITY_ROOM_TYPE)
                .set(AVAILABILITY_ROOM_TYPE.NIGHTS_UNTIL, greatest(AVAILABILITY_ROOM_TYPE.NIGHTS_UNTIL, val(last)))
                .where(AVAILABILITY_ROOM_TYPE.UNIT_TYPE_ID.eq(change.roomTypeId()))
                .execute();
        if (!changed.isEmpty()) {
            afterCommit(new AvailabilityChanged(change.propertyId(),
                    changed.stream().min(LocalDate::compareTo).orElseThrow(),
                    changed.stream().max(LocalDate::compareTo).orElseThrow()));
        }
    }

    private void afterCommit(AvailabilityChanged changed) {
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCommit() {
                publisher.publishEvent(changed);
            }
        });
    }
}
