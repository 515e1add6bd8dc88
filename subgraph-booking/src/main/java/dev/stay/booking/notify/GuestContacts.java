package dev.stay.booking.notify;

import static dev.stay.booking.db.Tables.GUEST_CONTACT;
import static dev.stay.common.events.AppliedEvents.notNewerThan;
import static org.jooq.Records.mapping;
import static org.jooq.impl.DSL.currentOffsetDateTime;
import static org.jooq.impl.DSL.excluded;

import java.util.Optional;
import java.util.UUID;
import org.jooq.DSLContext;
import org.springframework.stereotype.Repository;

/** Booking's {@code guest_contact}: the users subgraph's profiles as far as notifying needs them. */
@Repository
class GuestContacts {

    private final DSLContext db;

    GuestContacts(DSLContext db) {
        this.db = db;
    }

    Optional<GuestContact> find(UUID user) {
        return db.select(GUEST_CONTACT.USER_ID, GUEST_CONTACT.EMAIL, GUEST_CONTACT.PHONE, GUEST_CONTACT.LOCALE,
                        GUEST_CONTACT.NOTIFY_EMAIL, GUEST_CONTACT.NOTIFY_SMS, GUEST_CONTACT.NOTIFY_REMINDERS)
                .from(GUEST_CONTACT)
                .where(GUEST_CONTACT.USER_ID.eq(user))
                .fetchOptional(mapping(GuestContact::new));
    }

    /** Applies a profile unless the copy already holds a newer version. Call in the transaction that marked it. */
    void apply(ProfileChanged profile) {
        db.insertInto(GUEST_CONTACT)
                .set(GUEST_CONTACT.USER_ID, profile.userId())
                .set(GUEST_CONTACT.EMAIL, profile.email())
                .set(GUEST_CONTACT.PHONE, profile.phone())
                .set(GUEST_CONTACT.LOCALE, profile.locale() == null ? "en" : profile.locale())
                .set(GUEST_CONTACT.NOTIFY_EMAIL, profile.notifyByEmail())
                .set(GUEST_CONTACT.NOTIFY_SMS, profile.notifyBySms())
                .set(GUEST_CONTACT.NOTIFY_REMINDERS, profile.notifyReminders())
                .set(GUEST_CONTACT.VERSION, profile.version())
                .onConflict(GUEST_CONTACT.USER_ID)
                .doUpdate()
                .set(GUEST_CONTACT.EMAIL, excluded(GUEST_CONTACT.EMAIL))
                .set(GUEST_CONTACT.PHONE, excluded(GUEST_CONTACT.PHONE))
                .set(GUEST_CONTACT.LOCALE, excluded(GUEST_CONTACT.LOCALE))
                .set(GUEST_CONTACT.NOTIFY_EMAIL, excluded(GUEST_CONTACT.NOTIFY_EMAIL))
                .set(GUEST_CONTACT.NOTIFY_SMS, excluded(GUEST_CONTACT.NOTIFY_SMS))
                .set(GUEST_CONTACT.NOTIFY_REMINDERS, excluded(GUEST_CONTACT.NOTIFY_REMINDERS))
                .set(GUEST_CONTACT.VERSION, excluded(GUEST_CONTACT.VERSION))
                .set(GUEST_CONTACT.UPDATED_AT, currentOffsetDateTime())
                .where(notNewerThan(GUEST_CONTACT.VERSION, profile.version()))
                .execute();
    }
}
