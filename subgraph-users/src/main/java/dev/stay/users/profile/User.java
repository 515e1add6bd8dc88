package dev.stay.users.profile;

import java.util.List;
import java.util.UUID;

/** A profile; which of its fields a caller may read is {@link UserController}'s business. */
record User(UUID id, String displayName, String email, String phone, String locale, List<String> roles,
            NotificationPreferences notificationPreferences) {

    record NotificationPreferences(boolean email, boolean sms, boolean reminders) {}
}
