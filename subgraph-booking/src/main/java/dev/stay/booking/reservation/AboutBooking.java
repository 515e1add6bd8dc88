package dev.stay.booking.reservation;

import java.util.UUID;

/** An answer that shows a booking ({@code PaymentDeclined.booking} of createBooking and changeBookingDates alike). */
interface AboutBooking {

    UUID bookingId();
}
