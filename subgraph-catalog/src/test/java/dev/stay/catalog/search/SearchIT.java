package dev.stay.catalog.search;

import static dev.stay.catalog.db.Tables.PROPERTY;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.stay.catalog.db.enums.Amenity;
import dev.stay.catalog.search.SearchFixtures.Spec;
import dev.stay.common.test.SignedIn;
import dev.stay.common.test.SubgraphTest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jooq.DSLContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.graphql.test.tester.GraphQlTester;
import org.springframework.graphql.test.tester.WebGraphQlTester;

/** searchHotels against the real OpenSearch: each filter, sort, facet and page boundary, and what is refused. */
@SubgraphTest
class SearchIT {

    static final String PAGE = """
            query ($input: HotelSearchInput!, $first: Int, $after: String) {
              searchHotels(input: $input, first: $first, after: $after) {
                totalCount
                edges { cursor distanceKm rating reviewCount node { id name stars } }
                pageInfo { hasNextPage endCursor }
                facets { stars { stars count } amenities { amenity count } ratingBands { minRating count }
                         priceHistogram { from to count } }
              }
            }""";

    @Autowired WebGraphQlTester graphQl;
    @Autowired DSLContext db;
    @Autowired PropertyIndexer indexer;
    SearchFixtures fixtures;
    String city;

    @BeforeEach
    void setUp() {
        fixtures = new SearchFixtures(db, indexer);
        city = SearchFixtures.aCity();
    }

    @AfterEach
    void signOut() {
        SignedIn.nobody();
    }

    @Test
    void aCityIsFoundWithoutItsAccentsAndTextMatchesNamesAccentInsensitively() {
        UUID palace = fixtures.aHotel(new Spec("Palácio do Príncipe", city, 5, 9.2, 120, 0.34, 6.73, Amenity.POOL));
        UUID inn = fixtures.aHotel(new Spec("Harbour Inn", city, 3, 7.8, 12, 0.35, 6.72, Amenity.WIFI));
        fixtures.indexed(List.of(palace, inn));

        assertThat(ids(search(Map.of("city", city.replace("São Tomé", "sao tome")), null, null)))
                .containsExactlyInAnyOrder(palace, inn);
        assertThat(ids(search(Map.of("city", city, "text", "palacio principe"), null, null))).containsExactly(palace);
    }

    @Test
    void starsRatingAndAmenitiesFilterAndEachFacetCountsUnderTheOtherFilters() {
        List<UUID> ids = List.of(
                fixtures.aHotel(new Spec("A", city, 5, 9.4, 50, 0.3, 6.7, Amenity.POOL, Amenity.WIFI)),
                fixtures.aHotel(new Spec("B", city, 4, 8.4, 10, 0.3, 6.7, Amenity.POOL)),
                fixtures.aHotel(new Spec("C", city, 4, 6.4, 10, 0.3, 6.7, Amenity.WIFI)),
                fixtures.aHotel(new Spec("D", city, 3, null, 0, 0.3, 6.7)));
        fixtures.indexed(ids);

        GraphQlTester.Response stars4 = search(Map.of("city", city, "stars", List.of(4)), null, null);
        assertThat(ids(stars4)).containsExactlyInAnyOrder(ids.get(1), ids.get(2));
        assertThat(stars4.path("searchHotels.totalCount").entity(Integer.class).get()).isEqualTo(2);
        // the stars facet ignores the stars filter: every hotel of the city counted by its stars
        assertThat(facet(stars4, "stars", "stars")).containsExactlyInAnyOrderEntriesOf(Map.of(3, 1, 4, 2, 5, 1));
        // the amenities facet counts under stars = 4
        assertThat(facet(stars4, "amenities", "amenity")).containsExactlyInAnyOrderEntriesOf(Map.of("POOL", 1, "WIFI", 1));

        GraphQlTester.Response both = search(Map.of("city", city, "amenities", List.of("POOL", "WIFI")), null, null);
        assertThat(ids(both)).containsExactly(ids.getFirst());
        assertThat(facet(both, "amenities", "amenity")).as("counted without the amenities filter")
                .containsExactlyInAnyOrderEntriesOf(Map.of("POOL", 2, "WIFI", 2));

        GraphQlTester.Response rated = search(Map.of("city", city, "minRating", 8.0), null, null);
        assertThat(ids(rated)).containsExactlyInAnyOrder(ids.get(0), ids.get(1));
        assertThat(facet(rated, "ratingBands", "minRating")).as("bands counted without minRating")
                .containsExactlyInAnyOrderEntriesOf(Map.of(6.0, 3, 7.0, 2, 8.0, 2, 9.0, 1));
    }

    @Test
    void ratingSortPutsTheBestFirstAndTheUnratedLast() {
        UUID unrated = fixtures.aHotel(new Spec("Unrated", city, 3, null, 0, 0.3, 6.7));
        UUID good = fixtures.aHotel(new Spec("Good", city, 3, 8.2, 5, 0.3, 6.7));
        UUID best = fixtures.aHotel(new Spec("Best", city, 3, 9.8, 5, 0.3, 6.7));
        fixtures.indexed(List.of(unrated, good, best));

        assertThat(ids(search(Map.of("city", city, "sort", "RATING"), null, null))).containsExactly(best, good, unrated);
    }

    @Test
    void nearAPointOnlyHotelsWithinTheRadiusNearestFirstEachWithItsDistance() {
        UUID near = fixtures.aHotel(new Spec("Near", city, 3, null, 0, 0.3400, 6.7300));
        UUID further = fixtures.aHotel(new Spec("Further", city, 3, null, 0, 0.3800, 6.7300));
        UUID far = fixtures.aHotel(new Spec("Far", city, 3, null, 0, 1.3400, 6.7300));
        fixtures.indexed(List.of(near, further, far));

        Map<String, Object> input = Map.of("near", Map.of("lat", 0.3400, "lon", 6.7300), "radiusKm", 10.0,
                "sort", "DISTANCE", "text", city);
        GraphQlTester.Response response = search(input, null, null);

        assertThat(ids(response)).containsExactly(near, further);
        List<Double> distances = response.path("searchHotels.edges[*].distanceKm").entityList(Double.class).get();
        assertThat(distances.get(0)).isEqualTo(0.0);
        assertThat(distances.get(1)).isBetween(4.3, 4.6); // 0.04 degrees of latitude
    }

    @Test
    void pagesFollowOneAnotherWithoutDuplicatesOrGapsWhileHotelsAreAdded() {
        List<UUID> all = new ArrayList<>();
        for (int i = 0; i < 7; i++) {
            all.add(fixtures.aHotel(new Spec("Hotel " + i, city, 3, 6.0 + i * 0.4, i, 0.3, 6.7)));
        }
        fixtures.indexed(all);
        Map<String, Object> input = Map.of("city", city, "sort", "RATING");

        List<UUID> seen = new ArrayList<>();
        GraphQlTester.Response page = search(input, 3, null);
        seen.addAll(ids(page));
        // a hotel better than any seen arrives between pages: it belongs before the cursor, so it is not read again
        UUID latecomer = fixtures.aHotel(new Spec("Latecomer", city, 3, 10.0, 1, 0.3, 6.7));
        fixtures.indexed(List.of(latecomer));
        while (page.path("searchHotels.pageInfo.hasNextPage").entity(Boolean.class).get()) {
            page = search(input, 3, page.path("searchHotels.pageInfo.endCursor").entity(String.class).get());
            seen.addAll(ids(page));
        }

        assertThat(seen).doesNotHaveDuplicates().containsExactlyElementsOf(all.reversed());
    }

    @Test
    void aHotelUnpublishedByItsOwnerLeavesTheResultsThroughTheCatalogFeed() {
        UUID id = fixtures.aHotel(new Spec("Leaving", city, 3, null, 0, 0.3, 6.7));
        fixtures.indexed(List.of(id));
        assertThat(ids(search(Map.of("city", city), null, null))).containsExactly(id);
        UUID owner = db.fetchValue(PROPERTY.OWNER_ID, PROPERTY.ID.eq(id));

        SignedIn.as(owner, "owner");
        graphQl.document("mutation { unpublishHotel(id: \"" + id + "\", version: 1) { errors { code } } }").execute()
                .path("unpublishHotel.errors").entityList(Object.class).hasSize(0);
        SignedIn.nobody();

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                assertThat(ids(search(Map.of("city", city), null, null))).isEmpty());
    }

    @Test
    void absurdInputIsRefusedWithItsReason() {
        refused(Map.of("near", Map.of("lat", 0.3, "lon", 6.7), "radiusKm", 40_000.0), 20, null, "radiusKm", "OUT_OF_RANGE");
        refused(Map.of("city", city), 1_000_000_000, null, "first", "OUT_OF_RANGE");
        refused(Map.of("city", city), 0, null, "first", "OUT_OF_RANGE");
        refused(Map.of("city", city), 20, "eyJmIjoiMDAwMCIsInMiOlsxLDJdfQ", "after", "INVALID_CURSOR");
        refused(Map.of("city", city), 20, "not a cursor %%", "after", "INVALID_CURSOR");
        refused(Map.of("text", "x".repeat(10_000)), 20, null, "text", "TOO_LONG");
        refused(Map.of("text", "hotel\u0000"), 20, null, "text", "INVALID_CHARACTERS");
        refused(Map.of("city", city, "near", Map.of("lat", 0.3, "lon", 6.7), "radiusKm", 5.0), 20, null, "city",
                "CITY_AND_POINT");
        refused(Map.of("city", city, "minPrice", 200.0, "maxPrice", 100.0), 20, null, "maxPrice", "PRICE_RANGE_REVERSED");
        refused(Map.of("city", city, "sort", "DISTANCE"), 20, null, "sort", "DISTANCE_WITHOUT_POINT");
        refused(Map.of("city", city, "checkIn", "2027-03-10"), 20, null, "checkOut", "DATES_INCOMPLETE");
        refused(Map.of("city", city, "checkIn", "2027-03-10", "checkOut", "2027-03-10"), 20, null, "checkOut",
                "CHECK_OUT_NOT_AFTER_CHECK_IN");
        refused(Map.of("city", city, "stars", List.of(9)), 20, null, "stars", "OUT_OF_RANGE");
    }

    @Test
    void aCursorOfAnotherSearchIsRefused() {
        List<UUID> ids = List.of(fixtures.aHotel(new Spec("One", city, 3, null, 0, 0.3, 6.7)),
                fixtures.aHotel(new Spec("Two", city, 3, null, 0, 0.3, 6.7)));
        fixtures.indexed(ids);
        String cursor = search(Map.of("city", city), 1, null).path("searchHotels.pageInfo.endCursor")
                .entity(String.class).get();

        refused(Map.of("city", city, "stars", List.of(3)), 1, cursor, "after", "INVALID_CURSOR");
    }

    @Test
    void suggestionsFindCitiesAndHotelsWithoutAccents() {
        UUID id = fixtures.aHotel(new Spec("Pousada Árvore", city, 3, null, 0, 0.3, 6.7));
        fixtures.indexed(List.of(id));

        GraphQlTester.Response response = graphQl.document(
                "query ($p: String!) { suggestDestinations(prefix: $p) { kind name city hotel { id } } }")
                .variable("p", "pousada arv").execute();
        assertThat(response.path("suggestDestinations[*].hotel.id").entityList(String.class).get()).contains(id.toString());
        // what a guest has typed so far: the last word's first letter only
        assertThat(graphQl.document("query ($p: String!) { suggestDestinations(prefix: $p) { hotel { id } } }")
                .variable("p", "pousada a").execute()
                .path("suggestDestinations[*].hotel.id").entityList(String.class).get()).contains(id.toString());
        String suffix = city.substring(city.lastIndexOf(' ') + 1);
        assertThat(graphQl.document("query ($p: String!) { suggestDestinations(prefix: $p) { kind name } }")
                .variable("p", "sao tome " + suffix.substring(0, 3)).execute()
                .path("suggestDestinations[?(@.kind == 'CITY')].name").entityList(String.class).get()).contains(city);
    }

    private GraphQlTester.Response search(Map<String, Object> input, Integer first, String after) {
        return graphQl.document(PAGE).variable("input", input).variable("first", first).variable("after", after)
                .execute();
    }

    private void refused(Map<String, Object> input, int first, String after, String field, String reason) {
        SearchResponses.refused(search(input, first, after), field, reason);
    }

    private static List<UUID> ids(GraphQlTester.Response response) {
        return response.path("searchHotels.edges[*].node.id").entityList(String.class).get().stream()
                .map(UUID::fromString).toList();
    }

    private static <K> Map<K, Integer> facet(GraphQlTester.Response response, String facet, String key) {
        return SearchResponses.counts(response, "searchHotels.facets." + facet, key);
    }
}
