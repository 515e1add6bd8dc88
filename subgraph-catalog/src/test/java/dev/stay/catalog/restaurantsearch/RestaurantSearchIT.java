package dev.stay.catalog.restaurantsearch;

import static dev.stay.catalog.db.Tables.PROPERTY;
import static dev.stay.catalog.db.Tables.RESTAURANT_RATING;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.stay.catalog.db.enums.Cuisine;
import dev.stay.catalog.db.enums.PropertyStatus;
import dev.stay.catalog.db.tables.records.PropertyRecord;
import dev.stay.catalog.events.CatalogEvents;
import dev.stay.catalog.restaurantsearch.RestaurantSearchFixtures.Spec;
import dev.stay.catalog.search.SearchResponses;
import dev.stay.common.test.DeadLetters;
import dev.stay.common.test.SubgraphTest;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jooq.DSLContext;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.graphql.test.tester.GraphQlTester;
import org.springframework.graphql.test.tester.WebGraphQlTester;

/**
 * searchRestaurants against the real OpenSearch and broker: filters, sorts, facets, pages, the feed of
 * catalog.restaurant (unpublishing, poison), suggestions of both kinds, and what is refused.
 */
@SubgraphTest
class RestaurantSearchIT {

    static final String PAGE = """
            query ($input: RestaurantSearchInput!, $first: Int, $after: String) {
              searchRestaurants(input: $input, first: $first, after: $after) {
                totalCount
                edges { cursor distanceKm slots rating reviewCount node { id name priceRange cuisines } }
                pageInfo { hasNextPage endCursor }
                facets { cuisines { cuisine count } priceRanges { priceRange count } }
              }
            }""";
    static final DeadLetters DEAD_LETTERS = new DeadLetters(RestaurantFeedIndexer.TOPIC + ".DLT");

    @Autowired WebGraphQlTester graphQl;
    @Autowired DSLContext db;
    @Autowired RestaurantIndex index;
    RestaurantSearchFixtures fixtures;
    String city;

    @BeforeEach
    void setUp() {
        fixtures = new RestaurantSearchFixtures(db, index);
        city = RestaurantSearchFixtures.aCity();
    }

    @Test
    void aCityIsFoundWithoutItsAccentsAndTextMatchesNamesCuisinesAndCitiesAccentInsensitively() {
        UUID tasca = fixtures.aRestaurant(new Spec("Tasca São João", city, 2, Cuisine.PORTUGUESE, Cuisine.SEAFOOD));
        UUID sushi = fixtures.aRestaurant(new Spec("Kyoto Bar", city, 3, Cuisine.SUSHI, Cuisine.MIDDLE_EASTERN));
        fixtures.indexed(List.of(tasca, sushi));

        assertThat(ids(search(Map.of("city", city.replace("Évora Ção", "EVORA cao")), null, null)))
                .containsExactlyInAnyOrder(tasca, sushi);
        assertThat(ids(search(Map.of("city", city, "text", "tasca sao joao"), null, null))).containsExactly(tasca);
        // every word somewhere: a cuisine and the city's name
        assertThat(ids(search(Map.of("text", "seafood " + city.replace("Évora Ção", "evora cao")), null, null)))
                .containsExactly(tasca);
        assertThat(ids(search(Map.of("city", city, "text", "middle eastern"), null, null))).containsExactly(sushi);
    }

    @Test
    void cuisinesAndPriceRangesFilterAndEachFacetCountsUnderTheOtherFilters() {
        List<UUID> ids = List.of(
                fixtures.aRestaurant(new Spec("A", city, 1, Cuisine.PIZZA, Cuisine.ITALIAN)),
                fixtures.aRestaurant(new Spec("B", city, 2, Cuisine.ITALIAN)),
                fixtures.aRestaurant(new Spec("C", city, 2, Cuisine.SUSHI)),
                fixtures.aRestaurant(new Spec("D", city, 4, Cuisine.FRENCH)));
        fixtures.indexed(ids);

        GraphQlTester.Response italianOrSushi = search(Map.of("city", city, "cuisines", List.of("SUSHI", "ITALIAN")),
                null, null);
        assertThat(ids(italianOrSushi)).containsExactlyInAnyOrder(ids.get(0), ids.get(1), ids.get(2));
        assertThat(italianOrSushi.path("searchRestaurants.totalCount").entity(Integer.class).get()).isEqualTo(3);
        assertThat(facet(italianOrSushi, "cuisines", "cuisine")).as("counted without the cuisines filter")
                .containsExactlyInAnyOrderEntriesOf(Map.of("PIZZA", 1, "ITALIAN", 2, "SUSHI", 1, "FRENCH", 1));
        assertThat(facet(italianOrSushi, "priceRanges", "priceRange")).as("counted under the cuisines filter")
                .containsExactlyInAnyOrderEntriesOf(Map.of(1, 1, 2, 2));

        GraphQlTester.Response cheap = search(Map.of("city", city, "minPriceRange", 2, "maxPriceRange", 3), null, null);
        assertThat(ids(cheap)).containsExactlyInAnyOrder(ids.get(1), ids.get(2));
        assertThat(facet(cheap, "priceRanges", "priceRange")).as("counted without the price range filter")
                .containsExactlyInAnyOrderEntriesOf(Map.of(1, 1, 2, 2, 4, 1));
        assertThat(facet(cheap, "cuisines", "cuisine")).containsExactlyInAnyOrderEntriesOf(Map.of("ITALIAN", 1, "SUSHI", 1));

        assertThat(ids(search(Map.of("city", city, "minRating", 1.0), null, null)))
                .as("none of them is rated").isEmpty();
    }

    @Test
    void priceRangeSortPutsTheCheapestFirstAndNearAPointTheNearestFirstWithItsDistance() {
        UUID fine = fixtures.aRestaurant(new Spec("Fine", city, 4, 38.5700, -7.9100, List.of(Cuisine.FRENCH)));
        UUID cheap = fixtures.aRestaurant(new Spec("Cheap", city, 1, 38.6100, -7.9100, List.of(Cuisine.PIZZA)));
        UUID far = fixtures.aRestaurant(new Spec("Far", city, 2, 39.5700, -7.9100, List.of(Cuisine.PIZZA)));
        fixtures.indexed(List.of(fine, cheap, far));

        assertThat(ids(search(Map.of("city", city, "sort", "PRICE_RANGE"), null, null))).containsExactly(cheap, far, fine);

        GraphQlTester.Response near = search(Map.of("near", Map.of("lat", 38.57, "lon", -7.91), "radiusKm", 10.0,
                "sort", "DISTANCE", "text", city), null, null);
        assertThat(ids(near)).containsExactly(fine, cheap);
        List<Double> distances = near.path("searchRestaurants.edges[*].distanceKm").entityList(Double.class).get();
        assertThat(distances.get(0)).isEqualTo(0.0);
        assertThat(distances.get(1)).isBetween(4.3, 4.6); // 0.04 degrees of latitude
        assertThat(near.path("searchRestaurants.edges[*].slots").entityList(Object.class).get())
                .as("undated: no slots").containsOnlyNulls();
    }

    @Test
    void ratingsSortAndFilterAndARestaurantRatedEventBringsANewRatingIntoTheIndex() {
        UUID unrated = fixtures.aRestaurant(new Spec("Unrated", city, 2, Cuisine.GREEK));
        UUID good = fixtures.aRestaurant(new Spec("Good", city, 2, Cuisine.GREEK));
        UUID best = fixtures.aRestaurant(new Spec("Best", city, 2, Cuisine.GREEK));
        rate(good, "7.50", 4);
        rate(best, "9.20", 12);
        fixtures.indexed(List.of(unrated, good, best));

        assertThat(ids(search(Map.of("city", city, "sort", "RATING"), null, null))).containsExactly(best, good, unrated);
        assertThat(ids(search(Map.of("city", city, "minRating", 8.0), null, null))).containsExactly(best);

        // what restaurant reviews do: the table, then restaurant-rated on catalog.restaurant
        rate(unrated, "9.90", 3);
        RestaurantSearchFixtures.publish(RestaurantFeedIndexer.TOPIC, unrated.toString(), RestaurantSearchFixtures
                .envelope("restaurant-rated", "{\"restaurantId\":\"" + unrated + "\",\"average\":9.9,\"count\":3}"));
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            GraphQlTester.Response rated = search(Map.of("city", city, "sort", "RATING"), null, null);
            assertThat(ids(rated)).containsExactly(unrated, best, good);
            assertThat(rated.path("searchRestaurants.edges[0].rating").entity(Double.class).get()).isEqualTo(9.9);
            assertThat(rated.path("searchRestaurants.edges[0].reviewCount").entity(Integer.class).get()).isEqualTo(3);
        });
    }

    @Test
    void pagesFollowOneAnotherWithoutDuplicatesOrGapsWhileRestaurantsArriveAndLeave() {
        List<UUID> all = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            all.add(fixtures.aRestaurant(new Spec("Restaurant " + i, city, 1 + i / 2, Cuisine.CAFE)));
        }
        fixtures.indexed(all);
        Map<String, Object> input = Map.of("city", city, "sort", "PRICE_RANGE");
        List<UUID> expected = search(input, 50, null).path("searchRestaurants.edges[*].node.id")
                .entityList(String.class).get().stream().map(UUID::fromString).collect(ArrayList::new, List::add, List::addAll);

        List<UUID> seen = new ArrayList<>();
        GraphQlTester.Response page = search(input, 3, null);
        seen.addAll(ids(page));
        // between pages, one cheaper than any seen arrives (before the cursor: not read) and one not yet seen leaves
        UUID latecomer = fixtures.aRestaurant(new Spec("Latecomer", city, 1, Cuisine.CAFE));
        UUID leaving = expected.getLast();
        fixtures.unpublish(leaving);
        fixtures.indexed(List.of(latecomer, leaving));
        while (page.path("searchRestaurants.pageInfo.hasNextPage").entity(Boolean.class).get()) {
            page = search(input, 3, page.path("searchRestaurants.pageInfo.endCursor").entity(String.class).get());
            seen.addAll(ids(page));
        }

        expected.remove(leaving);
        assertThat(seen).doesNotHaveDuplicates().containsExactlyElementsOf(expected).doesNotContain(latecomer);
    }

    @Test
    void aRestaurantUnpublishedLeavesTheResultsThroughTheFeedAndAPoisonRecordIsDeadLettered() {
        UUID leaving = fixtures.aRestaurant(new Spec("Leaving", city, 2, Cuisine.GREEK));
        UUID arriving = fixtures.aRestaurant(new Spec("Arriving", city, 2, Cuisine.GREEK));
        fixtures.indexed(List.of(leaving));
        assertThat(ids(search(Map.of("city", city), null, null))).containsExactly(leaving);

        fixtures.unpublish(leaving);
        // one key, so one partition: the event behind the poison is read only if the poison is got out of the way
        RestaurantSearchFixtures.publish(RestaurantFeedIndexer.TOPIC, leaving.toString(), "not an event");
        RestaurantSearchFixtures.publish(RestaurantFeedIndexer.TOPIC, leaving.toString(),
                RestaurantSearchFixtures.envelope("restaurant-changed", "{\"restaurantId\":\"" + leaving + "\"}"));
        RestaurantSearchFixtures.publish(RestaurantFeedIndexer.TOPIC, "not-a-restaurant-id",
                RestaurantSearchFixtures.envelope("restaurant-changed", "{}"));
        RestaurantSearchFixtures.publish(RestaurantFeedIndexer.TOPIC, arriving.toString(),
                RestaurantSearchFixtures.envelope("restaurant-changed", "{\"restaurantId\":\"" + arriving + "\"}"));

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                assertThat(ids(search(Map.of("city", city), null, null))).containsExactly(arriving));
        assertThat(DEAD_LETTERS.withKey(leaving)).extracting(DeadLetters.Letter::value).containsExactly("not an event");
    }

    @Test
    void suggestionsFindCitiesOnceAndBothHotelsAndRestaurantsWithoutAccents() {
        String suffix = city.substring(city.lastIndexOf(' ') + 1);
        UUID restaurant = fixtures.aRestaurant(new Spec("Adega Árvore " + suffix, city, 2, Cuisine.PORTUGUESE));
        fixtures.indexed(List.of(restaurant));
        UUID hotel = UUID.randomUUID();
        db.insertInto(PROPERTY).set(new PropertyRecord().setId(hotel).setOwnerId(UUID.randomUUID())
                .setStatus(PropertyStatus.PUBLISHED).setName("Pousada Árvore " + suffix).setDescription("Rooms by the square")
                .setStars(4).setStreet("Rua 1").setCity(city).setCountry("PT").setLat(38.57).setLon(-7.91)
                .setTimeZone("Europe/Lisbon").setCurrency("EUR")).execute();
        RestaurantSearchFixtures.publish(CatalogEvents.TOPIC, hotel.toString(),
                RestaurantSearchFixtures.envelope("property-changed", "{\"propertyId\":\"" + hotel + "\"}"));
        String typed = city.replace("Évora Ção", "evora cao").substring(0, 13);

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(suggest("arvore " + suffix.toLowerCase())
                .path("suggestDestinations[?(@.kind == 'HOTEL')].hotel.id").entityList(String.class).get())
                .contains(hotel.toString()));
        assertThat(suggest(typed).path("suggestDestinations[?(@.kind == 'CITY')].name").entityList(String.class).get())
                .as("the city once, though hotels and restaurants name it").containsOnlyOnce(city);
        GraphQlTester.Response byName = suggest("arvore " + suffix.toLowerCase());
        assertThat(byName.path("suggestDestinations[?(@.kind == 'RESTAURANT')].restaurant.id")
                .entityList(String.class).get()).contains(restaurant.toString());
        assertThat(byName.path("suggestDestinations[?(@.kind == 'RESTAURANT')].city").entityList(String.class).get())
                .contains(city);
        assertThat(suggest("ADEGA ARV " + suffix.substring(0, 2)).path("suggestDestinations[*].restaurant.name")
                .entityList(String.class).get()).contains("Adega Árvore " + suffix);
    }

    @Test
    void absurdInputIsRefusedWithItsReason() {
        refused(Map.of("near", Map.of("lat", 38.5, "lon", -7.9), "radiusKm", 40_000.0), 20, null, "radiusKm", "OUT_OF_RANGE");
        refused(Map.of("near", Map.of("lat", 138.5, "lon", -7.9), "radiusKm", 4.0), 20, null, "near", "OUT_OF_RANGE");
        refused(Map.of("city", city), 1_000_000_000, null, "first", "OUT_OF_RANGE");
        refused(Map.of("city", city), 0, null, "first", "OUT_OF_RANGE");
        refused(Map.of("city", city), 20, "eyJmIjoiMDAwMCIsInMiOlsxLDJdfQ", "after", "INVALID_CURSOR");
        refused(Map.of("city", city), 20, "%2e%2e%2f%00", "after", "INVALID_CURSOR");
        refused(Map.of("text", "x".repeat(10_000)), 20, null, "text", "TOO_LONG");
        refused(Map.of("city", "Évora\u0000"), 20, null, "city", "INVALID_CHARACTERS");
        refused(Map.of("city", city, "near", Map.of("lat", 38.5, "lon", -7.9), "radiusKm", 5.0), 20, null, "city",
                "CITY_AND_POINT");
        refused(Map.of("radiusKm", 5.0), 20, null, "radiusKm", "RADIUS_WITHOUT_POINT");
        refused(Map.of("near", Map.of("lat", 38.5, "lon", -7.9)), 20, null, "radiusKm", "POINT_WITHOUT_RADIUS");
        refused(Map.of("city", city, "minPriceRange", 3, "maxPriceRange", 2), 20, null, "maxPriceRange",
                "PRICE_RANGE_REVERSED");
        refused(Map.of("city", city, "maxPriceRange", 5), 20, null, "maxPriceRange", "OUT_OF_RANGE");
        refused(Map.of("city", city, "minRating", 11.0), 20, null, "minRating", "OUT_OF_RANGE");
        refused(Map.of("city", city, "sort", "DISTANCE"), 20, null, "sort", "DISTANCE_WITHOUT_POINT");
        refused(Map.of("city", city, "date", "2027-03-10"), 20, null, "time", "VISIT_INCOMPLETE");
        refused(Map.of("city", city, "date", "2020-03-10", "time", "20:00", "partySize", 2), 20, null, "date",
                "DATE_IN_PAST");
        refused(Map.of("city", city, "date", java.time.LocalDate.now().plusDays(400).toString(), "time", "20:00",
                "partySize", 2), 20, null, "date", "DATE_TOO_FAR");
        refused(Map.of("city", city, "date", java.time.LocalDate.now().plusDays(3).toString(), "time", "25:61",
                "partySize", 2), 20, null, "time", "INVALID_TIME");
        refused(Map.of("city", city, "date", java.time.LocalDate.now().plusDays(3).toString(), "time", "8pm",
                "partySize", 2), 20, null, "time", "INVALID_TIME");
        refused(Map.of("city", city, "date", java.time.LocalDate.now().plusDays(3).toString(), "time", "20:00",
                "partySize", 5_000), 20, null, "partySize", "OUT_OF_RANGE");
    }

    @Test
    void aCursorOfAnotherSearchIsRefused() {
        fixtures.indexed(List.of(fixtures.aRestaurant(new Spec("One", city, 2, Cuisine.CAFE)),
                fixtures.aRestaurant(new Spec("Two", city, 2, Cuisine.CAFE))));
        String cursor = search(Map.of("city", city), 1, null).path("searchRestaurants.pageInfo.endCursor")
                .entity(String.class).get();

        refused(Map.of("city", city, "cuisines", List.of("CAFE")), 1, cursor, "after", "INVALID_CURSOR");
    }

    private void rate(UUID restaurant, String average, int count) {
        db.insertInto(RESTAURANT_RATING).set(RESTAURANT_RATING.RESTAURANT_ID, restaurant)
                .set(RESTAURANT_RATING.AVERAGE, new BigDecimal(average)).set(RESTAURANT_RATING.REVIEW_COUNT, count)
                .onConflict(RESTAURANT_RATING.RESTAURANT_ID).doUpdate()
                .set(RESTAURANT_RATING.AVERAGE, new BigDecimal(average)).set(RESTAURANT_RATING.REVIEW_COUNT, count)
                .execute();
    }

    private GraphQlTester.Response suggest(String prefix) {
        return graphQl.document("query ($p: String!) { suggestDestinations(prefix: $p) { kind name city "
                + "hotel { id } restaurant { id name } } }").variable("p", prefix).execute();
    }

    private GraphQlTester.Response search(Map<String, Object> input, Integer first, String after) {
        return graphQl.document(PAGE).variable("input", input).variable("first", first).variable("after", after)
                .execute();
    }

    private void refused(Map<String, Object> input, int first, String after, String field, String reason) {
        SearchResponses.refused(search(input, first, after), field, reason);
    }

    static List<UUID> ids(GraphQlTester.Response response) {
        return response.path("searchRestaurants.edges[*].node.id").entityList(String.class).get().stream()
                .map(UUID::fromString).toList();
    }

    private static <K> Map<K, Integer> facet(GraphQlTester.Response response, String facet, String key) {
        return SearchResponses.counts(response, "searchRestaurants.facets." + facet, key);
    }
}
