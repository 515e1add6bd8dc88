package dev.stay.users.profile;

import java.time.Instant;
import java.util.UUID;

/**
 * What the rest of Stay may know of a profile to reach its user: on {@link ProfileEvents#TOPIC}, keyed by the user,
 * after every change of it. The whole state, not the difference, so a consumer keeps the newest {@code version}.
 */
record ProfileChanged(UUID userId, String email, String phone, String locale, boolean notifyByEmail,
                      boolean notifyBySms, boolean notifyReminders, long version, Instant occurredAt) {}
