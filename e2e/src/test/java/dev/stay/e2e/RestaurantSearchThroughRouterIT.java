package dev.stay.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.stay.devstack.engines.DemoAccounts;
import dev.stay.e2e.Restaurants.Restaurant;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import tools.jackson.databind.JsonNode;

/**
 * Finding a restaurant through the router: a dated search (city, date, time, party size) lists it with its free
 * start times near the time asked for, and stops listing it once every table at that time is taken; suggestions
 * name it as it is typed; partners search through their persisted document.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RestaurantSearchThroughRouterIT {

    static final String SEARCH = """
            query ($input: RestaurantSearchInput!) {
              searchRestaurants(input: $input, first: 20) { totalCount edges { node { id name } slots } }
            }""";
    static final String SUGGEST = """
            query ($prefix: String!) { suggestDestinations(prefix: $prefix) { kind name city restaurant { id name } } }""";
    static final LocalTime SEVEN_PM = LocalTime.of(19, 0);

    final Restaurants restaurants = new Restaurants();
    Restaurant restaurant;
    LocalDate date;

    @BeforeAll
    void aRestaurantWithTwoTables() {
        restaurant = restaurants.aPublishedRestaurantOpenNow("Adega", 2);
        date = restaurant.today().plusDays(10);
    }

    @Test
    void aDatedSearchOffersTheSlotUntilEveryTableAtThatTimeIsTaken() {
        Map<String, Object> visit = visit();
        await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofSeconds(1)).untilAsserted(() ->
                assertThat(slots(edge(search(visit)))).as("listed, with 19:00").contains("19:00"));

        for (String name : new String[] {"Tomás", "Teresa"}) {
            JsonNode slot = Restaurants.slotAt(restaurant, date, 2, SEVEN_PM);
            JsonNode answer = Restaurants.reserve(restaurants.aNewGuest(name),
                    Restaurants.reservation(restaurant, date, slot, 2), UUID.randomUUID().toString());
            assertThat(answer.path("__typename").asString()).as(answer.toString()).isEqualTo("ReservationConfirmed");
        }
        JsonNode third = Restaurants.reserve(restaurants.aNewGuest("Tiago"), Restaurants.reservation(restaurant, date,
                availabilityShape(), 2), UUID.randomUUID().toString());
        assertThat(third.path("__typename").asString()).as("both tables taken: %s", third).isEqualTo("SlotTaken");

        // the catalog learns of the reservations by booking's events; a page cached before lives 60 s at most
        await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofSeconds(2)).untilAsserted(() ->
                assertThat(slots(edge(search(visit)))).as("no table free within 30 minutes of 19:00").isNull());
        Map<String, Object> undated = Map.of("city", restaurant.city());
        assertThat(edge(search(undated)) != null).as("still found without a visit").isTrue();
        Map<String, Object> lunch = new LinkedHashMap<>(visit);
        lunch.put("time", "13:00");
        assertThat(slots(edge(search(lunch)))).as("and with a table at another time").contains("13:00");
    }

    @Test
    void suggestionsNameTheRestaurantAsItIsTyped() {
        String prefix = restaurant.name().substring(0, restaurant.name().length() - 2).toLowerCase();

        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofSeconds(1)).untilAsserted(() -> {
            var response = Stay.client().send(SUGGEST, Map.of("prefix", prefix));
            JsonNode found = null;
            for (JsonNode suggestion : response.data().path("suggestDestinations")) {
                if (suggestion.path("restaurant").path("id").asString().equals(restaurant.id())) found = suggestion;
            }
            assertThat(found).as(response.body().toString()).isNotNull();
            assertThat(found.path("kind").asString()).isEqualTo("RESTAURANT");
            assertThat(found.path("city").asString()).isEqualTo(restaurant.city());
        });
    }

    @Test
    void aPartnerSearchesThroughItsPersistedDocumentAndNothingElse() throws Exception {
        StayClient partner = Stay.client().withToken(Stay.platform().engines().keycloak()
                .clientCredentialsToken(DemoAccounts.PARTNER.clientId(), DemoAccounts.PARTNER.secret()));
        Map<String, Object> input = new LinkedHashMap<>(visit());
        input.put("time", "12:00");

        await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofSeconds(1)).untilAsserted(() -> {
            var found = partner.sendDocument(Restaurants.documentId("SearchRestaurants"), Map.of("input", input));
            assertThat(found.body().path("errors").isMissingNode()).as(found.body().toString()).isTrue();
            assertThat(edge(found.data()) != null).as(found.body().toString()).isTrue();
        });
        assertThat(partner.send(SEARCH, Map.of("input", input)).errorCode()).isEqualTo("PERSISTED_QUERY_ONLY");
        assertThat(partner.sendDocument("sha256:" + "f".repeat(64), Map.of("input", input)).errorCode())
                .isEqualTo("PERSISTED_QUERY_NOT_FOUND");
    }

    private Map<String, Object> visit() {
        return Map.of("city", restaurant.city(), "date", date.toString(), "time", "19:00", "partySize", 2);
    }

    private JsonNode search(Map<String, Object> input) {
        var response = Stay.client().send(SEARCH, Map.of("input", input));
        assertThat(response.body().path("errors").isMissingNode()).as(response.body().toString()).isTrue();
        return response.data();
    }

    /** The restaurant's edge in a searchRestaurants answer, or null when it is not listed. */
    private JsonNode edge(JsonNode data) {
        for (JsonNode edge : data.path("searchRestaurants").path("edges")) {
            if (edge.path("node").path("id").asString().equals(restaurant.id())) return edge;
        }
        return null;
    }

    /** The start times an edge lists; null when the restaurant is not listed at all. */
    private static List<String> slots(JsonNode edge) {
        if (edge == null) return null;
        List<String> times = new ArrayList<>();
        edge.path("slots").forEach(slot -> times.add(slot.asString()));
        return times;
    }

    /** 19:00 as a client last saw it offered, with its deposit: what a late guest sends. */
    private JsonNode availabilityShape() {
        return tools.jackson.databind.json.JsonMapper.builder().build().valueToTree(Map.of("time", "19:00",
                "deposit", Map.of("amount", "20.00", "currency", Restaurants.CURRENCY)));
    }
}
