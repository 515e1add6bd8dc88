package dev.stay.users.profile;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import dev.stay.common.events.MalformedEventException;
import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * What the identity provider publishes on {@code user.registered} and {@code user.profile-changed}, flat (its event
 * id and time among the fields). Without a user or a time it cannot be applied: malformed, dead-lettered at once.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
record IdentityEvent(UUID userId, String email, String displayName, String locale, OffsetDateTime occurredAt) {

    IdentityEvent {
        if (userId == null || occurredAt == null) {
            throw new MalformedEventException("identity event without userId or occurredAt");
        }
    }
}
