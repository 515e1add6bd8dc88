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

    /** Cancelled by its guest or by the hotel ({@code cancelledBy} GUEST or HOTEL): the rooms are free again. */
    record BookingCancelled(UUID bookingId, String reference, UUID propertyId, UUID roomTypeId, UUID guestId,
                            LocalDate checkIn, LocalDate checkOut, int rooms, BigDecimal refund, String currency,
                            String cancelledBy, Instant occurredAt) implements BookingEvent {}

    /** Moved from the previous nights (free again) to these (taken), at the new total. */
    record BookingChanged(UUID bookingId, String reference, UUID propertyId, UUID roomTypeId, UUID guestId,
                          LocalDate previousCheckIn, LocalDate previousCheckOut, LocalDate checkIn, LocalDate checkOut,
                          int rooms, BigDecimal total, String currency, Instant occurredAt) implements BookingEvent {}

    /** The stay is over: its check-out day has passed in the hotel's time zone (the guest may review it). */
    record BookingCompleted(UUID bookingId, UUID propertyId, UUID roomTypeId, UUID guestId, LocalDate checkIn,
                            LocalDate checkOut, Instant occurredAt) implements BookingEvent {}

    /**
     * The guest never came, as the hotel marked it; {@code fee} is what the hotel keeps. May follow
     * {@code booking.completed} (a no-show can be marked for some days after check-out) and then replaces it.
     */
    record BookingNoShow(UUID bookingId, UUID propertyId, UUID roomTypeId, UUID guestId, LocalDate checkIn,
                         LocalDate checkOut, Money fee, Instant occurredAt) implements BookingEvent {}

    /** An amount as events write money: a decimal number in the currency's own decimals, and its ISO 4217 code. */
    record Money(BigDecimal amount, String currency) {}
}
