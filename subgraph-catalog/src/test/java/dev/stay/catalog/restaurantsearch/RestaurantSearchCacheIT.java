package dev.stay.catalog.restaurantsearch;

import static dev.stay.catalog.db.Tables.RESTAURANT_TABLE_BUSY;
import static org.assertj.core.api.Assertions.assertThat;

import dev.stay.catalog.db.enums.Cuisine;
import dev.stay.catalog.restaurantsearch.RestaurantSearchFixtures.Spec;
import dev.stay.catalog.search.SearchCache;
import dev.stay.devstack.engines.Engines;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jooq.DSLContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.graphql.test.tester.WebGraphQlTester;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Restaurant pages in the real Redis: served while current, outdated by a change of a restaurant or a reservation in
 * their area, never required (Redis stopped: searches still answer).
 */
@dev.stay.common.test.SubgraphTest
class RestaurantSearchCacheIT {

    static final String NAMES = """
            query ($input: RestaurantSearchInput!) {
              searchRestaurants(input: $input) { totalCount edges { slots node { name } } }
            }""";
    static final ZoneId LISBON = ZoneId.of("Europe/Lisbon");

    @Autowired WebGraphQlTester graphQl;
    @Autowired DSLContext db;
    @Autowired RestaurantIndex index;
    @Autowired BusyTables busyTables;
    @Autowired TransactionTemplate transactions;
    @Autowired SearchCache cache;
    final String city = RestaurantSearchFixtures.aCity(); // a city of each test's own
    RestaurantSearchFixtures fixtures;

    @BeforeEach
    void setUp() {
        fixtures = new RestaurantSearchFixtures(db, index);
    }

    @AfterEach
    void restoreRedis() {
        Engines.shared().redis().start();
        cache.breaker().transitionToClosedState();
    }

    @Test
    void aDatedPageIsServedFromRedisUntilAReservationInItsAreaOutdatesIt() {
        UUID restaurant = fixtures.aRestaurant(new Spec("Cached", city, 2, Cuisine.ITALIAN), List.of(new int[] {1, 2}));
        fixtures.indexed(List.of(restaurant));
        UUID table = fixtures.tables(restaurant).getFirst();
        LocalDate day = LocalDate.now(LISBON).plusDays(2);
        assertThat(slots(day)).hasSize(5); // cached now

        // the table taken behind the cache's back (no generation bumped): the cached page stays
        Instant at = day.atTime(20, 0).atZone(LISBON).toInstant();
        db.insertInto(RESTAURANT_TABLE_BUSY).set(RESTAURANT_TABLE_BUSY.RESERVATION_ID, UUID.randomUUID())
                .set(RESTAURANT_TABLE_BUSY.RESTAURANT_ID, restaurant).set(RESTAURANT_TABLE_BUSY.TABLE_ID, table)
                .set(RESTAURANT_TABLE_BUSY.STARTS_AT, at.atOffset(ZoneOffset.UTC))
                .set(RESTAURANT_TABLE_BUSY.ENDS_AT, at.plusSeconds(5400).atOffset(ZoneOffset.UTC))
                .set(RESTAURANT_TABLE_BUSY.STATUS, "CONFIRMED").set(RESTAURANT_TABLE_BUSY.TAKEN, true)
                .set(RESTAURANT_TABLE_BUSY.VERSION, 1).execute();
        assertThat(slots(day)).as("served from Redis").hasSize(5);

        // a reservation applied the way the feed applies it: the pages of the restaurant's city are outdated
        transactions.executeWithoutResult(status -> busyTables.apply(new ReservationEvent(UUID.randomUUID(),
                restaurant, table, at.plusSeconds(3 * 3600), at.plusSeconds(3 * 3600 + 5400), "HELD", 1)));
        assertThat(slots(day)).as("the table is taken from 20:00").isNull();
    }

    @Test
    void aRestaurantsChangeOutdatesThePagesOfItsCity() {
        UUID restaurant = fixtures.aRestaurant(new Spec("Staying", city, 2, Cuisine.ITALIAN));
        fixtures.indexed(List.of(restaurant));
        assertThat(total()).isEqualTo(1);

        fixtures.indexed(List.of(fixtures.aRestaurant(new Spec("Arriving", city, 2, Cuisine.ITALIAN))));
        assertThat(total()).isEqualTo(2);
        fixtures.unpublish(restaurant);
        fixtures.indexed(List.of(restaurant));
        assertThat(total()).isEqualTo(1);
    }

    @Test
    void withRedisStoppedSearchStillAnswersFromOpenSearch() {
        fixtures.indexed(List.of(fixtures.aRestaurant(new Spec("Still Here", city, 2, Cuisine.ITALIAN))));
        assertThat(total()).isEqualTo(1);

        Engines.shared().redis().stop();

        assertThat(cache.lookup("any", List.of("restaurants/all"), RestaurantPage.class).generations())
                .as("Redis is gone").isNull();
        assertThat(total()).isEqualTo(1);
        fixtures.indexed(List.of(fixtures.aRestaurant(new Spec("Newcomer", city, 2, Cuisine.ITALIAN))));
        assertThat(total()).isEqualTo(2);
        LocalDate day = LocalDate.now(LISBON).plusDays(2);
        assertThat(graphQl.document(NAMES).variable("input", Map.of("city", city, "date", day.toString(),
                "time", "13:00", "partySize", 2)).execute().path("searchRestaurants.totalCount").entity(Integer.class)
                .get()).as("dated too").isEqualTo(2);
    }

    private List<String> slots(LocalDate day) {
        List<List<String>> slots = graphQl.document(NAMES).variable("input", Map.of("city", city, "date", day.toString(),
                "time", "20:00", "partySize", 2)).execute().path("searchRestaurants.edges[*].slots")
                .entityList(List.class).get().stream().map(list -> (List<String>) list).toList();
        return slots.isEmpty() ? null : slots.getFirst();
    }

    private int total() {
        return graphQl.document(NAMES).variable("input", Map.of("city", city)).execute()
                .path("searchRestaurants.totalCount").entity(Integer.class).get();
    }
}
