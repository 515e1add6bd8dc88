package dev.stay.users.profile;

import static dev.stay.users.db.Tables.APPLIED_EVENT;
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
import org.springframework.stereotype.Repository;

@Repository
class UserRepository {

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
     * those of the latest token. One statement, which writes only when something changed.
     */
    void ensure(Viewer viewer) {
        String[] roles = viewer.roles().stream().sorted().toArray(String[]::new);
        db.insertInto(USER_PROFILE)
                .set(USER_PROFILE.ID, viewer.id())
                .set(USER_PROFILE.DISPLAY_NAME, displayName(viewer.name(), viewer.email()))
                .set(USER_PROFILE.EMAIL, viewer.email())
                .set(USER_PROFILE.ROLES, roles)
                .onConflict(USER_PROFILE.ID)
                .doUpdate()
                .set(USER_PROFILE.ROLES, roles)
                .where(USER_PROFILE.ROLES.ne(roles))
                .execute();
    }

    void update(UUID id, ProfileUpdate update) {
        var change = db.update(USER_PROFILE).set(USER_PROFILE.UPDATED_AT, currentOffsetDateTime());
        if (update.displayName() != null) change = change.set(USER_PROFILE.DISPLAY_NAME, update.displayName());
        if (update.phone() != null) change = change.set(USER_PROFILE.PHONE, update.phone().orElse(null));
        if (update.locale() != null) change = change.set(USER_PROFILE.LOCALE, update.locale());
        if (update.notifyByEmail() != null) change = change.set(USER_PROFILE.NOTIFY_BY_EMAIL, update.notifyByEmail());
        if (update.notifyBySms() != null) change = change.set(USER_PROFILE.NOTIFY_BY_SMS, update.notifyBySms());
        change.where(USER_PROFILE.ID.eq(id)).execute();
    }

    /**
     * Applies an event of the identity provider once: an event already applied changes nothing, and neither does
     * one older than what the profile already reflects. Call within a transaction.
     *
     * @return whether the event was new
     */
    boolean apply(String topic, IdentityEvent event) {
        int fresh = db.insertInto(APPLIED_EVENT, APPLIED_EVENT.EVENT_ID, APPLIED_EVENT.TOPIC)
                .values(event.eventId(), topic)
                .onConflictDoNothing()
                .execute();
        if (fresh == 0) {
            return false;
        }
        OffsetDateTime at = event.occurredAt();
        String name = displayName(event.displayName(), event.email());
        db.insertInto(USER_PROFILE)
                .set(USER_PROFILE.ID, event.userId())
                .set(USER_PROFILE.DISPLAY_NAME, name)
                .set(USER_PROFILE.EMAIL, event.email())
                .set(USER_PROFILE.LOCALE, event.locale() == null ? "en" : event.locale())
                .set(USER_PROFILE.SOURCE_CHANGED_AT, at)
                .onConflict(USER_PROFILE.ID)
                .doUpdate()
                .set(USER_PROFILE.DISPLAY_NAME, name)
                .set(USER_PROFILE.EMAIL, event.email())
                .set(USER_PROFILE.SOURCE_CHANGED_AT, at)
                .set(USER_PROFILE.UPDATED_AT, currentOffsetDateTime())
                .where(USER_PROFILE.SOURCE_CHANGED_AT.isNull().or(USER_PROFILE.SOURCE_CHANGED_AT.lt(at)))
                .execute();
        return true;
    }

    private SelectJoinStep<org.jooq.Record7<UUID, String, String, String, String, List<String>,
            User.NotificationPreferences>> profiles() {
        return db.select(USER_PROFILE.ID, USER_PROFILE.DISPLAY_NAME, USER_PROFILE.EMAIL, USER_PROFILE.PHONE,
                        USER_PROFILE.LOCALE, USER_PROFILE.ROLES.convertFrom(List::of),
                        row(USER_PROFILE.NOTIFY_BY_EMAIL, USER_PROFILE.NOTIFY_BY_SMS)
                                .mapping(User.NotificationPreferences::new))
                .from(USER_PROFILE);
    }

    /** The name a token or event gives, else the part of the email before the @, else a neutral one. */
    private static String displayName(String name, String email) {
        if (name != null && !name.isBlank()) {
            return name.strip().length() > 80 ? name.strip().substring(0, 80) : name.strip();
        }
        if (email != null && email.contains("@")) {
            return email.substring(0, email.indexOf('@'));
        }
        return "Stay guest";
    }

}
