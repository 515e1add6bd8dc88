package dev.stay.booking.notify;

import static dev.stay.booking.db.Tables.RESERVATION_REMINDER;
import static dev.stay.booking.db.Tables.RESTAURANT;
import static org.jooq.impl.DSL.excluded;
import static org.jooq.impl.DSL.select;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import org.jooq.DSLContext;
import org.springframework.stereotype.Repository;

/**
 * The {@code reservation_reminder} table: one row per reservation, due at a local hour of the morning of its day in
 * the restaurant's time zone while it is CONFIRMED, following its events by version (a change makes it due again for
 * the new day, any other status ends it), never an older event over a newer one. A reservation confirmed after that
 * hour of its own day gets no reminder: its confirmation has just told the guest.
 */
@Repository
class ReservationReminders {

    /** A reminder taken by one instance, with what its message needs. */
    record Due(UUID reservationId, String reference, UUID restaurantId, UUID guestId, LocalDate date, LocalTime time,
               int partySize, Instant startsAt, int attempts, int version) {

        String eventId() {
            return "reservation-reminder:" + reservationId + ":" + date + "T" + time;
        }

        ReservedTable table() {
            return new ReservedTable(reservationId, reference, restaurantId, guestId, date, time, startsAt, partySize,
                    "CONFIRMED", null, null, version, null);
        }
    }

    private final DSLContext db;

    ReservationReminders(DSLContext db) {
        this.db = db;
    }

    /** @param at the local time of the reservation's day to remind at */
    void follow(ReservedTable table, LocalTime at, Instant asOf) {
        String zone = db.select(RESTAURANT.TIME_ZONE).from(RESTAURANT).where(RESTAURANT.ID.eq(table.restaurantId()))
                .fetchOptional(RESTAURANT.TIME_ZONE).orElse("UTC");
        Instant remindAt = table.date().atTime(at).atZone(zoneOf(zone)).toInstant();
        boolean due = table.status().equals("CONFIRMED") && (asOf == null || asOf.isBefore(remindAt));
        db.insertInto(RESERVATION_REMINDER)
                .set(RESERVATION_REMINDER.RESERVATION_ID, table.reservationId())
                .set(RESERVATION_REMINDER.REFERENCE, table.reference())
                .set(RESERVATION_REMINDER.RESTAURANT_ID, table.restaurantId())
                .set(RESERVATION_REMINDER.GUEST_ID, table.guestId())
                .set(RESERVATION_REMINDER.DAY, table.date())
                .set(RESERVATION_REMINDER.LOCAL_TIME, table.time())
                .set(RESERVATION_REMINDER.PARTY_SIZE, table.partySize() == null ? 1 : table.partySize())
                .set(RESERVATION_REMINDER.STARTS_AT, table.startsAt().atOffset(ZoneOffset.UTC))
                .set(RESERVATION_REMINDER.REMIND_AT, remindAt.atOffset(ZoneOffset.UTC))
                .set(RESERVATION_REMINDER.ATTEMPTS, 0)
                .set(RESERVATION_REMINDER.DONE_AT, due ? null : Instant.now().atOffset(ZoneOffset.UTC))
                .set(RESERVATION_REMINDER.VERSION, table.version())
                .onConflict(RESERVATION_REMINDER.RESERVATION_ID)
                .doUpdate()
                .set(RESERVATION_REMINDER.DAY, excluded(RESERVATION_REMINDER.DAY))
                .set(RESERVATION_REMINDER.LOCAL_TIME, excluded(RESERVATION_REMINDER.LOCAL_TIME))
                .set(RESERVATION_REMINDER.PARTY_SIZE, excluded(RESERVATION_REMINDER.PARTY_SIZE))
                .set(RESERVATION_REMINDER.STARTS_AT, excluded(RESERVATION_REMINDER.STARTS_AT))
                .set(RESERVATION_REMINDER.REMIND_AT, excluded(RESERVATION_REMINDER.REMIND_AT))
                .set(RESERVATION_REMINDER.ATTEMPTS, 0)
                .set(RESERVATION_REMINDER.DONE_AT, excluded(RESERVATION_REMINDER.DONE_AT))
                .set(RESERVATION_REMINDER.VERSION, excluded(RESERVATION_REMINDER.VERSION))
                .where(RESERVATION_REMINDER.VERSION.lt(excluded(RESERVATION_REMINDER.VERSION)))
                .execute();
    }

    /**
     * Takes up to {@code batch} reminders due at {@code now} for {@code lease}, in one statement, rows other instances
     * are taking skipped, so each goes to one instance; one that stops mid-way leaves them to be taken again later.
     */
    List<Due> take(Instant now, int batch, Duration lease) {
        return db.update(RESERVATION_REMINDER)
                .set(RESERVATION_REMINDER.REMIND_AT, now.plus(lease).atOffset(ZoneOffset.UTC))
                .where(RESERVATION_REMINDER.RESERVATION_ID.in(select(RESERVATION_REMINDER.RESERVATION_ID)
                        .from(RESERVATION_REMINDER)
                        .where(RESERVATION_REMINDER.DONE_AT.isNull())
                        .and(RESERVATION_REMINDER.REMIND_AT.le(now.atOffset(ZoneOffset.UTC)))
                        .orderBy(RESERVATION_REMINDER.REMIND_AT)
                        .limit(batch)
                        .forUpdate().skipLocked()))
                .returningResult(RESERVATION_REMINDER.RESERVATION_ID, RESERVATION_REMINDER.REFERENCE,
                        RESERVATION_REMINDER.RESTAURANT_ID, RESERVATION_REMINDER.GUEST_ID, RESERVATION_REMINDER.DAY,
                        RESERVATION_REMINDER.LOCAL_TIME, RESERVATION_REMINDER.PARTY_SIZE,
                        RESERVATION_REMINDER.STARTS_AT, RESERVATION_REMINDER.ATTEMPTS, RESERVATION_REMINDER.VERSION)
                .fetch(r -> new Due(r.value1(), r.value2(), r.value3(), r.value4(), r.value5(), r.value6(),
                        r.value7(), r.value8().toInstant(), r.value9(), r.value10()));
    }

    /** Sent, skipped or given up; unless the reservation changed meanwhile (then the new one stays due). */
    void done(Due due, Instant now) {
        db.update(RESERVATION_REMINDER).set(RESERVATION_REMINDER.DONE_AT, now.atOffset(ZoneOffset.UTC))
                .where(RESERVATION_REMINDER.RESERVATION_ID.eq(due.reservationId()))
                .and(RESERVATION_REMINDER.VERSION.eq(due.version()))
                .execute();
    }

    void retryAt(Due due, Instant when) {
        db.update(RESERVATION_REMINDER).set(RESERVATION_REMINDER.REMIND_AT, when.atOffset(ZoneOffset.UTC))
                .set(RESERVATION_REMINDER.ATTEMPTS, RESERVATION_REMINDER.ATTEMPTS.plus(1))
                .where(RESERVATION_REMINDER.RESERVATION_ID.eq(due.reservationId()))
                .and(RESERVATION_REMINDER.VERSION.eq(due.version()))
                .execute();
    }

    private static ZoneId zoneOf(String zone) {
        try {
            return ZoneId.of(zone);
        } catch (RuntimeException e) {
            return ZoneOffset.UTC; // the catalog checks zones; an unknown one reminds on UTC's day rather than never
        }
    }
}
