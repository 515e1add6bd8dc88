package dev.stay.booking.archive;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * What the archive reads of a booking's final event ({@code booking.completed}, {@code .cancelled}, {@code .no-show},
 * {@code .expired}, {@code .payment-failed}): which booking, and when it ended. The rest it copies from the booking's
 * own row.
 */
record BookingEnded(UUID bookingId, UUID propertyId, Instant occurredAt) {

    BookingEnded {
        Objects.requireNonNull(bookingId, "bookingId");
    }
}
