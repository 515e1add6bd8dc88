package dev.stay.users.profile;

import static dev.stay.common.events.AppliedEvents.notNewerThan;
import static dev.stay.users.db.Tables.USER_PROFILE;
import static org.jooq.Records.mapping;
import static org.jooq.impl.DSL.currentOffsetDateTime;
import static org.jooq.impl.DSL.row;

import dev.stay.common.security.Viewer;
import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jooq.DSLContext;
import org.jooq.SelectJoinStep;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Repository;

@Repository
class UserRepository {

    private static final Logger log = LoggerFactory.getLogger(UserRepository.class);

    /** The longest address SMTP carries (RFC 5321), and what the {@code email} column accepts. */
    static final int MAX_EMAIL = 254;
    /** What the {@code display_name} column accepts. */
    static final int MAX_DISPLAY_NAME = 80;

    private final DSLContext db;

    UserRepository(DSLContext db) {
        this.db = db;
    }

    List<User> findAll(Collection<UUID> ids) {
        return profiles().where(USER_PROFILE.ID.in(ids)).fetch(mapping(User::new));
    }

    Optional<User> find(UUID id) {
        return profiles().where(USER_PROFILE.ID.eq(id)).fetchOptional(mapping(User::new));
    }

    /**
     * The profile of a signed-in user exists after this, even if the registration event was lost; its roles are
     * those of the latest token. Writes only when something changed. Call within a transaction.
     *
     * @return whether the profile was created now (and is to be announced)
     */
    boolean ensure(Viewer viewer) {
        String[] roles = viewer.roles().stream().sorted().toArray(String[]::new);
        String email = storable(viewer.email(), viewer.id());
        boolean created = db.insertInto(USER_PROFILE)
                .set(USER_PROFILE.ID, viewer.id())
                .set(USER_PROFILE.DISPLAY_NAME, displayName(viewer.name(), email))
                .set(USER_PROFILE.EMAIL, email)
                .set(USER_PROFILE.ROLES, roles)
                .onConflictDoNothing()
                .execute() == 1;
        if (!created) {
            db.update(USER_PROFILE)
                    .set(USER_PROFILE.ROLES, roles)
                    .where(USER_PROFILE.ID.eq(viewer.id()))
                    .and(USER_PROFILE.ROLES.ne(roles))
                    .execute();
        }
        return created;
    }

    void update(UUID id, ProfileUpdate update) {
        var change = db.update(USER_PROFILE).set(USER_PROFILE.UPDATED_AT, currentOffsetDateTime())
                .set(USER_PROFILE.VERSION, USER_PROFILE.VERSION.plus(1));
        if (update.displayName() != null) change = change.set(USER_PROFILE.DISPLAY_NAME, update.displayName());
        if (update.phone() != null) change = change.set(USER_PROFILE.PHONE, update.phone().orElse(null));
        if (update.locale() != null) change = change.set(USER_PROFILE.LOCALE, update.locale());
        if (update.notifyByEmail() != null) change = change.set(USER_PROFILE.NOTIFY_BY_EMAIL, update.notifyByEmail());
        if (update.notifyBySms() != null) change = change.set(USER_PROFILE.NOTIFY_BY_SMS, update.notifyBySms());
        if (update.notifyReminders() != null) {
            change = change.set(USER_PROFILE.NOTIFY_REMINDERS, update.notifyReminders());
        }
        change.where(USER_PROFILE.ID.eq(id)).execute();
    }

    /**
     * Applies an event of the identity provider, unless the profile already reflects a newer one. Call within the
     * transaction that marked the event applied.
     *
     * @return whether the profile changed (and is to be announced)
     */
    boolean apply(IdentityEvent event) {
        OffsetDateTime at = event.occurredAt();
        String email = storable(event.email(), event.userId());
        String name = displayName(event.displayName(), email);
        return db.insertInto(USER_PROFILE)
                .set(USER_PROFILE.ID, event.userId())
                .set(USER_PROFILE.DISPLAY_NAME, name)
                .set(USER_PROFILE.EMAIL, email)
                .set(USER_PROFILE.LOCALE, event.locale() == null ? "en" : event.locale())
                .set(USER_PROFILE.SOURCE_CHANGED_AT, at)
                .onConflict(USER_PROFILE.ID)
                .doUpdate()
                .set(USER_PROFILE.DISPLAY_NAME, name)
                .set(USER_PROFILE.EMAIL, email)
                .set(USER_PROFILE.SOURCE_CHANGED_AT, at)
                .set(USER_PROFILE.UPDATED_AT, currentOffsetDateTime())
                .set(USER_PROFILE.VERSION, USER_PROFILE.VERSION.plus(1))
                .where(notNewerThan(USER_PROFILE.SOURCE_CHANGED_AT, at))
                .execute() == 1;
    }

    /**
     * The email as the profile can hold it: the identity provider (or a token) may carry an address longer than any
     * mail server delivers to, which the column refuses. Such a profile is kept without an email, and the log says
     * so, rather than failing the registration or the request.
     */
    static String storable(String email, UUID user) {
        if (email == null || email.isBlank()) {
            return null;
        }
        String stripped = email.strip();
        if (stripped.length() > MAX_EMAIL) {
            log.warn("user {}: email of {} characters not stored (at most {})", user, stripped.length(), MAX_EMAIL);
            return null;
        }
        return stripped;
    }

    private SelectJoinStep<org.jooq.Record7<UUID, String, String, String, String, List<String>,
            User.NotificationPreferences>> profiles() {
        return db.select(USER_PROFILE.ID, USER_PROFILE.DISPLAY_NAME, USER_PROFILE.EMAIL, USER_PROFILE.PHONE,
                        USER_PROFILE.LOCALE, USER_PROFILE.ROLES.convertFrom(List::of),
                        row(USER_PROFILE.NOTIFY_BY_EMAIL, USER_PROFILE.NOTIFY_BY_SMS, USER_PROFILE.NOTIFY_REMINDERS)
                                .mapping(User.NotificationPreferences::new))
                .from(USER_PROFILE);
    }

    /**
     * The name a token or event gives, else the part of the email before the @, else a neutral one; cut to what the
     * column holds, and never empty (an email starting with its @ has no name in it).
     */
    static String displayName(String name, String email) {
        String chosen = name != null && !name.isBlank() ? name.strip()
                : email != null && email.indexOf('@') > 0 ? email.substring(0, email.indexOf('@')).strip()
                : "";
        if (chosen.isEmpty()) {
            return "Stay guest";
        }
        return chosen.length() > MAX_DISPLAY_NAME
                ? chosen.substring(0, cut(chosen)) : chosen;
    }

    /** Where to cut to at most {@link #MAX_DISPLAY_NAME} chars without splitting a surrogate pair. */
    private static int cut(String name) {
        int end = MAX_DISPLAY_NAME;
        return Character.isHighSurrogate(name.charAt(end - 1)) ? end - 1 : end;
    }

}
