package dev.stay.catalog.restaurantreview;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Objects;
import java.util.UUID;

/**
 * What the catalog reads of booking's {@code ReservationEvent} when a visit ends: {@code reservation.completed} (the
 * guest came, so they may review the visit) or {@code reservation.no-show} (they never came: no review). The rest of
 * the event (table, times, deposit) is not needed here.
 */
record VisitEnded(UUID reservationId, UUID restaurantId, UUID guestId, LocalDate date, int version,
                  Instant occurredAt) {

    VisitEnded {
        Objects.requireNonNull(reservationId, "reservationId");
        Objects.requireNonNull(restaurantId, "restaurantId");
        Objects.requireNonNull(guestId, "guestId");
        Objects.requireNonNull(date, "date");
    }
}
