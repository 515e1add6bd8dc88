package dev.stay.booking.dining;

import dev.stay.codegen.booking.types.ChangeReservationInput;
import dev.stay.codegen.booking.types.ReserveTableInput;
import dev.stay.common.security.Viewer;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.graphql.data.method.annotation.SchemaMapping;
import org.springframework.stereotype.Controller;

/** reserveTable, cancelReservation, changeReservation, and the reservation each of their answers is about. */
@Controller
@EnableConfigurationProperties(DiningProperties.class)
class ReservationMutations {

    private final ReservingTable reserving;
    private final CancellingReservation cancelling;
    private final ChangingReservation changing;
    private final Reservations reservations;

    ReservationMutations(ReservingTable reserving, CancellingReservation cancelling, ChangingReservation changing,
                         Reservations reservations) {
        this.reserving = reserving;
        this.cancelling = cancelling;
        this.changing = changing;
        this.reservations = reservations;
    }

    @MutationMapping
    ReservationAnswer reserveTable(@Argument ReserveTableInput input, @Argument String idempotencyKey) {
        return reserving.reserve(Viewer.current(), input, idempotencyKey);
    }

    @MutationMapping
    ReservationAnswer cancelReservation(@Argument String id, @Argument String idempotencyKey) {
        return cancelling.cancel(Viewer.current(), id, idempotencyKey);
    }

    @MutationMapping
    ReservationAnswer changeReservation(@Argument String id, @Argument ChangeReservationInput input,
                                        @Argument String idempotencyKey) {
        return changing.change(Viewer.current(), id, input, idempotencyKey);
    }

    @SchemaMapping(typeName = "ReservationConfirmed", field = "reservation")
    TableReservation confirmed(ReservationAnswer.ReservationConfirmed answer) {
        return reservations.find(answer.reservationId()).orElseThrow();
    }

    @SchemaMapping(typeName = "ReservationPending", field = "reservation")
    TableReservation pending(ReservationAnswer.ReservationPending answer) {
        return reservations.find(answer.reservationId()).orElseThrow();
    }

    @SchemaMapping(typeName = "ReservationPaymentDeclined", field = "reservation")
    TableReservation declined(ReservationAnswer.ReservationPaymentDeclined answer) {
        return reservations.find(answer.reservationId()).orElseThrow();
    }

    @SchemaMapping(typeName = "ReservationCancelled", field = "reservation")
    TableReservation cancelled(ReservationAnswer.ReservationCancelled answer) {
        return reservations.find(answer.reservationId()).orElseThrow();
    }

    @SchemaMapping(typeName = "ReservationChanged", field = "reservation")
    TableReservation changed(ReservationAnswer.ReservationChanged answer) {
        return reservations.find(answer.reservationId()).orElseThrow();
    }
}
