package dev.stay.booking.dining;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.UUID;

/**
 * What booking tells the rest of Stay about a table reservation, on {@link ReservationEvents#TOPIC} keyed by the
 * restaurant: its whole state after each change, the fact being the envelope's type ({@code reservation.held}...).
 * {@code version} increases with every change: a consumer never applies an older one over a newer one.
 */
public record ReservationEvent(UUID reservationId, String reference, UUID restaurantId, UUID tableId, UUID guestId,
                               LocalDate date, LocalTime time, Instant startsAt, Instant endsAt, int partySize,
                               String status, String deposit, String currency, int version, Instant occurredAt) {}
