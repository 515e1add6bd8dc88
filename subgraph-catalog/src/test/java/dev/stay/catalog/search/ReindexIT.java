package dev.stay.catalog.search;

import static dev.stay.catalog.db.Tables.PROPERTY;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.stay.catalog.search.SearchFixtures.Spec;
import dev.stay.common.test.SubgraphTest;
import dev.stay.devstack.engines.Engines;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.jooq.DSLContext;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.graphql.test.tester.WebGraphQlTester;

/** A rebuild of the index while guests search: no search fails or misses, and no newer document is overwritten. */
@SubgraphTest
class ReindexIT {

    @Autowired WebGraphQlTester graphQl;
    @Autowired DSLContext db;
    @Autowired PropertyIndexer indexer;
    @Autowired PropertyIndex index;
    @Autowired PropertyDocuments documents;
    @Autowired Reindexing reindexing;
    @Autowired org.springframework.core.env.Environment env;
    SearchFixtures fixtures;
    String city;

    @BeforeEach
    void setUp() {
        fixtures = new SearchFixtures(db, indexer);
        city = SearchFixtures.aCity();
    }

    @Test
    void searchesKeepAnsweringWhileTheIndexIsRebuiltAndTheAliasMoves() throws Exception {
        UUID id = fixtures.aHotel(new Spec("Steady", city, 4, 4.0, 3, 0.3, 6.7));
        fixtures.indexed(List.of(id));
        String before = aliasedIndex();
        AtomicBoolean running = new AtomicBoolean(true);
        AtomicInteger searches = new AtomicInteger();
        List<String> misses = new CopyOnWriteArrayList<>();
        Thread guest = Thread.ofVirtual().start(() -> {
            while (running.get()) {
                // a page size of its own each time, so that OpenSearch answers rather than a cached page
                List<String> names = graphQl.document("query ($i: HotelSearchInput!, $f: Int) { searchHotels(input: $i, "
                                + "first: $f) { edges { node { name } } } }")
                        .variable("i", Map.of("city", city)).variable("f", 1 + searches.incrementAndGet() % 50)
                        .execute().path("searchHotels.edges[*].node.name").entityList(String.class).get();
                if (!names.equals(List.of("Steady"))) misses.add(names.toString());
            }
        });

        await().atMost(Duration.ofSeconds(30)).until(() -> searches.get() >= 3);
        reindexing.start();
        await().atMost(Duration.ofSeconds(60)).until(() -> !reindexing.progress().state().equals("RUNNING"));
        int atSwap = searches.get();
        await().atMost(Duration.ofSeconds(30)).until(() -> searches.get() >= atSwap + 3); // and after the swap
        running.set(false);
        guest.join();

        assertThat(reindexing.progress().state()).isEqualTo("DONE");
        assertThat(reindexing.progress().indexed()).isGreaterThanOrEqualTo(1);
        assertThat(aliasedIndex()).isNotEqualTo(before);
        assertThat(misses).isEmpty();
        assertThat(Http.status(Engines.shared().openSearch().url() + "/" + before)).as("the old index is deleted")
                .isEqualTo(404);
    }

    @Test
    void theRebuildIsStartedOnTheManagementPortOnlyAndTellsItsProgress() throws Exception {
        int management = env.getRequiredProperty("local.management.port", Integer.class);
        int api = env.getRequiredProperty("local.server.port", Integer.class);

        HttpResponse<String> started = Http.post("http://127.0.0.1:" + management + "/actuator/searchindex");
        assertThat(started.statusCode()).isEqualTo(200);
        assertThat(started.body()).contains("\"state\"", "\"documentsPerSecond\"");
        await().atMost(Duration.ofSeconds(60)).until(() -> !reindexing.progress().state().equals("RUNNING"));
        assertThat(Http.get("http://127.0.0.1:" + management + "/actuator/searchindex").body()).contains("\"DONE\"");

        assertThat(Http.post("http://127.0.0.1:" + api + "/actuator/searchindex").statusCode())
                .as("not on the API port").isIn(401, 403, 404);
        assertThat(Http.post("http://127.0.0.1:" + management + "/actuator/%73earchindex").statusCode())
                .as("nor spelt another way").isNotEqualTo(200);
    }

    @Test
    void anOlderReadNeverReplacesANewerOne() {
        UUID id = fixtures.aHotel(new Spec("Newer", city, 4, null, 0, 0.3, 6.7));
        IndexedProperty newer = documents.published(List.of(id)).getFirst();
        db.update(PROPERTY).set(PROPERTY.NAME, "Older").where(PROPERTY.ID.eq(id)).execute();
        IndexedProperty olderRead = documents.published(List.of(id)).getFirst();
        IndexedProperty older = new IndexedProperty(olderRead.id(), olderRead.name(), olderRead.description(),
                olderRead.city(), olderRead.country(), olderRead.location(), olderRead.amenities(), olderRead.stars(),
                olderRead.rating(), olderRead.reviewCount(), olderRead.lowestPrice(), olderRead.currency(),
                newer.readAt() - 1000);

        index.write(List.of(newer), List.of(), newer.readAt(), true);
        index.write(List.of(older), List.of(), older.readAt(), true); // a re-index page read a second earlier

        assertThat(index.current(List.of(id)).get(id).name()).isEqualTo("Newer");
    }

    private String aliasedIndex() {
        return String.join(",", Http.aliases(Engines.shared().openSearch().url(), index.alias()));
    }

    static final class Http {
        static final HttpClient client = HttpClient.newHttpClient();

        static HttpResponse<String> post(String url) throws Exception {
            return client.send(HttpRequest.newBuilder(URI.create(url)).POST(HttpRequest.BodyPublishers.noBody()).build(),
                    HttpResponse.BodyHandlers.ofString());
        }

        static HttpResponse<String> get(String url) throws Exception {
            return client.send(HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.ofString());
        }

        static int status(String url) throws Exception {
            return client.send(HttpRequest.newBuilder(URI.create(url)).method("HEAD", HttpRequest.BodyPublishers.noBody())
                    .build(), HttpResponse.BodyHandlers.discarding()).statusCode();
        }

        static List<String> aliases(String url, String alias) {
            try {
                String body = client.send(HttpRequest.newBuilder(URI.create(url + "/_alias/" + alias)).build(),
                        HttpResponse.BodyHandlers.ofString()).body();
                return new tools.jackson.databind.json.JsonMapper().readTree(body).propertyNames().stream().sorted()
                        .toList();
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }
    }
}
