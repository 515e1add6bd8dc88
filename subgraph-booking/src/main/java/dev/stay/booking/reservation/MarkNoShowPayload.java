package dev.stay.booking.reservation;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import dev.stay.codegen.booking.types.BookingRejectionCode;
import java.util.UUID;

/** The answers of {@code markNoShow}, named as the schema's union members; stored with the idempotency key. */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "type")
@JsonSubTypes({
        @JsonSubTypes.Type(value = MarkNoShowPayload.NoShowMarked.class, name = "NoShowMarked"),
        @JsonSubTypes.Type(value = MarkNoShowPayload.BookingRejected.class, name = "BookingRejected")})
sealed interface MarkNoShowPayload {

    default UUID bookingId() {
        return null;
    }

    record NoShowMarked(UUID bookingId, Booking.Money fee, Booking.Money refund, boolean refundPending)
            implements MarkNoShowPayload {}

    record BookingRejected(BookingRejectionCode code, String field, String message) implements MarkNoShowPayload {}
}
