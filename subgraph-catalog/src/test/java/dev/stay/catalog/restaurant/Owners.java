package dev.stay.catalog.restaurant;

import static dev.stay.catalog.db.Tables.RESTAURANT;
import static dev.stay.catalog.db.Tables.RESTAURANT_CLOSED_DATE;
import static dev.stay.catalog.db.Tables.RESTAURANT_PHOTO;
import static dev.stay.catalog.db.Tables.RESTAURANT_SEATING_DURATION;
import static dev.stay.catalog.db.Tables.RESTAURANT_SERVICE_PERIOD;
import static dev.stay.catalog.db.Tables.RESTAURANT_TABLE;

import dev.stay.common.test.SignedIn;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jooq.DSLContext;
import org.springframework.graphql.test.tester.GraphQlTester;
import org.springframework.graphql.test.tester.WebGraphQlTester;

/** An owner running a restaurant through the subgraph's GraphQL, as the owners' app does. */
final class Owners {

    static final String FIELDS = "restaurant { id name description cuisines priceRange status version timeZone currency "
            + "address { street city region country postalCode } location { lat lon } slotMinutes closedDates "
            + "openingHours { weekday opens closes } seatingDurations { upToPartySize minutes } "
            + "depositPerGuest { amount currency } depositRefundableHours photos { url caption } "
            + "tables { id label minParty maxParty area } owner { id } } errors { field code message }";
    static final String CREATE = "mutation ($input: CreateRestaurantInput!) { createRestaurant(input: $input) { "
            + FIELDS + " } }";
    static final String UPDATE = "mutation ($id: ID!, $version: Int!, $input: UpdateRestaurantInput!) { "
            + "updateRestaurant(id: $id, version: $version, input: $input) { " + FIELDS + " } }";
    static final String PUBLISH = "mutation ($id: ID!, $version: Int!) { publishRestaurant(id: $id, version: $version) { "
            + FIELDS + " } }";
    static final String UNPUBLISH = "mutation ($id: ID!, $version: Int!) { "
            + "unpublishRestaurant(id: $id, version: $version) { " + FIELDS + " } }";
    static final String ADD_PHOTO = "mutation ($id: ID!, $version: Int!, $input: PhotoInput!) { "
            + "addRestaurantPhoto(restaurantId: $id, version: $version, input: $input) { " + FIELDS + " } }";
    static final String REMOVE_PHOTO = "mutation ($id: ID!, $version: Int!, $url: String!) { "
            + "removeRestaurantPhoto(restaurantId: $id, version: $version, url: $url) { " + FIELDS + " } }";
    static final String ADD_TABLE = "mutation ($id: ID!, $version: Int!, $input: RestaurantTableInput!) { "
            + "addRestaurantTable(restaurantId: $id, version: $version, input: $input) { " + FIELDS + " } }";
    static final String UPDATE_TABLE = "mutation ($id: ID!, $version: Int!, $input: RestaurantTableInput!) { "
            + "updateRestaurantTable(id: $id, version: $version, input: $input) { " + FIELDS + " } }";
    static final String REMOVE_TABLE = "mutation ($id: ID!, $version: Int!) { "
            + "removeRestaurantTable(id: $id, version: $version) { " + FIELDS + " } }";

    private final WebGraphQlTester graphQl;
    private final DSLContext db;

    Owners(WebGraphQlTester graphQl, DSLContext db) {
        this.graphQl = graphQl;
        this.db = db;
    }

    /** A Porto restaurant: lunch and dinner Tuesday to Saturday, Saturday's dinner until 01:00, closed next Monday. */
    static Map<String, Object> aRestaurant() {
        Map<String, Object> input = new HashMap<>();
        input.put("name", "Tasca Azul");
        input.put("description", "Grilled fish and green wine");
        input.put("cuisines", List.of("PORTUGUESE", "SEAFOOD"));
        input.put("priceRange", 2);
        input.put("address", Map.of("street", "Rua Azul 5", "city", "Porto", "country", "PT"));
        input.put("location", Map.of("lat", 41.1496, "lon", -8.611));
        input.put("timeZone", "Europe/Lisbon");
        input.put("currency", "EUR");
        List<Map<String, Object>> periods = new ArrayList<>();
        for (String day : List.of("TUESDAY", "WEDNESDAY", "THURSDAY", "FRIDAY")) {
            periods.add(period(day, "12:00", "15:00"));
            periods.add(period(day, "19:00", "23:00"));
        }
        periods.add(period("SATURDAY", "19:00", "01:00"));
        input.put("openingHours", periods);
        input.put("closedDates", List.of(LocalDate.now(ZoneId.of("Europe/Lisbon")).plusDays(10).toString()));
        return input;
    }

    static Map<String, Object> period(String weekday, String opens, String closes) {
        return Map.of("weekday", weekday, "opens", opens, "closes", closes);
    }

    static Map<String, Object> aTable(String label, int maxParty) {
        return new HashMap<>(Map.of("label", label, "maxParty", maxParty));
    }

    /** A new draft of this owner's, with the default schedule rules; returns its id. */
    String created(UUID owner) {
        SignedIn.as(owner, "guest", "owner");
        return graphQl.document(CREATE).variable("input", aRestaurant()).execute()
                .path("createRestaurant.errors").entityList(Object.class).hasSize(0)
                .path("createRestaurant.restaurant.id").entity(String.class).get();
    }

    GraphQlTester.Response update(String id, int version, Map<String, Object> input) {
        return graphQl.document(UPDATE).variable("id", id).variable("version", version).variable("input", input)
                .execute();
    }

    GraphQlTester.Response addTable(String id, int version, Map<String, Object> table) {
        return graphQl.document(ADD_TABLE).variable("id", id).variable("version", version).variable("input", table)
                .execute();
    }

    /** Everything stored of a restaurant, its tables and schedule: the same before and after a refused change. */
    String stored(String id) {
        UUID restaurant = UUID.fromString(id);
        return String.join("\n", db.selectFrom(RESTAURANT).where(RESTAURANT.ID.eq(restaurant)).fetch().formatCSV(),
                db.selectFrom(RESTAURANT_SERVICE_PERIOD).where(RESTAURANT_SERVICE_PERIOD.RESTAURANT_ID.eq(restaurant))
                        .orderBy(RESTAURANT_SERVICE_PERIOD.WEEKDAY, RESTAURANT_SERVICE_PERIOD.OPENS).fetch().formatCSV(),
                db.selectFrom(RESTAURANT_CLOSED_DATE).where(RESTAURANT_CLOSED_DATE.RESTAURANT_ID.eq(restaurant))
                        .orderBy(RESTAURANT_CLOSED_DATE.DAY).fetch().formatCSV(),
                db.selectFrom(RESTAURANT_SEATING_DURATION).where(RESTAURANT_SEATING_DURATION.RESTAURANT_ID.eq(restaurant))
                        .orderBy(RESTAURANT_SEATING_DURATION.UP_TO_PARTY_SIZE).fetch().formatCSV(),
                db.selectFrom(RESTAURANT_PHOTO).where(RESTAURANT_PHOTO.RESTAURANT_ID.eq(restaurant))
                        .orderBy(RESTAURANT_PHOTO.POSITION).fetch().formatCSV(),
                db.selectFrom(RESTAURANT_TABLE).where(RESTAURANT_TABLE.RESTAURANT_ID.eq(restaurant))
                        .orderBy(RESTAURANT_TABLE.ID).fetch().formatCSV());
    }
}
