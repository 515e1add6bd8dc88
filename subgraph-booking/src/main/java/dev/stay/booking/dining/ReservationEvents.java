package dev.stay.booking.dining;

import static dev.stay.booking.db.Tables.TABLE_RESERVATION;

import dev.stay.booking.db.tables.records.TableReservationRecord;
import dev.stay.common.outbox.Outbox;
import java.time.Instant;
import java.time.OffsetDateTime;
import org.jooq.DSLContext;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The one way a table reservation's state changes: {@link #created} and {@link #changed} store the row and announce
 * its new state on {@link #TOPIC} through the outbox, in the caller's transaction, with the next version. Whoever
 * moves a reservation (reserving, settling, sweeping, cancelling, seating, completing...) goes through here, so no
 * state change goes unannounced and versions never go backwards.
 */
@Component
public class ReservationEvents {

    /** One topic for every reservation, keyed by restaurant id so that a restaurant's facts stay in order. */
    public static final String TOPIC = "booking.reservation";
    public static final String HELD = "reservation.held";
    public static final String CONFIRMED = "reservation.confirmed";
    public static final String CHANGED = "reservation.changed";
    public static final String CANCELLED = "reservation.cancelled";
    public static final String SEATED = "reservation.seated";
    public static final String COMPLETED = "reservation.completed";
    public static final String NO_SHOW = "reservation.no-show";
    public static final String EXPIRED = "reservation.expired";
    public static final String PAYMENT_FAILED = "reservation.payment-failed";

    private final DSLContext db;
    private final Outbox outbox;

    ReservationEvents(DSLContext db, Outbox outbox) {
        this.db = db;
        this.outbox = outbox;
    }

    /** Inserts a new reservation (version 1) and announces it as {@code type}. */
    @Transactional(propagation = Propagation.MANDATORY)
    public void created(TableReservationRecord r, String type) {
        OffsetDateTime now = OffsetDateTime.now();
        r.setVersion(1);
        r.setCreatedAt(now);
        r.setUpdatedAt(now);
        db.executeInsert(r);
        announce(r, type);
    }

    /**
     * Stores the row's changes with the next version and announces them as {@code type}. The row should be locked by
     * the caller's transaction ({@link Reservations#lock}).
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public void changed(TableReservationRecord r, String type) {
        r.setVersion(r.getVersion() + 1);
        r.setUpdatedAt(OffsetDateTime.now());
        db.executeUpdate(r, TABLE_RESERVATION.ID.eq(r.getId()));
        announce(r, type);
    }

    /** Stores the row's changes (payment bookkeeping) that others need not learn about: no event, no new version. */
    @Transactional(propagation = Propagation.MANDATORY)
    public void noted(TableReservationRecord r) {
        r.setUpdatedAt(OffsetDateTime.now());
        db.executeUpdate(r, TABLE_RESERVATION.ID.eq(r.getId()));
    }

    private void announce(TableReservationRecord r, String type) {
        if (r.getChangeOf() != null) {
            return; // the held new slot of a change being paid is not a reservation of its own
        }
        outbox.append(TOPIC, r.getRestaurantId().toString(), type, new ReservationEvent(r.getId(), r.getReference(),
                r.getRestaurantId(), r.getTableId(), r.getGuestId(), r.getDay(), r.getLocalTime(),
                r.getStartsAt().toInstant(), r.getEndsAt().toInstant(), r.getPartySize(), r.getStatus(),
                TableReservation.Money.of(r.getDeposit(), r.getCurrency()).amount(), r.getCurrency(), r.getVersion(), Instant.now()));
    }
}
