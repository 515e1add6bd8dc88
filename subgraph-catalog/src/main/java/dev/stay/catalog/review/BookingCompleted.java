package dev.stay.catalog.review;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Objects;
import java.util.UUID;

/** Booking's {@code booking.completed}: the guest stayed, so they may review the stay. */
record BookingCompleted(UUID bookingId, UUID propertyId, UUID roomTypeId, UUID guestId, LocalDate checkIn,
                        LocalDate checkOut, Instant occurredAt) {

    BookingCompleted {
        Objects.requireNonNull(bookingId, "bookingId");
        Objects.requireNonNull(propertyId, "propertyId");
        Objects.requireNonNull(guestId, "guestId");
        Objects.requireNonNull(checkIn, "checkIn");
        Objects.requireNonNull(checkOut, "checkOut");
    }
}
