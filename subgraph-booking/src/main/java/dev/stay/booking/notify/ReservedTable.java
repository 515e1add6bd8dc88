package dev.stay.booking.notify;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import dev.stay.common.events.MalformedEventException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.UUID;

/**
 * What notifications read of a {@code booking.reservation} event (the contract's ReservationEvent). Without its ids,
 * reference, day, time or version it cannot be told or ordered: malformed, dead-lettered at once.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
record ReservedTable(UUID reservationId, String reference, UUID restaurantId, UUID guestId, LocalDate date,
                     LocalTime time, Instant startsAt, Integer partySize, String status, String deposit,
                     String currency, Integer version, Instant occurredAt) {

    ReservedTable {
        if (reservationId == null || reference == null || restaurantId == null || guestId == null || date == null
                || time == null || startsAt == null || version == null || status == null) {
            throw new MalformedEventException("reservation event without reservationId, reference, restaurantId, "
                    + "guestId, date, time, startsAt, status or version");
        }
    }
}
