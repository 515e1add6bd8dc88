package dev.stay.booking.notify;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import dev.stay.common.events.MalformedEventException;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/**
 * What notifications read of a booking event ({@code reservation/BookingEvent}: every type has these fields, some
 * only a few of them). Without its ids, reference or dates the event cannot be told: malformed, dead-lettered at once.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
record BookedStay(UUID bookingId, String reference, UUID propertyId, UUID guestId, LocalDate checkIn,
                  LocalDate checkOut, LocalDate previousCheckIn, LocalDate previousCheckOut, Integer rooms,
                  BigDecimal total, BigDecimal refund, String currency, Instant occurredAt) {

    BookedStay {
        if (bookingId == null || reference == null || propertyId == null || guestId == null || checkIn == null
                || checkOut == null) {
            throw new MalformedEventException("booking event without bookingId, reference, propertyId, guestId, "
                    + "checkIn or checkOut");
        }
    }
}
