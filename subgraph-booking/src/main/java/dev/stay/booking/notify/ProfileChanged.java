package dev.stay.booking.notify;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import dev.stay.common.events.MalformedEventException;
import java.util.UUID;

/**
 * What booking reads of the users subgraph's {@code profile-changed} (on {@code users.profile}). Without the user or
 * the version it cannot be applied in order: malformed.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
record ProfileChanged(UUID userId, String email, String phone, String locale, boolean notifyByEmail,
                      boolean notifyBySms, boolean notifyReminders, Long version) {

    ProfileChanged {
        if (userId == null || version == null) {
            throw new MalformedEventException("profile-changed without userId or version");
        }
    }
}
