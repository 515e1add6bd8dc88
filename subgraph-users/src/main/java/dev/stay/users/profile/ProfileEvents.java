package dev.stay.users.profile;

import static dev.stay.users.db.Tables.USER_PROFILE;

import dev.stay.common.outbox.Outbox;
import java.time.Instant;
import java.util.UUID;
import org.jooq.DSLContext;
import org.springframework.stereotype.Component;

/**
 * Announces a profile as it is after a change, in the transaction that made it: booking notifies guests from its copy
 * (their address, phone, language and preferences) and never calls users to ask. Every writer of a profile's contact
 * fields bumps its version and calls {@link #changed}.
 */
@Component
class ProfileEvents {

    /** One topic for every profile, keyed by user id so one user's changes stay in order. */
    static final String TOPIC = "users.profile";
    static final String PROFILE_CHANGED = "profile-changed";

    private final DSLContext db;
    private final Outbox outbox;

    ProfileEvents(DSLContext db, Outbox outbox) {
        this.db = db;
        this.outbox = outbox;
    }

    void changed(UUID user) {
        ProfileChanged event = db.select(USER_PROFILE.ID, USER_PROFILE.EMAIL, USER_PROFILE.PHONE, USER_PROFILE.LOCALE,
                        USER_PROFILE.NOTIFY_BY_EMAIL, USER_PROFILE.NOTIFY_BY_SMS, USER_PROFILE.NOTIFY_REMINDERS,
                        USER_PROFILE.VERSION)
                .from(USER_PROFILE)
                .where(USER_PROFILE.ID.eq(user))
                .fetchOptional(r -> new ProfileChanged(r.value1(), r.value2(), r.value3(), r.value4(), r.value5(),
                        r.value6(), r.value7(), r.value8(), Instant.now()))
                .orElseThrow(() -> new IllegalStateException("no profile " + user + " to announce"));
        outbox.append(TOPIC, user.toString(), PROFILE_CHANGED, event);
    }
}
