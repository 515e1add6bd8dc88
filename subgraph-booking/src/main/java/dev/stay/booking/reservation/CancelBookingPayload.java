package dev.stay.booking.reservation;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import dev.stay.codegen.booking.types.BookingRejectionCode;
import java.util.UUID;

/** The answers of {@code cancelBooking}, named as the schema's union members; stored with the idempotency key. */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "type")
@JsonSubTypes({
        @JsonSubTypes.Type(value = CancelBookingPayload.BookingCancelled.class, name = "BookingCancelled"),
        @JsonSubTypes.Type(value = CancelBookingPayload.BookingRejected.class, name = "BookingRejected")})
sealed interface CancelBookingPayload {

    default UUID bookingId() {
        return null;
    }

    record BookingCancelled(UUID bookingId, Booking.Money refund, boolean refundPending)
            implements CancelBookingPayload {}

    record BookingRejected(BookingRejectionCode code, String field, String message) implements CancelBookingPayload {}
}
