package dev.stay.booking.notify;

import static dev.stay.booking.db.Tables.PROPERTY;
import static dev.stay.booking.db.Tables.REMINDER;
import static dev.stay.common.events.AppliedEvents.notNewerThan;
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
 * The {@code reminder} table: one row per confirmed booking, due at a local hour of the day before arrival in the
 * property's time zone, following the booking's events (a change of dates makes it due again for the new dates, a
 * cancellation ends it), never an older event over a newer one.
 */
@Repository
class Reminders {

    /** A reminder taken by one instance, with what its message needs. */
    record Due(UUID bookingId, String reference, UUID propertyId, UUID guestId, LocalDate checkIn, LocalDate checkOut,
               ZoneId zone, int attempts, Instant asOf) {

        String eventId() {
            return "reminder:" + bookingId + ":" + checkIn;
        }

        BookedStay stay() {
            return new BookedStay(bookingId, reference, propertyId, guestId, checkIn, checkOut, null, null, null, null,
                    null, null, asOf);
        }
    }

    private final DSLContext db;

    Reminders(DSLContext db) {
        this.db = db;
    }

    /**
     * @param ended whether the booking no longer happens (cancelled): nothing is due then
     * @param at the local time of the day before arrival to remind at
     */
    void follow(BookedStay stay, boolean ended, LocalTime at, Instant asOf) {
        String zone = db.select(PROPERTY.TIME_ZONE).from(PROPERTY).where(PROPERTY.ID.eq(stay.propertyId()))
                .fetchOptional(PROPERTY.TIME_ZONE).filter(z -> z != null && !z.isBlank()).orElse("UTC");
        Instant remindAt = stay.checkIn().minusDays(1).atTime(at).atZone(zoneOf(zone)).toInstant();
        db.insertInto(REMINDER)
                .set(REMINDER.BOOKING_ID, stay.bookingId())
                .set(REMINDER.REFERENCE, stay.reference())
                .set(REMINDER.PROPERTY_ID, stay.propertyId())
                .set(REMINDER.GUEST_ID, stay.guestId())
                .set(REMINDER.CHECK_IN, stay.checkIn())
                .set(REMINDER.CHECK_OUT, stay.checkOut())
                .set(REMINDER.TIME_ZONE, zone)
                .set(REMINDER.REMIND_AT, remindAt.atOffset(ZoneOffset.UTC))
                .set(REMINDER.ATTEMPTS, 0)
                .set(REMINDER.DONE_AT, ended ? asOf.atOffset(ZoneOffset.UTC) : null)
                .set(REMINDER.AS_OF, asOf.atOffset(ZoneOffset.UTC))
                .onConflict(REMINDER.BOOKING_ID)
                .doUpdate()
                .set(REMINDER.CHECK_IN, excluded(REMINDER.CHECK_IN))
                .set(REMINDER.CHECK_OUT, excluded(REMINDER.CHECK_OUT))
                .set(REMINDER.TIME_ZONE, excluded(REMINDER.TIME_ZONE))
                .set(REMINDER.REMIND_AT, excluded(REMINDER.REMIND_AT))
                .set(REMINDER.ATTEMPTS, 0)
                .set(REMINDER.DONE_AT, excluded(REMINDER.DONE_AT))
                .set(REMINDER.AS_OF, excluded(REMINDER.AS_OF))
                .where(notNewerThan(REMINDER.AS_OF, asOf.atOffset(ZoneOffset.UTC)))
                .execute();
    }

    /**
     * Takes up to {@code batch} reminders due at {@code now} for {@code lease}: their time is pushed past the lease in
     * one statement, rows other instances are taking skipped ({@code SKIP LOCKED}), so each goes to one instance; one
     * that stops mid-way leaves them to be taken again when the lease ends.
     */
    List<Due> take(Instant now, int batch, Duration lease) {
        return db.update(REMINDER)
                .set(REMINDER.REMIND_AT, now.plus(lease).atOffset(ZoneOffset.UTC))
                .where(REMINDER.BOOKING_ID.in(select(REMINDER.BOOKING_ID).from(REMINDER)
                        .where(REMINDER.DONE_AT.isNull())
                        .and(REMINDER.REMIND_AT.le(now.atOffset(ZoneOffset.UTC)))
                        .orderBy(REMINDER.REMIND_AT)
                        .limit(batch)
                        .forUpdate().skipLocked()))
                .returningResult(REMINDER.BOOKING_ID, REMINDER.REFERENCE, REMINDER.PROPERTY_ID, REMINDER.GUEST_ID,
                        REMINDER.CHECK_IN, REMINDER.CHECK_OUT, REMINDER.TIME_ZONE, REMINDER.ATTEMPTS, REMINDER.AS_OF)
                .fetch(r -> new Due(r.value1(), r.value2(), r.value3(), r.value4(), r.value5(), r.value6(),
                        zoneOf(r.value7()), r.value8(), r.value9().toInstant()));
    }

    /** Sent, skipped or given up; unless the booking moved meanwhile (then the new dates' reminder stays due). */
    void done(Due due, Instant now) {
        db.update(REMINDER)
                .set(REMINDER.DONE_AT, now.atOffset(ZoneOffset.UTC))
                .where(REMINDER.BOOKING_ID.eq(due.bookingId()))
                .and(REMINDER.AS_OF.eq(due.asOf().atOffset(ZoneOffset.UTC)))
                .execute();
    }

    void retryAt(Due due, Instant when) {
        db.update(REMINDER)
                .set(REMINDER.REMIND_AT, when.atOffset(ZoneOffset.UTC))
                .set(REMINDER.ATTEMPTS, REMINDER.ATTEMPTS.plus(1))
                .where(REMINDER.BOOKING_ID.eq(due.bookingId()))
                .and(REMINDER.AS_OF.eq(due.asOf().atOffset(ZoneOffset.UTC)))
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
