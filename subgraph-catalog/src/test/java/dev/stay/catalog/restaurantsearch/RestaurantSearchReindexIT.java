package dev.stay.catalog.restaurantsearch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.stay.catalog.db.enums.Cuisine;
import dev.stay.catalog.restaurantsearch.RestaurantSearchFixtures.Spec;
import dev.stay.catalog.search.IndexRebuild;
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
import org.jooq.DSLContext;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.env.Environment;
import org.springframework.graphql.test.tester.WebGraphQlTester;
import tools.jackson.databind.json.JsonMapper;

/** {@code POST /actuator/searchindex} (what {@code ./platform reindex} calls) rebuilds the restaurants' index too. */
@SubgraphTest
class RestaurantSearchReindexIT {

    static final HttpClient HTTP = HttpClient.newHttpClient();

    @Autowired WebGraphQlTester graphQl;
    @Autowired DSLContext db;
    @Autowired RestaurantIndex index;
    @Autowired List<IndexRebuild<?>> rebuilds;
    @Autowired Environment env;

    @Test
    void theRebuildMovesTheRestaurantsAliasToANewIndexWithEveryPublishedRestaurant() throws Exception {
        String city = RestaurantSearchFixtures.aCity();
        UUID id = new RestaurantSearchFixtures(db, index).aRestaurant(new Spec("Rebuilt", city, 2, Cuisine.THAI));
        new RestaurantSearchFixtures(db, index).indexed(List.of(id));
        String before = aliased();
        int management = env.getRequiredProperty("local.management.port", Integer.class);

        HttpResponse<String> started = HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + management
                + "/actuator/searchindex")).POST(HttpRequest.BodyPublishers.noBody()).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(started.statusCode()).isEqualTo(200);
        assertThat(started.body()).contains("\"restaurants\"", "\"hotels\"");
        await().atMost(Duration.ofSeconds(90)).until(() -> rebuilds.stream()
                .noneMatch(rebuild -> rebuild.progress().state().equals("RUNNING")));

        IndexRebuild<?> restaurants = rebuilds.stream().filter(r -> r.holds().equals("restaurants")).findFirst()
                .orElseThrow();
        assertThat(restaurants.progress().state()).isEqualTo("DONE");
        assertThat(restaurants.progress().indexed()).isGreaterThanOrEqualTo(1);
        assertThat(aliased()).isNotEqualTo(before).startsWith(index.alias() + "-");
        assertThat(graphQl.document("query ($i: RestaurantSearchInput!) { searchRestaurants(input: $i) "
                        + "{ edges { node { id } } } }").variable("i", Map.of("city", city, "cuisines", List.of("THAI")))
                .execute().path("searchRestaurants.edges[*].node.id").entityList(String.class).get())
                .containsExactly(id.toString());
    }

    private String aliased() throws Exception {
        String body = HTTP.send(HttpRequest.newBuilder(URI.create(Engines.shared().openSearch().url() + "/_alias/"
                + index.alias())).build(), HttpResponse.BodyHandlers.ofString()).body();
        return String.join(",", new JsonMapper().readTree(body).propertyNames());
    }
}
