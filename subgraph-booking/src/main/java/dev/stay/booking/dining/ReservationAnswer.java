package dev.stay.booking.dining;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import dev.stay.codegen.booking.types.ReservationRejectionCode;
import java.util.List;
import java.util.UUID;

/**
 * The answers of {@code reserveTable}, {@code cancelReservation} and {@code changeReservation}: one record per member
 * of their unions, named as its GraphQL type (which is how a union is resolved). Stored as JSON with the idempotency
 * key, so a replay answers the same; reservations are referred to by id and read when answered.
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "type")
@JsonSubTypes({
        @JsonSubTypes.Type(value = ReservationAnswer.ReservationConfirmed.class, name = "ReservationConfirmed"),
        @JsonSubTypes.Type(value = ReservationAnswer.ReservationPending.class, name = "ReservationPending"),
        @JsonSubTypes.Type(value = ReservationAnswer.SlotTaken.class, name = "SlotTaken"),
        @JsonSubTypes.Type(value = ReservationAnswer.DepositChanged.class, name = "DepositChanged"),
        @JsonSubTypes.Type(value = ReservationAnswer.ReservationPaymentDeclined.class,
                name = "ReservationPaymentDeclined"),
        @JsonSubTypes.Type(value = ReservationAnswer.ReservationRejected.class, name = "ReservationRejected"),
        @JsonSubTypes.Type(value = ReservationAnswer.ReservationCancelled.class, name = "ReservationCancelled"),
        @JsonSubTypes.Type(value = ReservationAnswer.ReservationChanged.class, name = "ReservationChanged")})
sealed interface ReservationAnswer {

    /** The reservation this answer is about, if any. */
    default UUID reservationId() {
        return null;
    }

    record ReservationConfirmed(UUID reservationId) implements ReservationAnswer {}

    record ReservationPending(UUID reservationId, String message) implements ReservationAnswer {}

    record ReservationPaymentDeclined(UUID reservationId, String message) implements ReservationAnswer {}

    record SlotTaken(List<String> alternatives) implements ReservationAnswer {}

    record DepositChanged(TableReservation.Money quotedDeposit, TableReservation.Money deposit)
            implements ReservationAnswer {}

    record ReservationCancelled(UUID reservationId, TableReservation.Money refund, boolean refundPending)
            implements ReservationAnswer {}

    record ReservationChanged(UUID reservationId, TableReservation.Money charged, TableReservation.Money refunded)
            implements ReservationAnswer {}

    record ReservationRejected(ReservationRejectionCode code, String field, String message)
            implements ReservationAnswer {}

    static ReservationRejected rejected(ReservationRejectionCode code, String field, String message) {
        return new ReservationRejected(code, field, message);
    }
}
