package dev.stay.catalog.restaurantsearch;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.time.Instant;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Stream;

/**
 * What restaurant search reads of booking's {@code booking.reservation} events (booking's ReservationEvent; the rest
 * of its fields are ignored). A reservation takes its table while HELD, CONFIRMED or SEATED.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
record ReservationEvent(UUID reservationId, UUID restaurantId, UUID tableId, Instant startsAt, Instant endsAt,
                        String status, Integer version) {

    static final Set<String> TAKING = Set.of("HELD", "CONFIRMED", "SEATED");

    /** Refuses an event search cannot apply: the reader makes it malformed, and it is dead-lettered. */
    ReservationEvent {
        if (Stream.of(reservationId, restaurantId, tableId, startsAt, endsAt, status, version).anyMatch(Objects::isNull)) {
            throw new IllegalArgumentException("a reservation event without its ids, times, status or version");
        }
        if (!endsAt.isAfter(startsAt)) {
            throw new IllegalArgumentException("endsAt is not after startsAt");
        }
    }

    boolean takesTable() {
        return TAKING.contains(status);
    }
}
