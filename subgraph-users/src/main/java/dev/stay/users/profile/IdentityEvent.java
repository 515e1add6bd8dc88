package dev.stay.users.profile;

import java.time.OffsetDateTime;
import java.util.UUID;

/** What the identity provider publishes on {@code user.registered} and {@code user.profile-changed}. */
record IdentityEvent(String eventId, UUID userId, String email, String displayName, String locale,
                     OffsetDateTime occurredAt) {}
