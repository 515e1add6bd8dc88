package dev.stay.catalog.restaurantsearch;

import static dev.stay.catalog.db.Tables.RESTAURANT;
import static dev.stay.catalog.db.Tables.RESTAURANT_CLOSED_DATE;
import static dev.stay.catalog.db.Tables.RESTAURANT_SEATING_DURATION;
import static dev.stay.catalog.db.Tables.RESTAURANT_SERVICE_PERIOD;
import static dev.stay.catalog.db.Tables.RESTAURANT_TABLE;
import static dev.stay.catalog.db.Tables.RESTAURANT_TABLE_BUSY;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.stay.catalog.db.enums.Cuisine;
import dev.stay.catalog.db.tables.records.RestaurantClosedDateRecord;
import dev.stay.catalog.restaurantsearch.RestaurantSearchFixtures.Spec;
import dev.stay.common.dining.DiningRules;
import dev.stay.common.dining.SeatingDuration;
import dev.stay.common.dining.SeatingSlots;
import dev.stay.common.dining.ServicePeriod;
import dev.stay.common.dining.Slot;
import dev.stay.common.dining.TableTimes;
import dev.stay.common.test.DeadLetters;
import dev.stay.common.test.SubgraphTest;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.UUID;
import org.jooq.DSLContext;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.graphql.test.tester.GraphQlTester;
import org.springframework.graphql.test.tester.WebGraphQlTester;

/**
 * Dated restaurant search: the free start times it offers are those common's dining computes over the database, and
 * booking's reservation events (through the real broker) take them away and give them back, once, never older over
 * newer; what cannot be read is dead-lettered.
 */
@SubgraphTest
class RestaurantDatedSearchIT {

    static final String DATED = """
            query ($input: RestaurantSearchInput!) {
              searchRestaurants(input: $input, first: 50) {
                totalCount edges { slots node { id } } facets { cuisines { cuisine count } }
              }
            }""";
    static final ZoneId LISBON = ZoneId.of("Europe/Lisbon");
    static final DeadLetters DEAD_LETTERS = new DeadLetters(ReservationFeedListener.TOPIC + ".DLT");

    @Autowired WebGraphQlTester graphQl;
    @Autowired DSLContext db;
    @Autowired RestaurantIndex index;
    RestaurantSearchFixtures fixtures;
    String city;
    LocalDate day;

    @BeforeEach
    void setUp() {
        fixtures = new RestaurantSearchFixtures(db, index);
        city = RestaurantSearchFixtures.aCity();
        day = LocalDate.now(LISBON).plusDays(3);
    }

    @Test
    void onlyRestaurantsWithATableForThePartyAroundTheTimeEachWithItsStartTimes() {
        UUID open = fixtures.aRestaurant(new Spec("Open", city, 2, Cuisine.ITALIAN));
        UUID tooSmall = fixtures.aRestaurant(new Spec("Too Small", city, 2, Cuisine.ITALIAN), List.of(new int[] {1, 2}));
        UUID closed = fixtures.aRestaurant(new Spec("Closed That Day", city, 2, Cuisine.FRENCH));
        db.insertInto(RESTAURANT_CLOSED_DATE).set(new RestaurantClosedDateRecord(closed, day)).execute();
        fixtures.indexed(List.of(open, tooSmall, closed));

        GraphQlTester.Response forTwo = dated("20:00", 2);
        assertThat(slots(forTwo)).containsOnlyKeys(open, tooSmall)
                .containsEntry(open, List.of("19:30", "19:45", "20:00", "20:15", "20:30"));
        assertThat(forTwo.path("searchRestaurants.totalCount").entity(Integer.class).get()).isEqualTo(2);
        assertThat(forTwo.path("searchRestaurants.facets.cuisines[*].cuisine").entityList(String.class).get())
                .as("facets count what is open").containsExactly("ITALIAN");
        assertThat(slots(dated("20:00", 5))).as("a table for 5 in one of them only").containsOnlyKeys(open);
        assertThat(slots(dated("12:00", 2)).get(open)).as("from the opening on").containsExactly("12:00", "12:15", "12:30");
        assertThat(slots(dated("22:50", 2)).get(open)).as("before closing").containsExactly("22:30", "22:45");
        assertThat(slots(dated("17:00", 2))).as("between services").isEmpty();
    }

    @Test
    void aReservationTakesItsStartTimesAwayOnceAndItsCancellationGivesThemBackNeverOlderOverNewer() {
        UUID restaurant = fixtures.aRestaurant(new Spec("Busy", city, 2, Cuisine.ITALIAN), List.of(new int[] {1, 2}));
        fixtures.indexed(List.of(restaurant));
        UUID table = fixtures.tables(restaurant).getFirst();
        assertThat(slots(dated("20:00", 2)).get(restaurant)).containsExactly("19:30", "19:45", "20:00", "20:15", "20:30");
        UUID reservation = UUID.randomUUID();

        // held at 21:00 for 90 minutes: a party of 2 starting after 19:30 would still sit when it comes
        String held = reservationEvent(reservation, restaurant, table, "21:00", "HELD", 1);
        publish(restaurant, held);
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                assertThat(slots(dated("20:00", 2)).get(restaurant)).containsExactly("19:30"));

        // cancelled (version 3), then a late confirmation (version 2) and a replay of the hold: the table stays free
        publish(restaurant, reservationEvent(reservation, restaurant, table, "21:00", "CANCELLED", 3));
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                assertThat(slots(dated("20:00", 2)).get(restaurant)).hasSize(5));
        publish(restaurant, reservationEvent(reservation, restaurant, table, "21:00", "CONFIRMED", 2));
        publish(restaurant, held);
        String marker = reservationEvent(UUID.randomUUID(), restaurant, table, "13:00", "CONFIRMED", 1);
        publish(restaurant, marker);
        await().atMost(Duration.ofSeconds(30)).until(() -> db.fetchExists(RESTAURANT_TABLE_BUSY,
                RESTAURANT_TABLE_BUSY.RESTAURANT_ID.eq(restaurant).and(RESTAURANT_TABLE_BUSY.STARTS_AT
                        .eq(day.atTime(13, 0).atZone(LISBON).toOffsetDateTime().withOffsetSameInstant(ZoneOffset.UTC)))));
        assertThat(db.fetchValue(RESTAURANT_TABLE_BUSY.VERSION, RESTAURANT_TABLE_BUSY.RESERVATION_ID.eq(reservation)))
                .isEqualTo(3);
        assertThat(slots(dated("20:00", 2)).get(restaurant)).hasSize(5);
    }

    @Test
    void aPoisonReservationEventIsDeadLetteredAndTheFeedGoesOn() {
        UUID restaurant = fixtures.aRestaurant(new Spec("Poisoned", city, 2, Cuisine.ITALIAN), List.of(new int[] {1, 2}));
        fixtures.indexed(List.of(restaurant));
        UUID table = fixtures.tables(restaurant).getFirst();
        String noVersion = RestaurantSearchFixtures.envelope("reservation.held", "{\"reservationId\":\""
                + UUID.randomUUID() + "\",\"restaurantId\":\"" + restaurant + "\"}");
        String ofAnother = reservationEvent(UUID.randomUUID(), UUID.randomUUID(), table, "20:00", "HELD", 1);

        publish(restaurant, "{\"eventId\":");
        publish(restaurant, noVersion);
        publish(restaurant, ofAnother);
        publish(restaurant, reservationEvent(UUID.randomUUID(), restaurant, table, "20:00", "CONFIRMED", 1));

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                assertThat(slots(dated("20:00", 2))).doesNotContainKey(restaurant));
        // other consumers of the topic (restaurant reviews) dead-letter what they cannot read too: ours only
        assertThat(DEAD_LETTERS.withKey(restaurant)).filteredOn(letter -> letter.headers().contains("catalog.reservation-feed"))
                .extracting(DeadLetters.Letter::value).containsExactly("{\"eventId\":", noVersion, ofAnother);
    }

    @Test
    void theStartTimesOfferedAreThoseDiningComputesOverTheDatabaseForASeededRandomSample() {
        Random random = new Random(20261130L);
        List<UUID> restaurants = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            List<int[]> tables = new ArrayList<>();
            for (int t = 0; t < 1 + random.nextInt(4); t++) {
                int min = 1 + random.nextInt(4);
                tables.add(new int[] {min, min + random.nextInt(3)});
            }
            UUID id = fixtures.aRestaurant(new Spec("Sample " + i, city, 1 + random.nextInt(4), Cuisine.CAFE), tables);
            restaurants.add(id);
            if (random.nextInt(6) == 0) {
                db.insertInto(RESTAURANT_CLOSED_DATE).set(new RestaurantClosedDateRecord(id, day)).execute();
            }
            for (UUID table : fixtures.tables(id)) {
                for (int r = 0; r < random.nextInt(4); r++) {
                    boolean cancelled = random.nextInt(5) == 0;
                    Instant starts = day.atTime(12, 0).plusMinutes(15L * random.nextInt(44)).atZone(LISBON).toInstant();
                    db.insertInto(RESTAURANT_TABLE_BUSY).set(RESTAURANT_TABLE_BUSY.RESERVATION_ID, UUID.randomUUID())
                            .set(RESTAURANT_TABLE_BUSY.RESTAURANT_ID, id).set(RESTAURANT_TABLE_BUSY.TABLE_ID, table)
                            .set(RESTAURANT_TABLE_BUSY.STARTS_AT, starts.atOffset(ZoneOffset.UTC))
                            .set(RESTAURANT_TABLE_BUSY.ENDS_AT, starts.plusSeconds(60L * (90 + 30 * random.nextInt(3)))
                                    .atOffset(ZoneOffset.UTC))
                            .set(RESTAURANT_TABLE_BUSY.STATUS, cancelled ? "CANCELLED" : "CONFIRMED")
                            .set(RESTAURANT_TABLE_BUSY.TAKEN, !cancelled).set(RESTAURANT_TABLE_BUSY.VERSION, 1)
                            .execute();
                }
            }
        }
        fixtures.indexed(restaurants);

        int compared = 0;
        List<Long> millis = new ArrayList<>();
        for (int query = 0; query < 15; query++) {
            LocalTime time = LocalTime.of(11, 45).plusMinutes(15L * random.nextInt(46));
            int party = 1 + random.nextInt(6);
            Map<UUID, List<String>> expected = new TreeMap<>();
            for (UUID id : restaurants) {
                List<String> times = computedOverTheDatabase(id, time, party);
                if (!times.isEmpty()) {
                    expected.put(id, times);
                }
            }
            long started = System.nanoTime();
            GraphQlTester.Response searched = dated(time.toString(), party);
            millis.add((System.nanoTime() - started) / 1_000_000);
            assertThat(new TreeMap<>(slots(searched))).as("%s for %d", time, party).isEqualTo(expected);
            compared += expected.size();
        }
        assertThat(compared).as("the sample offers something to compare").isGreaterThan(10);
        System.out.printf("dated restaurant search over %d restaurants, uncached: %s ms%n", restaurants.size(),
                millis.stream().sorted().toList());
    }

    /** What dining computes from the rows of the database, read one restaurant at a time, as booking would. */
    private List<String> computedOverTheDatabase(UUID id, LocalTime time, int party) {
        var restaurant = db.fetchSingle(RESTAURANT, RESTAURANT.ID.eq(id));
        List<ServicePeriod> periods = db.fetch(RESTAURANT_SERVICE_PERIOD, RESTAURANT_SERVICE_PERIOD.RESTAURANT_ID.eq(id))
                .map(p -> new ServicePeriod(p.getWeekday(), p.getOpens(), p.getCloses()));
        List<SeatingDuration> durations = db.fetch(RESTAURANT_SEATING_DURATION,
                RESTAURANT_SEATING_DURATION.RESTAURANT_ID.eq(id)).map(d -> new SeatingDuration(d.getUpToPartySize(),
                d.getMinutes()));
        var closedDays = db.fetch(RESTAURANT_CLOSED_DATE, RESTAURANT_CLOSED_DATE.RESTAURANT_ID.eq(id))
                .map(c -> c.getDay());
        List<TableTimes> tables = db.fetch(RESTAURANT_TABLE, RESTAURANT_TABLE.RESTAURANT_ID.eq(id)
                .and(RESTAURANT_TABLE.REMOVED.isFalse())).map(t -> new TableTimes(t.getId(), t.getMinParty(),
                t.getMaxParty(), db.fetch(RESTAURANT_TABLE_BUSY, RESTAURANT_TABLE_BUSY.TABLE_ID.eq(t.getId())
                        .and(RESTAURANT_TABLE_BUSY.TAKEN)).map(b -> new TableTimes.Busy(b.getStartsAt().toInstant(),
                        b.getEndsAt().toInstant()))));
        DiningRules rules = new DiningRules(ZoneId.of(restaurant.getTimeZone()), restaurant.getSlotMinutes(), periods,
                java.util.Set.copyOf(closedDays), durations);
        return SeatingSlots.free(rules, day, party, tables, Instant.now()).stream().map(Slot::time)
                .filter(t -> Math.abs(Duration.between(t, time).toMinutes()) <= 30)
                .map(t -> t.toString()).toList();
    }

    private String reservationEvent(UUID reservation, UUID restaurant, UUID table, String at, String status,
                                    int version) {
        Instant starts = day.atTime(LocalTime.parse(at)).atZone(LISBON).toInstant();
        return RestaurantSearchFixtures.envelope("reservation." + status.toLowerCase(), """
                {"reservationId":"%s","reference":"R-1","restaurantId":"%s","tableId":"%s","guestId":"%s",
                 "date":"%s","time":"%s","startsAt":"%s","endsAt":"%s","partySize":2,"status":"%s","deposit":"0.00",
                 "currency":"EUR","version":%d,"occurredAt":"%s"}""".formatted(reservation, restaurant, table,
                UUID.randomUUID(), day, at, starts, starts.plusSeconds(90 * 60), status, version, Instant.now()));
    }

    private static void publish(UUID restaurant, String value) {
        RestaurantSearchFixtures.publish(ReservationFeedListener.TOPIC, restaurant.toString(), value);
    }

    private GraphQlTester.Response dated(String time, int party) {
        return graphQl.document(DATED).variable("input", Map.of("city", city, "date", day.toString(), "time", time,
                "partySize", party)).execute();
    }

    private static Map<UUID, List<String>> slots(GraphQlTester.Response response) {
        Map<UUID, List<String>> slots = new LinkedHashMap<>();
        for (Map<?, ?> edge : response.path("searchRestaurants.edges").entityList(Map.class).get()) {
            @SuppressWarnings("unchecked")
            List<String> times = (List<String>) edge.get("slots");
            slots.put(UUID.fromString((String) ((Map<?, ?>) edge.get("node")).get("id")), times);
        }
        return slots;
    }
}
