package dev.stay.booking.reservation;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import dev.stay.codegen.booking.types.BookingRejectionCode;
import java.util.UUID;

/**
 * The answers of {@code createBooking}, one record per member of the schema's union (named as its GraphQL type, which
 * is how the union is resolved). Stored as JSON with the idempotency key, so a replay answers the same; the bookings
 * are referred to by id and read when answered, so a replay shows the booking as it is now.
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "type")
@JsonSubTypes({
        @JsonSubTypes.Type(value = CreateBookingPayload.BookingConfirmed.class, name = "BookingConfirmed"),
        @JsonSubTypes.Type(value = CreateBookingPayload.BookingPending.class, name = "BookingPending"),
        @JsonSubTypes.Type(value = CreateBookingPayload.PriceChanged.class, name = "PriceChanged"),
        @JsonSubTypes.Type(value = CreateBookingPayload.SoldOut.class, name = "SoldOut"),
        @JsonSubTypes.Type(value = CreateBookingPayload.PaymentDeclined.class, name = "PaymentDeclined"),
        @JsonSubTypes.Type(value = CreateBookingPayload.BookingRejected.class, name = "BookingRejected")})
sealed interface CreateBookingPayload {

    /** The booking this answer is about, if any. */
    default UUID bookingId() {
        return null;
    }

    record BookingConfirmed(UUID bookingId) implements CreateBookingPayload {}

    record BookingPending(UUID bookingId, String message) implements CreateBookingPayload {}

    record PaymentDeclined(UUID bookingId, String message) implements CreateBookingPayload, AboutBooking {}

    record PriceChanged(Booking.Money quotedTotal, Booking.Money totalPrice) implements CreateBookingPayload {}

    record SoldOut(int available) implements CreateBookingPayload {}

    record BookingRejected(BookingRejectionCode code, String field, String message) implements CreateBookingPayload {

        static BookingRejected of(BookingRejectionCode code, String field, String message) {
            return new BookingRejected(code, field, message);
        }
    }
}
