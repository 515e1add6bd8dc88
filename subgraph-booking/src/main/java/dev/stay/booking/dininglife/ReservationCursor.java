package dev.stay.booking.dininglife;

import dev.stay.booking.dining.TableReservation;
import dev.stay.common.graphql.BadUserInput;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.util.Base64;
import java.util.UUID;

/**
 * Where a page of a guest's reservations ends: the last one's start and id, the key the pages are ordered by. Opaque
 * to clients (base64url of {@code r1:<epoch-microseconds>:<id>}, PostgreSQL's precision, so
 * the row a page ended on is not read again), like bookings' cursors.
 */
record ReservationCursor(OffsetDateTime startsAt, UUID id) {

    static final int MAX_FIRST = 100;
    private static final String PREFIX = "r1:";

    static ReservationCursor of(TableReservation reservation) {
        return new ReservationCursor(reservation.startsAt(), reservation.id());
    }

    String encode() {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(
                (PREFIX + micros(startsAt) + ":" + id).getBytes(StandardCharsets.UTF_8));
    }

    private static long micros(OffsetDateTime at) {
        var instant = at.toInstant();
        return Math.addExact(Math.multiplyExact(instant.getEpochSecond(), 1_000_000L), instant.getNano() / 1_000L);
    }

    /** The cursor {@code after} names, or null for the first page; one that no page gave out is refused. */
    static ReservationCursor decode(String after) {
        if (after == null) {
            return null;
        }
        try {
            if (after.length() <= 200) {
                String text = new String(Base64.getUrlDecoder().decode(after), StandardCharsets.UTF_8);
                String[] parts = text.startsWith(PREFIX) ? text.substring(PREFIX.length()).split(":", -1)
                        : new String[0];
                if (parts.length == 2 && parts[1].length() == 36) {
                    long micros = Long.parseLong(parts[0]);
                    var at = java.time.Instant.ofEpochSecond(Math.floorDiv(micros, 1_000_000L),
                            Math.floorMod(micros, 1_000_000L) * 1_000L);
                    return new ReservationCursor(at.atOffset(java.time.ZoneOffset.UTC), UUID.fromString(parts[1]));
                }
            }
        } catch (IllegalArgumentException | java.time.DateTimeException e) {
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
