package dev.stay.users.profile;

import dev.stay.common.graphql.FieldError;
import dev.stay.common.graphql.Validated;
import dev.stay.codegen.users.types.ProfileErrorCode;
import dev.stay.codegen.users.types.UpdateProfileInput;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * A valid change to a profile, built from the client's input only when every field passes its rule.
 * A null component leaves that field as it is; {@code phone} empty removes the phone.
 */
record ProfileUpdate(String displayName, Optional<String> phone, String locale, Boolean notifyByEmail,
                     Boolean notifyBySms, Boolean notifyReminders) {

    /** The locales Stay speaks. */
    static final Set<String> LOCALES = Set.of("en", "en-GB", "en-US", "pt-PT", "pt-BR", "fr-FR", "es-ES", "it-IT",
            "de-DE", "ja-JP");
    private static final Pattern E164 = Pattern.compile("\\+[1-9][0-9]{6,14}");

    /**
     * @param current the profile as it is now, for the rule that SMS needs a phone
     */
    static Validated<ProfileUpdate, ProfileErrorCode> of(UpdateProfileInput input, User current) {
        List<FieldError<ProfileErrorCode>> errors = new ArrayList<>();
        String name = null;
        if (input.getDisplayName() != null) {
            name = input.getDisplayName().strip();
            if (name.isEmpty() || name.length() > 80 || name.chars().anyMatch(Character::isISOControl)) {
                errors.add(FieldError.of("displayName", ProfileErrorCode.INVALID_DISPLAY_NAME,
                        "displayName must have 1 to 80 printable characters"));
            }
        }
        Optional<String> phone = null;
        if (input.getPhone() != null) {
            String given = input.getPhone().replaceAll("[\\s-]", "");
            if (!given.isEmpty() && !E164.matcher(given).matches()) {
                errors.add(FieldError.of("phone", ProfileErrorCode.INVALID_PHONE,
                        "phone must be in E.164 form, e.g. +351912345678"));
            }
            phone = given.isEmpty() ? Optional.empty() : Optional.of(given);
        }
        String locale = null;
        if (input.getLocale() != null) {
            locale = Locale.forLanguageTag(input.getLocale().strip()).toLanguageTag();
            if (!LOCALES.contains(locale)) {
                errors.add(FieldError.of("locale", ProfileErrorCode.UNSUPPORTED_LOCALE,
                        "locale must be one of " + LOCALES.stream().sorted().toList()));
            }
        }
        Boolean byEmail = null;
        Boolean bySms = null;
        Boolean reminders = null;
        if (input.getNotificationPreferences() != null) {
            byEmail = input.getNotificationPreferences().getEmail();
            bySms = input.getNotificationPreferences().getSms();
            reminders = input.getNotificationPreferences().getReminders();
        }
        String phoneAfter = phone == null ? current.phone() : phone.orElse(null);
        boolean smsAfter = bySms != null ? bySms : current.notificationPreferences().sms();
        if (smsAfter && phoneAfter == null) {
            errors.add(FieldError.of("notificationPreferences.sms", ProfileErrorCode.SMS_NEEDS_PHONE,
                    "SMS notifications need a phone number"));
        }
        return errors.isEmpty()
                ? Validated.valid(new ProfileUpdate(name, phone, locale, byEmail, bySms, reminders))
                : Validated.refused(errors);
    }
}
