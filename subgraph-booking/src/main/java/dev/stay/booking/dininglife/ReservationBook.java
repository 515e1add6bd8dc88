package dev.stay.booking.dininglife;

import dev.stay.booking.dining.Restaurant;
import dev.stay.booking.dining.TableReservation;
import dev.stay.codegen.booking.types.BookingPeriod;
import dev.stay.common.graphql.Forbidden;
import dev.stay.common.security.Viewer;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Collectors;
import org.dataloader.DataLoader;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.graphql.data.method.annotation.SchemaMapping;
import org.springframework.graphql.execution.BatchLoaderRegistry;
import org.springframework.stereotype.Controller;
import reactor.core.publisher.Mono;

/**
 * Lists of reservations: a restaurant's book of the day for its owner and admins, the signed-in guest's own. The
 * books of several restaurants in one request (a page of them, {@code _entities}) are read through one DataLoader,
 * so they cost one statement for the owners and one for the reservations, not two per restaurant.
 */
@Controller
class ReservationBook {

    /** One restaurant's day. */
    record Day(UUID restaurantId, LocalDate date) {}

    /** What a day's book holds, with the owner it is checked against (null when booking does not know it). */
    record Book(UUID ownerId, List<TableReservation> reservations) {}

    private final TableReservations reservations;
    private final Clock clock;

    ReservationBook(TableReservations reservations, Clock clock, BatchLoaderRegistry loaders) {
        this.reservations = reservations;
        this.clock = clock;
        loaders.forTypePair(Day.class, Book.class).registerMappedBatchLoader((days, env) -> Mono.fromSupplier(
                () -> books(days)));
    }

    @SchemaMapping(typeName = "Restaurant", field = "reservations")
    CompletableFuture<List<TableReservation>> reservations(Restaurant restaurant, @Argument LocalDate date,
                                                      DataLoader<Day, Book> books) {
        Viewer viewer = Viewer.current().orElseThrow(() -> Forbidden.signInFirst("a restaurant's reservations"));
        return books.load(new Day(restaurant.id(), date)).thenApply(book -> {
            if (!viewer.isAdmin() && (book.ownerId() == null || !viewer.mayManageFor(book.ownerId()))) {
                throw Forbidden.notYours("this restaurant's reservations");
            }
            return book.reservations();
        });
    }

    private Map<Day, Book> books(java.util.Set<Day> days) {
        Map<UUID, UUID> owners = reservations.owners(days.stream().map(Day::restaurantId).distinct().toList());
        Map<Day, List<TableReservation>> byDay = reservations.ofDays(days.stream()
                        .filter(d -> owners.containsKey(d.restaurantId()))
                        .map(d -> Map.entry(d.restaurantId(), d.date())).toList()).stream()
                .collect(Collectors.groupingBy(r -> new Day(r.restaurant().id(), r.date())));
        Map<Day, Book> answer = new HashMap<>();
        for (Day day : days) {
            answer.put(day, new Book(owners.get(day.restaurantId()), byDay.getOrDefault(day, List.of())));
        }
        return answer;
    }

    @QueryMapping
    ReservationPage myReservations(@Argument BookingPeriod when, @Argument Integer first, @Argument String after) {
        Viewer viewer = Viewer.current().orElseThrow(() -> Forbidden.signInFirst("myReservations"));
        int size = ReservationCursor.first(first);
        ReservationCursor cursor = ReservationCursor.decode(after);
        String period = (when == null ? BookingPeriod.UPCOMING : when).name();
        return ReservationPage.of(reservations.ofGuest(viewer.id(), period, cursor, size, OffsetDateTime.now(clock)),
                size);
    }
}
