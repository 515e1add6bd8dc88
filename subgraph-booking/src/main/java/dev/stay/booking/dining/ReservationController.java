package dev.stay.booking.dining;

import dev.stay.common.graphql.Ids;
import dev.stay.common.security.Viewer;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.graphql.data.federation.EntityMapping;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.stereotype.Controller;

/** Restaurants and their reservations as entities, and {@code reservation(id)}. */
@Controller
class ReservationController {

    private final Reservations reservations;
    private final java.time.Clock clock;

    ReservationController(Reservations reservations, java.time.Clock clock) {
        this.reservations = reservations;
        this.clock = clock;
    }

    /** What cancelling now would give back to the viewer asking; null once it cannot be cancelled. */
    @org.springframework.graphql.data.method.annotation.SchemaMapping(typeName = "TableReservation")
    TableReservation.Money cancellationRefund(TableReservation r) {
        Optional<Viewer> viewer = Viewer.current();
        if (viewer.isEmpty() || !r.status().equals("CONFIRMED") || !r.startsAt().toInstant().isAfter(clock.instant())) {
            return null;
        }
        boolean byRestaurant = viewer.get().isAdmin()
                || (viewer.get().mayManageFor(r.ownerId()) && !viewer.get().id().equals(r.guest().id()));
        return TableReservation.Money.of(CancellationTerms.refund(r.paid(), byRestaurant, r.depositRefundableHours(),
                r.startsAt().toInstant(), clock.instant()), r.deposit().currency());
    }

    /** Any well-formed id is a restaurant here: one that booking does not know simply has no availability. */
    @EntityMapping
    List<Restaurant> restaurant(@Argument List<String> idList) {
        return idList.stream().map(id -> Ids.tryParse(id).map(Restaurant::new).orElse(null)).toList();
    }

    /** Someone else's reservation, or anyone's without a token, is not refused but absent: its id tells nothing. */
    @QueryMapping
    TableReservation reservation(@Argument String id) {
        Optional<Viewer> viewer = Viewer.current();
        return viewer.flatMap(v -> Ids.tryParse(id).flatMap(reservations::find).filter(r -> r.visibleTo(v)))
                .orElse(null);
    }

    /** The same rule through the router, a whole batch in one statement: what the viewer may not see is null. */
    @EntityMapping
    List<TableReservation> tableReservation(@Argument List<String> idList) {
        Optional<Viewer> viewer = Viewer.current();
        if (viewer.isEmpty()) {
            return idList.stream().map(id -> (TableReservation) null).toList();
        }
        Map<UUID, TableReservation> found = reservations.findAll(Ids.parseValid(idList)).stream()
                .filter(r -> r.visibleTo(viewer.get()))
                .collect(Collectors.toMap(TableReservation::id, Function.identity()));
        return Ids.inRequestOrder(idList, found);
    }
}
