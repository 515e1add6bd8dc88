package dev.stay.catalog.events;

import static dev.stay.catalog.db.Tables.OUTBOX;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.stay.common.outbox.EventEnvelope;
import dev.stay.common.test.SignedIn;
import dev.stay.common.test.SubgraphTest;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.jooq.DSLContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.graphql.test.tester.WebGraphQlTester;
import tools.jackson.databind.json.JsonMapper;

/**
 * Every change of a restaurant, its tables included, reaches {@code catalog.restaurant} through the outbox as
 * {@code restaurant-changed}, keyed by the restaurant, carrying the whole state with a version that only grows.
 */
@SubgraphTest
class RestaurantEventsIT {

    static final Topic CATALOG_RESTAURANT = new Topic(CatalogEvents.RESTAURANT_TOPIC);
    static final String CREATE = "mutation ($input: CreateRestaurantInput!) { createRestaurant(input: $input) { "
            + "restaurant { id } errors { code } } }";
    static final String ADD_TABLE = "mutation ($id: ID!, $version: Int!, $input: RestaurantTableInput!) { "
            + "addRestaurantTable(restaurantId: $id, version: $version, input: $input) { "
            + "restaurant { tables { id label } } errors { code } } }";
    static final String UPDATE = "mutation ($id: ID!, $version: Int!, $input: UpdateRestaurantInput!) { "
            + "updateRestaurant(id: $id, version: $version, input: $input) { restaurant { version } errors { code } } }";
    static final String REMOVE_TABLE = "mutation ($id: ID!, $version: Int!) { removeRestaurantTable(id: $id, "
            + "version: $version) { restaurant { version } errors { code } } }";
    static final String PUBLISH = "mutation ($id: ID!, $version: Int!) { publishRestaurant(id: $id, version: $version) "
            + "{ restaurant { status } errors { code } } }";

    @Autowired WebGraphQlTester graphQl;
    @Autowired DSLContext db;
    @Autowired JsonMapper json;

    @AfterEach
    void signOut() {
        SignedIn.nobody();
    }

    @Test
    void everyChangeIsPublishedWholeWithAGrowingVersion() {
        UUID owner = UUID.randomUUID();
        SignedIn.as(owner, "owner");
        LocalDate closed = LocalDate.now(ZoneId.of("Asia/Tokyo")).plusDays(3);
        Map<String, Object> input = new HashMap<>(Map.of("name", "Sushi Ko", "cuisines", List.of("SUSHI"),
                "priceRange", 4,
                "address", Map.of("street", "1-2 Ginza", "city", "Tokyo", "country", "JP"),
                "location", Map.of("lat", 35.67, "lon", 139.77), "timeZone", "Asia/Tokyo", "currency", "JPY",
                "openingHours", List.of(Map.of("weekday", "SATURDAY", "opens", "18:00", "closes", "00:30")),
                "closedDates", List.of(closed.toString()), "depositPerGuest", "3000"));
        input.put("slotMinutes", 30);
        String id = graphQl.document(CREATE).variable("input", input).execute()
                .path("createRestaurant.restaurant.id").entity(String.class).get();
        var tables = graphQl.document(ADD_TABLE).variable("id", id).variable("version", 1)
                .variable("input", Map.of("label", "Counter", "minParty", 1, "maxParty", 2, "area", "BAR")).execute();
        String counter = tables.path("addRestaurantTable.restaurant.tables[0].id").entity(String.class).get();
        graphQl.document(ADD_TABLE).variable("id", id).variable("version", 2)
                .variable("input", Map.of("label", "Room", "maxParty", 8)).execute()
                .path("addRestaurantTable.errors").entityList(Object.class).hasSize(0);
        graphQl.document(REMOVE_TABLE).variable("id", counter).variable("version", 3).execute()
                .path("removeRestaurantTable.restaurant.version").entity(Integer.class).isEqualTo(4);
        graphQl.document(PUBLISH).variable("id", id).variable("version", 4).execute()
                .path("publishRestaurant.restaurant.status").entity(String.class).isEqualTo("PUBLISHED");
        graphQl.document(UPDATE).variable("id", id).variable("version", 4).variable("input", Map.of("name", "Stale"))
                .execute().path("updateRestaurant.errors[0].code").entity(String.class).isEqualTo("STALE_VERSION");

        assertThat(db.fetchCount(OUTBOX, OUTBOX.KEY.eq(id))).as("five changes, the refused one not among them")
                .isEqualTo(5);
        await().atMost(Duration.ofSeconds(30)).until(() ->
                db.fetchCount(OUTBOX, OUTBOX.KEY.eq(id).and(OUTBOX.PUBLISHED_AT.isNotNull())) == 5);

        List<ConsumerRecord<String, String>> sent = CATALOG_RESTAURANT.recordsWithKey(UUID.fromString(id));
        assertThat(sent).hasSize(5);
        List<EventEnvelope> envelopes = sent.stream().map(r -> json.readValue(r.value(), EventEnvelope.class)).toList();
        assertThat(envelopes).extracting(EventEnvelope::type).containsOnly("restaurant-changed");
        List<RestaurantChanged> changes = envelopes.stream()
                .map(e -> json.treeToValue(e.data(), RestaurantChanged.class)).toList();
        assertThat(changes).extracting(RestaurantChanged::version).containsExactly(1, 2, 3, 4, 5);
        assertThat(changes).extracting(RestaurantChanged::status)
                .containsExactly("DRAFT", "DRAFT", "DRAFT", "DRAFT", "PUBLISHED");

        RestaurantChanged last = changes.getLast();
        UUID room = last.tables().stream().filter(t -> t.label().equals("Room")).findFirst().orElseThrow().id();
        assertThat(last).usingRecursiveComparison().ignoringFields("occurredAt").isEqualTo(new RestaurantChanged(
                UUID.fromString(id), owner, "PUBLISHED", "Sushi Ko", "Tokyo", "JP", 35.67, 139.77, "Asia/Tokyo", "JPY",
                30, "3000", 24, List.of(new RestaurantChanged.ServicePeriod(6, LocalTime.of(18, 0), LocalTime.of(0, 30))),
                List.of(closed),
                List.of(new RestaurantChanged.SeatingDuration(2, 90), new RestaurantChanged.SeatingDuration(6, 120),
                        new RestaurantChanged.SeatingDuration(20, 150)),
                List.of(new RestaurantChanged.Table(UUID.fromString(counter), "Counter", 1, 2, "BAR", false),
                        new RestaurantChanged.Table(room, "Room", 1, 8, "INSIDE", true)),
                5, null));
        assertThat(last.occurredAt()).isNotNull();
        assertThat(changes.get(1).tables()).as("a table change carries the tables as they then were")
                .extracting(RestaurantChanged.Table::label).containsExactly("Counter");
    }
}
