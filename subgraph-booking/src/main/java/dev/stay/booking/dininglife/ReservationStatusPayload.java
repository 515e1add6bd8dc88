package dev.stay.booking.dininglife;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import dev.stay.booking.dining.TableReservation;
import dev.stay.codegen.booking.types.ReservationRejectionCode;
import java.util.UUID;

/**
 * The answers of {@code markSeated}, {@code completeReservation} and {@code markReservationNoShow}, named as the
 * schema's union members; stored with the idempotency key, so a replay answers the same.
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "type")
@JsonSubTypes({
        @JsonSubTypes.Type(value = ReservationStatusPayload.ReservationUpdated.class, name = "ReservationUpdated"),
        @JsonSubTypes.Type(value = ReservationStatusPayload.ReservationRejected.class, name = "ReservationRejected")})
sealed interface ReservationStatusPayload {

    default UUID reservationId() {
        return null;
    }

    record ReservationUpdated(UUID reservationId, TableReservation.Money refund, boolean refundPending)
            implements ReservationStatusPayload {}

    record ReservationRejected(ReservationRejectionCode code, String field, String message)
            implements ReservationStatusPayload {}

    static ReservationStatusPayload rejected(ReservationRejectionCode code, String field, String message) {
        return new ReservationRejected(code, field, message);
    }
}
