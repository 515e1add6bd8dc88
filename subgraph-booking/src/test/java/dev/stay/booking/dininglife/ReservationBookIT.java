package dev.stay.booking.dininglife;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stay.common.test.SignedIn;
import dev.stay.common.test.SubgraphTest;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jooq.DSLContext;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.graphql.test.tester.GraphQlTester;
import org.springframework.graphql.test.tester.WebGraphQlTester;

/**
 * The book of the day (a restaurant's reservations starting on a local day, by time then table, those never confirmed
 * left out) for its owner and admins only, several restaurants at once through {@code _entities}; and the signed-in
 * guest's own reservations, page by page.
 */
@SubgraphTest
class ReservationBookIT {

    static final String BOOK = """
            query ($reps: [_Any!]!, $date: Date!) {
              _entities(representations: $reps) {
                ... on Restaurant { id reservations(date: $date) { reference status time tableId partySize
                                                                    deposit { amount currency } guest { id }
                                                                    restaurant { id } payment { status } } }
              }
            }""";

    static final String MINE = """
            query ($when: BookingPeriod, $first: Int, $after: String) {
              myReservations(when: $when, first: $first, after: $after) {
                edges { cursor node { id status startsAt } } pageInfo { hasNextPage endCursor }
              }
            }""";

    @Autowired WebGraphQlTester graphQl;
    @Autowired DSLContext db;

    @Test
    void theOwnerReadsTheDayByTimeThenTableWithEveryStatusButThoseNeverConfirmed() {
        var r = DiningFixtures.aRestaurantInLisbon(db);
        LocalDate day = LocalDate.now(r.zone).plusDays(3);
        UUID guest = UUID.randomUUID();
        BigDecimal deposit = new BigDecimal("40.00");
        UUID at20t1 = r.a(guest, 1, at(r, day, "20:00"), "CONFIRMED", deposit);
        UUID at20t0 = r.a(guest, 0, at(r, day, "20:00"), "SEATED", deposit);
        UUID at13 = r.a(guest, 0, at(r, day, "13:00"), "CANCELLED", deposit);
        r.a(guest, 2, at(r, day, "12:00"), "EXPIRED", deposit);
        r.a(guest, 2, at(r, day, "14:30"), "PAYMENT_FAILED", deposit);
        UUID at1830 = r.a(guest, 2, at(r, day, "18:30"), "NO_SHOW", deposit);
        r.a(guest, 0, at(r, day.plusDays(1), "12:00"), "CONFIRMED", deposit);

        var book = book(r.owner, "owner", day, r.restaurant);

        assertThat(book.path("_entities[0].reservations[*].time").entityList(String.class).get())
                .containsExactly("13:00", "18:30", "20:00", "20:00");
        assertThat(book.path("_entities[0].reservations[*].status").entityList(String.class).get())
                .as("by time, then table").containsExactlyElementsOf(r.tables.get(0).toString().compareTo(r.tables.get(1).toString()) < 0
                        ? List.of("CANCELLED", "NO_SHOW", "SEATED", "CONFIRMED")
                        : List.of("CANCELLED", "NO_SHOW", "CONFIRMED", "SEATED"));
        assertThat(book.path("_entities[0].reservations[*].tableId").entityList(String.class).get())
                .containsExactly(r.tables.get(0).toString(), r.tables.get(2).toString(),
                        sorted(r.tables.get(0), r.tables.get(1)).get(0).toString(),
                        sorted(r.tables.get(0), r.tables.get(1)).get(1).toString());
        book.path("_entities[0].reservations[0].deposit.amount").entity(String.class).isEqualTo("40.00")
                .path("_entities[0].reservations[0].guest.id").entity(String.class).isEqualTo(guest.toString())
                .path("_entities[0].reservations[0].restaurant.id").entity(String.class)
                .isEqualTo(r.restaurant.toString());
        assertThat(List.of(at20t1, at20t0, at13, at1830)).hasSize(4);
    }

    @Test
    void onlyItsOwnerHoldingTheRoleAndAdminsReadTheBook() {
        var r = DiningFixtures.aRestaurantInLisbon(db);
        LocalDate day = LocalDate.now(r.zone).plusDays(2);
        UUID guest = UUID.randomUUID();
        r.a(guest, 0, at(r, day, "19:00"), "CONFIRMED", new BigDecimal("40.00"));

        assertForbidden(book(UUID.randomUUID(), "owner", day, r.restaurant), "FORBIDDEN");
        assertForbidden(book(guest, "guest", day, r.restaurant), "FORBIDDEN");
        assertForbidden(book(r.owner, "guest", day, r.restaurant), "FORBIDDEN");
        assertForbidden(graphQl.document(BOOK).variable("reps", reps(r.restaurant)).variable("date", day.toString())
                .execute(), "UNAUTHENTICATED");
        assertForbidden(book(UUID.randomUUID(), "owner", day, UUID.randomUUID()), "FORBIDDEN");

        assertThat(book(UUID.randomUUID(), "admin", day, r.restaurant)
                .path("_entities[0].reservations").entityList(Object.class).get()).hasSize(1);
        assertThat(book(UUID.randomUUID(), "admin", day, UUID.randomUUID())
                .path("_entities[0].reservations").entityList(Object.class).get()).as("a restaurant booking does "
                        + "not know has no reservations").isEmpty();
    }

    @Test
    void severalRestaurantsAtOnceEachGetTheirOwnBookAndOnlyTheOwnersOnesAreAnswered() {
        var mine = DiningFixtures.aRestaurantInLisbon(db);
        var alsoMine = DiningFixtures.aRestaurantIn(db, "Pacific/Kiritimati");
        var theirs = DiningFixtures.aRestaurantInLisbon(db);
        db.update(dev.stay.booking.db.Tables.RESTAURANT).set(dev.stay.booking.db.Tables.RESTAURANT.OWNER_ID, mine.owner)
                .where(dev.stay.booking.db.Tables.RESTAURANT.ID.eq(alsoMine.restaurant)).execute();
        LocalDate day = LocalDate.now(mine.zone).plusDays(4);
        mine.a(UUID.randomUUID(), 0, at(mine, day, "12:00"), "CONFIRMED", BigDecimal.TEN);
        alsoMine.a(UUID.randomUUID(), 0, at(alsoMine, day, "12:00"), "CONFIRMED", BigDecimal.TEN);
        alsoMine.a(UUID.randomUUID(), 1, at(alsoMine, day, "21:00"), "CONFIRMED", BigDecimal.TEN);
        theirs.a(UUID.randomUUID(), 0, at(theirs, day, "12:00"), "CONFIRMED", BigDecimal.TEN);

        SignedIn.as(mine.owner, "owner");
        try {
            var both = graphQl.document(BOOK).variable("reps", reps(mine.restaurant, alsoMine.restaurant, theirs.restaurant))
                    .variable("date", day.toString()).execute();
            both.errors().satisfy(errors -> assertThat(errors).singleElement().satisfies(e -> {
                assertThat(e.getExtensions()).containsEntry("code", "FORBIDDEN");
                assertThat(e.getPath()).isEqualTo("_entities[2].reservations");
            }));
            both.path("_entities[2]").valueIsNull();
            assertThat(both.path("_entities[0].reservations[*].time").entityList(String.class).get())
                    .containsExactly("12:00");
            assertThat(both.path("_entities[1].reservations[*].time").entityList(String.class).get())
                    .as("Kiritimati's own day").containsExactly("12:00", "21:00");
        } finally {
            SignedIn.nobody();
        }
    }

    @Test
    void aGuestPagesThroughTheirOwnReservationsUpcomingSoonestFirstAndPastLatestFirst() {
        var r = DiningFixtures.aRestaurantInLisbon(db);
        UUID guest = UUID.randomUUID();
        List<UUID> upcoming = new ArrayList<>();
        for (int i = 1; i <= 5; i++) {
            upcoming.add(r.a(guest, 0, Instant.now().plus(Duration.ofDays(i)), "CONFIRMED", BigDecimal.TEN));
        }
        UUID lastWeek = r.a(guest, 1, Instant.now().minus(Duration.ofDays(7)), "COMPLETED", BigDecimal.ZERO);
        UUID yesterday = r.a(guest, 1, Instant.now().minus(Duration.ofDays(1)), "NO_SHOW", BigDecimal.TEN);
        r.a(UUID.randomUUID(), 2, Instant.now().plus(Duration.ofDays(1)), "CONFIRMED", BigDecimal.TEN);

        List<String> seen = new ArrayList<>();
        String after = null;
        boolean more = true;
        while (more) {
            var page = mine(guest, Map.of("when", "UPCOMING", "first", 2), after);
            seen.addAll(page.path("myReservations.edges[*].node.id").entityList(String.class).get());
            more = page.path("myReservations.pageInfo.hasNextPage").entity(Boolean.class).get();
            after = page.path("myReservations.pageInfo.endCursor").entity(String.class).get();
        }
        assertThat(seen).containsExactlyElementsOf(upcoming.stream().map(UUID::toString).toList());
        assertThat(mine(guest, Map.of("when", "PAST", "first", 10), null)
                .path("myReservations.edges[*].node.id").entityList(String.class).get())
                .containsExactly(yesterday.toString(), lastWeek.toString());
        assertThat(mine(guest, Map.of("when", "ALL", "first", 100), null)
                .path("myReservations.edges[*].node.id").entityList(String.class).get()).hasSize(7);
    }

    @Test
    void badPagesAreRefusedWithACodeAndNobodyHasNoReservations() {
        UUID guest = UUID.randomUUID();
        for (Object first : List.of(0, 101, -1, Integer.MAX_VALUE)) {
            mine(guest, Map.of("first", first), null).errors().satisfy(errors -> assertThat(errors).singleElement()
                    .satisfies(e -> assertThat(e.getExtensions()).containsEntry("reason", "FIRST_OUT_OF_RANGE")));
        }
        for (String cursor : List.of("nonsense", "cjE6MTIzOm5vdC1hLXV1aWQ", "%00", "x".repeat(5000))) {
            mine(guest, Map.of("first", 5), cursor).errors().satisfy(errors -> assertThat(errors).singleElement()
                    .satisfies(e -> assertThat(e.getExtensions()).containsEntry("reason", "INVALID_CURSOR")));
        }
        graphQl.document(MINE).execute().errors().satisfy(errors -> assertThat(errors).singleElement()
                .satisfies(e -> assertThat(e.getExtensions()).containsEntry("code", "UNAUTHENTICATED")));
    }

    private static Instant at(DiningFixtures r, LocalDate day, String time) {
        return day.atTime(LocalTime.parse(time)).atZone(r.zone).toInstant();
    }

    /** In PostgreSQL's order of uuids: their bytes unsigned, as their lower-case text sorts (not UUID.compareTo). */
    private static List<UUID> sorted(UUID a, UUID b) {
        return a.toString().compareTo(b.toString()) < 0 ? List.of(a, b) : List.of(b, a);
    }

    private static List<Map<String, Object>> reps(UUID... restaurants) {
        return java.util.Arrays.stream(restaurants)
                .map(id -> Map.<String, Object>of("__typename", "Restaurant", "id", id.toString())).toList();
    }

    private GraphQlTester.Response book(UUID viewer, String role, LocalDate day, UUID restaurant) {
        SignedIn.as(viewer, role);
        try {
            return graphQl.document(BOOK).variable("reps", reps(restaurant)).variable("date", day.toString()).execute();
        } finally {
            SignedIn.nobody();
        }
    }

    private static void assertForbidden(GraphQlTester.Response response, String code) {
        response.errors().satisfy(errors -> assertThat(errors).singleElement()
                .satisfies(e -> assertThat(e.getExtensions()).containsEntry("code", code)));
        response.path("_entities[0]").valueIsNull(); // reservations is non-null: the restaurant is null
    }

    private GraphQlTester.Response mine(UUID guest, Map<String, Object> args, String after) {
        SignedIn.as(guest, "guest");
        try {
            var request = graphQl.document(MINE);
            for (var arg : args.entrySet()) {
                request = request.variable(arg.getKey(), arg.getValue());
            }
            return request.variable("after", after).execute();
        } finally {
            SignedIn.nobody();
        }
    }
}
