package dev.stay.booking.reservation;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import dev.stay.codegen.booking.types.BookingRejectionCode;
import java.util.UUID;

/** The answers of {@code retryRefund}, named as the schema's union members; stored with the idempotency key. */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "type")
@JsonSubTypes({
        @JsonSubTypes.Type(value = RetryRefundPayload.RefundRetried.class, name = "RefundRetried"),
        @JsonSubTypes.Type(value = RetryRefundPayload.BookingRejected.class, name = "BookingRejected")})
sealed interface RetryRefundPayload {

    default UUID bookingId() {
        return null;
    }

    /** Sent again; {@code refundPending} while the provider has still not taken it (retried, bounded, again). */
    record RefundRetried(UUID bookingId, boolean refundPending) implements RetryRefundPayload {}

    record BookingRejected(BookingRejectionCode code, String field, String message) implements RetryRefundPayload {}
}
