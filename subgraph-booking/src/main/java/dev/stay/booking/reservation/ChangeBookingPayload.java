package dev.stay.booking.reservation;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import dev.stay.codegen.booking.types.BookingRejectionCode;
import java.time.LocalDate;
import java.util.UUID;

/** The answers of {@code changeBookingDates}, named as the schema's union members; stored with the idempotency key. */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "type")
@JsonSubTypes({
        @JsonSubTypes.Type(value = ChangeBookingPayload.BookingDatesChanged.class, name = "BookingDatesChanged"),
        @JsonSubTypes.Type(value = ChangeBookingPayload.SoldOut.class, name = "SoldOut"),
        @JsonSubTypes.Type(value = ChangeBookingPayload.PaymentDeclined.class, name = "PaymentDeclined"),
        @JsonSubTypes.Type(value = ChangeBookingPayload.BookingChangePending.class, name = "BookingChangePending"),
        @JsonSubTypes.Type(value = ChangeBookingPayload.BookingRejected.class, name = "BookingRejected")})
sealed interface ChangeBookingPayload {

    default UUID bookingId() {
        return null;
    }

    record BookingDatesChanged(UUID bookingId, Booking.Money charged, Booking.Money refunded)
            implements ChangeBookingPayload {}

    record SoldOut(int available) implements ChangeBookingPayload {}

    /** The extra charge was declined (or never made): the booking keeps its dates, the new nights are free again. */
    record PaymentDeclined(UUID bookingId, String message) implements ChangeBookingPayload, AboutBooking {}

    /**
     * The provider did not answer the extra charge clearly: the booking keeps its dates and holds the new nights too
     * until the reconciliation learns whether it was paid (then it moves to {@code checkIn}-{@code checkOut}).
     */
    record BookingChangePending(UUID bookingId, LocalDate checkIn, LocalDate checkOut, Booking.Money charge,
                                String message) implements ChangeBookingPayload {}

    record BookingRejected(BookingRejectionCode code, String field, String message) implements ChangeBookingPayload {}
}
