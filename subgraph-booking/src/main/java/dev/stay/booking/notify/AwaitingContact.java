package dev.stay.booking.notify;

import static dev.stay.booking.db.Tables.GUEST_CONTACT;
import static dev.stay.booking.db.Tables.NOTIFICATION_AWAITING_CONTACT;
import static org.jooq.impl.DSL.exists;
import static org.jooq.impl.DSL.select;
import static org.jooq.impl.DSL.selectOne;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import org.jooq.DSLContext;
import org.springframework.stereotype.Repository;

/**
 * Booking events of guests booking has no contact for yet ({@code notification_awaiting_contact}): a guest who signs
 * up and books at once can be faster than users' {@code profile-changed}. Rather than lose the confirmation, the
 * event waits here until the contact arrives, then is delivered as if it came again.
 */
@Repository
class AwaitingContact {

    /** An event taken to be delivered; {@code contactKnown} false means it waited too long and is given up. */
    record Waiting(String eventId, String key, String value, boolean contactKnown) {}

    private final DSLContext db;

    AwaitingContact(DSLContext db) {
        this.db = db;
    }

    /** Keeps the event until the guest's contact arrives; an event kept already stays as it is. */
    void park(String eventId, UUID guestId, String key, String value) {
        db.insertInto(NOTIFICATION_AWAITING_CONTACT)
                .set(NOTIFICATION_AWAITING_CONTACT.EVENT_ID, eventId)
                .set(NOTIFICATION_AWAITING_CONTACT.GUEST_ID, guestId)
                .set(NOTIFICATION_AWAITING_CONTACT.RECORD_KEY, key)
                .set(NOTIFICATION_AWAITING_CONTACT.RECORD_VALUE, value)
                .onConflictDoNothing()
                .execute();
    }

    /**
     * Takes, for {@code lease}, up to {@code batch} events whose guest's contact has arrived or that waited longer than
     * {@code maxWait}, oldest first: one statement, rows another instance is taking skipped, so each goes to one
     * instance; one that stops mid-way leaves them to be taken again when the lease ends.
     */
    List<Waiting> take(Instant now, int batch, Duration lease, Duration maxWait) {
        OffsetDateTime at = now.atOffset(ZoneOffset.UTC);
        var contactKnown = exists(selectOne().from(GUEST_CONTACT)
                .where(GUEST_CONTACT.USER_ID.eq(NOTIFICATION_AWAITING_CONTACT.GUEST_ID)));
        return db.update(NOTIFICATION_AWAITING_CONTACT)
                .set(NOTIFICATION_AWAITING_CONTACT.LEASED_UNTIL, at.plus(lease))
                .where(NOTIFICATION_AWAITING_CONTACT.EVENT_ID.in(select(NOTIFICATION_AWAITING_CONTACT.EVENT_ID)
                        .from(NOTIFICATION_AWAITING_CONTACT)
                        .where(NOTIFICATION_AWAITING_CONTACT.LEASED_UNTIL.le(at))
                        .and(contactKnown.or(NOTIFICATION_AWAITING_CONTACT.PARKED_AT.le(at.minus(maxWait))))
                        .orderBy(NOTIFICATION_AWAITING_CONTACT.PARKED_AT)
                        .limit(batch)
                        .forUpdate().skipLocked()))
                .returningResult(NOTIFICATION_AWAITING_CONTACT.EVENT_ID, NOTIFICATION_AWAITING_CONTACT.RECORD_KEY,
                        NOTIFICATION_AWAITING_CONTACT.RECORD_VALUE, contactKnown)
                .fetch(r -> new Waiting(r.value1(), r.value2(), r.value3(), r.value4()));
    }

    /** Delivered or given up: it waits no more. */
    void done(String eventId) {
        db.deleteFrom(NOTIFICATION_AWAITING_CONTACT).where(NOTIFICATION_AWAITING_CONTACT.EVENT_ID.eq(eventId)).execute();
    }

    int count() {
        return db.fetchCount(NOTIFICATION_AWAITING_CONTACT);
    }
}
