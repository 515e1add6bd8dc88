package dev.stay.catalog.search;

import static dev.stay.catalog.db.Tables.PROPERTY;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.stay.catalog.search.SearchFixtures.Spec;
import dev.stay.common.test.SignedIn;
import dev.stay.common.test.SubgraphTest;
import dev.stay.devstack.engines.Engines;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jooq.DSLContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.graphql.test.tester.WebGraphQlTester;

/** Result pages in the real Redis: served while current, outdated by a change of a hotel they can hold, never required. */
@SubgraphTest
class SearchCacheIT {

    static final String NAMES = """
            query ($input: HotelSearchInput!) { searchHotels(input: $input) { totalCount edges { node { name } } } }""";

    @Autowired WebGraphQlTester graphQl;
    @Autowired DSLContext db;
    @Autowired PropertyIndexer indexer;
    @Autowired PropertyIndex index;
    @Autowired PropertyDocuments documents;
    @Autowired SearchCache cache;
    SearchFixtures fixtures;
    String city;

    @BeforeEach
    void setUp() {
        fixtures = new SearchFixtures(db, indexer);
        city = SearchFixtures.aCity();
    }

    @AfterEach
    void restoreRedis() {
        SignedIn.nobody();
        Engines.shared().redis().start();
        cache.breaker().transitionToClosedState();
    }

    @Test
    void aPageIsServedFromRedisUntilAChangeOfOneOfItsHotelsIsIndexed() {
        UUID first = fixtures.aHotel(new Spec("First", city, 3, null, 0, 0.3, 6.7));
        fixtures.indexed(List.of(first));
        assertThat(total(city)).isEqualTo(1);

        // a second hotel reaches the index behind the cache's back (no generation bumped): the cached page stays
        UUID second = fixtures.aHotel(new Spec("Second", city, 3, null, 0, 0.3, 6.7));
        index.write(documents.published(List.of(second)), List.of(), System.currentTimeMillis(), true);
        assertThat(total(city)).as("served from Redis").isEqualTo(1);

        // indexed the way every change is: the pages of its city are outdated
        indexer.refresh(List.of(second));
        assertThat(total(city)).isEqualTo(2);
    }

    @Test
    void anOwnersRenameReachesCachedSearchesThroughTheFeedWithinSeconds() {
        UUID id = fixtures.aHotel(new Spec("Before", city, 3, null, 0, 0.3, 6.7));
        fixtures.indexed(List.of(id));
        assertThat(names(city)).containsExactly("Before"); // cached now
        UUID owner = db.fetchValue(PROPERTY.OWNER_ID, PROPERTY.ID.eq(id));

        SignedIn.as(owner, "owner");
        long committed = System.nanoTime();
        graphQl.document("mutation { updateHotel(id: \"" + id + "\", version: 1, input: {name: \"After\"}) "
                + "{ errors { code } } }").execute().path("updateHotel.errors").entityList(Object.class).hasSize(0);
        SignedIn.nobody();

        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(50))
                .untilAsserted(() -> assertThat(searchedNames(Map.of("city", city, "text", "after"))).containsExactly("After"));
        System.out.printf("search staleness after a change: %d ms from commit to the first search that shows it%n",
                (System.nanoTime() - committed) / 1_000_000);
    }

    @Test
    void withRedisStoppedSearchStillAnswersFromOpenSearch() {
        UUID id = fixtures.aHotel(new Spec("Still Here", city, 3, null, 0, 0.3, 6.7));
        fixtures.indexed(List.of(id));
        assertThat(names(city)).containsExactly("Still Here");

        Engines.shared().redis().stop();

        assertThat(cache.lookup("any", List.of(SearchAreas.ALL), SearchPage.class).generations()).as("Redis is gone").isNull();
        assertThat(names(city)).containsExactly("Still Here");
        UUID another = fixtures.aHotel(new Spec("Newcomer", city, 3, null, 0, 0.3, 6.7));
        fixtures.indexed(List.of(another)); // its outdating is lost with Redis; the search asks OpenSearch anyway
        assertThat(names(city)).containsExactlyInAnyOrder("Still Here", "Newcomer");
    }

    private List<String> names(String city) {
        return searchedNames(Map.of("city", city));
    }

    private List<String> searchedNames(Map<String, Object> input) {
        return graphQl.document(NAMES).variable("input", input).execute()
                .path("searchHotels.edges[*].node.name").entityList(String.class).get();
    }

    private int total(String city) {
        return graphQl.document(NAMES).variable("input", Map.of("city", city)).execute()
                .path("searchHotels.totalCount").entity(Integer.class).get();
    }
}
