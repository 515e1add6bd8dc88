package dev.stay.booking.dining;

import java.time.LocalDate;
import java.time.LocalTime;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The rules of what a guest may ask of a restaurant's tables, for {@code availability} (answered as BAD_USER_INPUT)
 * and for reserving and changing (answered as a rejection): each check says what is wrong, or nothing.
 */
final class TableRequest {

    static final int MAX_PARTY = 50;
    static final int MAX_DAYS_AHEAD = 180;
    private static final Pattern HH_MM = Pattern.compile("([01][0-9]|2[0-3]):[0-5][0-9]");

    /** What is wrong with a request: the argument, a reason code, and a message. */
    record Wrong(String field, String reason, String message) {}

    private TableRequest() {}

    static Optional<Wrong> partySize(String field, int partySize) {
        return partySize < 1 || partySize > MAX_PARTY
                ? Optional.of(new Wrong(field, "PARTY_SIZE_OUT_OF_RANGE", "partySize must be between 1 and " + MAX_PARTY))
                : Optional.empty();
    }

    /** @param today the current day where the restaurant is */
    static Optional<Wrong> date(String field, LocalDate date, LocalDate today) {
        if (date.isBefore(today)) {
            return Optional.of(new Wrong(field, "DATE_IN_PAST", "date is in the past where the restaurant is"));
        }
        if (ChronoUnit.DAYS.between(today, date) > MAX_DAYS_AHEAD) {
            return Optional.of(new Wrong(field, "DATE_TOO_FAR", "date is more than " + MAX_DAYS_AHEAD + " days ahead"));
        }
        return Optional.empty();
    }

    /** A local time written HH:MM (00:00 to 23:59), or empty when it is not one. */
    static Optional<LocalTime> time(String text) {
        return text != null && HH_MM.matcher(text).matches() ? Optional.of(LocalTime.parse(text)) : Optional.empty();
    }

    static Wrong invalidTime(String field) {
        return new Wrong(field, "INVALID_TIME", field + " must be a time written HH:MM, 00:00 to 23:59");
    }
}
