package dev.stay.booking.dininglife;

import dev.stay.booking.dining.Reservations;
import dev.stay.booking.dining.TableReservation;
import dev.stay.common.security.Viewer;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.graphql.data.method.annotation.SchemaMapping;
import org.springframework.stereotype.Controller;

/** The restaurant's side of a reservation after it is made: seated, completed ("post billing"), a no-show. */
@Controller
@EnableConfigurationProperties(LifecycleProperties.class)
class LifecycleController {

    private final TakingSteps steps;
    private final Reservations reservations;

    LifecycleController(TakingSteps steps, Reservations reservations) {
        this.steps = steps;
        this.reservations = reservations;
    }

    @MutationMapping
    ReservationStatusPayload markSeated(@Argument String id) {
        return steps.seat(Viewer.current(), id);
    }

    @MutationMapping
    ReservationStatusPayload completeReservation(@Argument String id, @Argument String idempotencyKey) {
        return steps.complete(Viewer.current(), id, idempotencyKey);
    }

    @MutationMapping
    ReservationStatusPayload markReservationNoShow(@Argument String id, @Argument String idempotencyKey) {
        return steps.noShow(Viewer.current(), id, idempotencyKey);
    }

    /** The reservation as it is now (a replayed answer shows its current state too). */
    @SchemaMapping(typeName = "ReservationUpdated", field = "reservation")
    TableReservation updated(ReservationStatusPayload.ReservationUpdated answer) {
        return reservations.find(answer.reservationId()).orElseThrow();
    }
}
