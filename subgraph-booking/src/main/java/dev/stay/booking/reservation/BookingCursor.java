package dev.stay.booking.reservation;

import dev.stay.common.graphql.BadUserInput;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Base64;
import java.util.UUID;

/**
 * Where a page of bookings ends: the last booking's check-in and id, the key the pages are ordered by. Opaque to
 * clients (base64url of {@code b1:<checkIn>:<id>}), so the key can change without breaking them (a new prefix).
 */
record BookingCursor(LocalDate checkIn, UUID id) {

    static final int MAX_FIRST = 100;
    private static final String PREFIX = "b1:";

    static BookingCursor of(Booking booking) {
        return new BookingCursor(booking.checkIn(), booking.id());
    }

    String encode() {
        return Base64.getUrlEncoder().withoutPadding()
                .encodeToString((PREFIX + checkIn + ":" + id).getBytes(StandardCharsets.UTF_8));
    }

    /** The cursor {@code after} names, or null for the first page; one that no page gave out is refused. */
    static BookingCursor decode(String after) {
        if (after == null) {
            return null;
        }
        try {
            String text = new String(Base64.getUrlDecoder().decode(after), StandardCharsets.UTF_8);
            String[] parts = text.startsWith(PREFIX) ? text.substring(PREFIX.length()).split(":", -1) : new String[0];
            if (parts.length == 2 && parts[1].length() == 36) {
                return new BookingCursor(LocalDate.parse(parts[0]), UUID.fromString(parts[1]));
            }
        } catch (IllegalArgumentException | DateTimeParseException e) {
            // refused below
        }
        throw new BadUserInput("after", "INVALID_CURSOR", "after is not a cursor this API gave out");
    }

    /** {@code first} checked: 1 to 100. */
    static int first(Integer first) {
        if (first == null || first < 1 || first > MAX_FIRST) {
            throw new BadUserInput("first", "FIRST_OUT_OF_RANGE", "first must be from 1 to " + MAX_FIRST);
        }
        return first;
    }
}
