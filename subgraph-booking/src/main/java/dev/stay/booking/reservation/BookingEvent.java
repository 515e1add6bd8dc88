package dev.stay.booking.reservation;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/**
 * What booking tells the rest of Stay about a booking, on topic {@link BookingEvents#TOPIC} keyed by the property:
 * past-tense facts, all with the same fields so a consumer (search's availability, notifications) reads them alike.
 */
sealed interface BookingEvent {

    /** Rooms taken and held until {@code holdExpiresAt} while the payment is settled. */
    record BookingHeld(UUID bookingId, String reference, UUID propertyId, UUID roomTypeId, UUID guestId,
                       LocalDate checkIn, LocalDate checkOut, int rooms, BigDecimal total, String currency,
                       Instant holdExpiresAt, Instant occurredAt) implements BookingEvent {}

    /** Paid: the rooms are the guest's. */
    record BookingConfirmed(UUID bookingId, String reference, UUID propertyId, UUID roomTypeId, UUID guestId,
                            LocalDate checkIn, LocalDate checkOut, int rooms, BigDecimal total, String currency,
                            Instant occurredAt) implements BookingEvent {}

    /** The hold ran out unpaid: the rooms are free again. */
    record BookingExpired(UUID bookingId, String reference, UUID propertyId, UUID roomTypeId, UUID guestId,
                          LocalDate checkIn, LocalDate checkOut, int rooms, Instant occurredAt) implements BookingEvent {}

    /** The provider declined the payment or holds no charge for it: the rooms are free again. */
    record BookingPaymentFailed(UUID bookingId, String reference, UUID propertyId, UUID roomTypeId, UUID guestId,
                                LocalDate checkIn, LocalDate checkOut, int rooms, Instant occurredAt)
            implements BookingEvent {}
}
