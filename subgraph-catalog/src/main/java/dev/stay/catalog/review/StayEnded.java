package dev.stay.catalog.review;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Objects;
import java.util.UUID;

/**
 * What the catalog reads of booking's {@code booking.completed} (the guest stayed, so they may review the stay) and
 * {@code booking.no-show} (they never came: no review); the no-show's {@code fee} is not needed here.
 */
record StayEnded(UUID bookingId, UUID propertyId, UUID roomTypeId, UUID guestId, LocalDate checkIn,
                        LocalDate checkOut, Instant occurredAt) {

    StayEnded {
        Objects.requireNonNull(bookingId, "bookingId");
        Objects.requireNonNull(propertyId, "propertyId");
        Objects.requireNonNull(guestId, "guestId");
        Objects.requireNonNull(checkIn, "checkIn");
        Objects.requireNonNull(checkOut, "checkOut");
    }
}
