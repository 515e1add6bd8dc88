package dev.stay.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.stay.devstack.engines.Keycloak;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import tools.jackson.databind.JsonNode;

/**
 * Restaurants as their owners make them through the router, and the people who use them: fresh owners and guests
 * (each registered at Keycloak, so each has its own mutation budget at the router), a published restaurant with a
 * name and city no other test uses, and the requests the tests share.
 */
final class Restaurants {

    /** A restaurant as created: what the tests need to find and reserve it. */
    record Restaurant(String id, String name, String city, ZoneId zone, StayClient owner) {

        /** The restaurant's own day today. */
        LocalDate today() {
            return LocalDate.now(zone);
        }
    }

    static final String DEPOSIT_PER_GUEST = "10.00";
    static final String CURRENCY = "EUR";

    static final String AVAILABILITY = """
            query ($id: ID!, $date: Date!, $party: Int!) {
              restaurant(id: $id) { availability(date: $date, partySize: $party) {
                time startsAt tablesFree deposit { amount currency } } }
            }""";
    static final String RESERVE = """
            mutation ($input: ReserveTableInput!, $key: ID!) {
              reserveTable(input: $input, idempotencyKey: $key) {
                __typename
                ... on ReservationConfirmed { reservation { ...Reservation } }
                ... on ReservationPending { reservation { ...Reservation } message }
                ... on ReservationPaymentDeclined { reservation { ...Reservation } message }
                ... on SlotTaken { alternatives }
                ... on DepositChanged { deposit { amount currency } }
                ... on ReservationRejected { code field message }
              }
            }
            fragment Reservation on TableReservation {
              id reference status tableId date time partySize deposit { amount currency }
              payment { status charged { amount currency } refunded { amount currency } }
            }""";

    static final String DAY_BOOK = """
            query ($id: ID!, $date: Date!) { restaurant(id: $id) { reservations(date: $date) { id status time } } }""";

    private static final String CREATE = """
            mutation ($input: CreateRestaurantInput!) {
              createRestaurant(input: $input) { restaurant { id version } errors { field code message } }
            }""";
    private static final String ADD_TABLE = """
            mutation ($id: ID!, $version: Int!, $input: RestaurantTableInput!) {
              addRestaurantTable(restaurantId: $id, version: $version, input: $input) {
                restaurant { id version } errors { field code message } }
            }""";
    private static final String PUBLISH = """
            mutation ($id: ID!, $version: Int!) {
              publishRestaurant(id: $id, version: $version) { restaurant { id version status } errors { field code message } }
            }""";
    private static final Random RANDOM = new Random();

    private final Keycloak keycloak = Stay.platform().engines().keycloak();
    private final StayClient anonymous = Stay.client();

    /** A freshly registered guest, signed in. */
    StayClient aNewGuest(String firstName) {
        String email = "diner-" + UUID.randomUUID() + "@stay.example";
        String password = "diner-local-dev-password";
        keycloak.register(email, password, firstName, "Diner");
        return anonymous.withToken(keycloak.passwordToken(email, password));
    }

    /** A freshly registered user made an owner by an admin, signed in after the role was granted. */
    StayClient aNewOwner() {
        String email = "restaurateur-" + UUID.randomUUID() + "@stay.example";
        String password = "restaurateur-local-dev-password";
        UUID id = keycloak.register(email, password, "Rui", "Restaurateur");
        keycloak.grantRealmRole(id, "owner");
        return anonymous.withToken(keycloak.passwordToken(email, password));
    }

    /**
     * A new owner's restaurant with {@code tables} tables for parties of 1 to 4, a deposit of 10.00 EUR a guest,
     * start times every 15 minutes from 06:00 to 23:00 every day, in a time zone (a fixed offset) where it is about
     * noon now, so that today still has start times whenever the test runs. Published, and once it is published
     * booking offers its tables (it learns of them from the catalog's {@code restaurant-changed} event).
     */
    Restaurant aPublishedRestaurantOpenNow(String kind, int tables) {
        StayClient owner = aNewOwner();
        int offsetHours = 12 - ZonedDateTime.now(ZoneOffset.UTC).getHour(); // -11 to +12
        // the IANA names of fixed offsets have the sign inverted: Etc/GMT-3 is UTC+3
        String timeZone = offsetHours == 0 ? "Etc/UTC" : "Etc/GMT" + (offsetHours > 0 ? "-" : "+") + Math.abs(offsetHours);
        String token = letters(6);
        String name = kind + " " + token;
        String city = "Vila " + letters(7);
        List<Map<String, Object>> hours = new ArrayList<>();
        for (String day : List.of("MONDAY", "TUESDAY", "WEDNESDAY", "THURSDAY", "FRIDAY", "SATURDAY", "SUNDAY")) {
            hours.add(Map.of("weekday", day, "opens", "06:00", "closes", "23:00"));
        }
        Map<String, Object> input = new LinkedHashMap<>();
        input.put("name", name);
        input.put("description", "Grilled fish and a terrace, made for the end-to-end tests");
        input.put("cuisines", List.of("PORTUGUESE", "SEAFOOD"));
        input.put("priceRange", 2);
        input.put("address", Map.of("street", "Rua do Teste 1", "city", city, "country", "PT"));
        input.put("location", Map.of("lat", 38.5 + RANDOM.nextDouble(), "lon", -9.0 + RANDOM.nextDouble()));
        input.put("timeZone", timeZone);
        input.put("currency", CURRENCY);
        input.put("openingHours", hours);
        input.put("slotMinutes", 15);
        input.put("depositPerGuest", DEPOSIT_PER_GUEST);
        input.put("depositRefundableHours", 24);

        JsonNode created = payload(owner.send(CREATE, Map.of("input", input)), "createRestaurant");
        String id = created.path("restaurant").path("id").asString();
        int version = created.path("restaurant").path("version").asInt();
        for (int t = 1; t <= tables; t++) {
            JsonNode added = payload(owner.send(ADD_TABLE, Map.of("id", id, "version", version,
                    "input", Map.of("label", "T" + t, "minParty", 1, "maxParty", 4, "area", "INSIDE"))), "addRestaurantTable");
            version = added.path("restaurant").path("version").asInt();
        }
        JsonNode published = payload(owner.send(PUBLISH, Map.of("id", id, "version", version)), "publishRestaurant");
        assertThat(published.path("restaurant").path("status").asString()).isEqualTo("PUBLISHED");
        return new Restaurant(id, name, city, ZoneId.of(timeZone), owner);
    }

    /** The start times booking offers on {@code date} for the party, once it offers any (it learns by event). */
    static List<JsonNode> awaitSlots(Restaurant restaurant, LocalDate date, int party) {
        List<JsonNode> slots = new ArrayList<>();
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500)).untilAsserted(() -> {
            slots.clear();
            var response = Stay.client().send(AVAILABILITY,
                    Map.of("id", restaurant.id(), "date", date.toString(), "party", party));
            response.data().path("restaurant").path("availability").forEach(slots::add);
            assertThat(slots).as("start times of %s on %s: %s", restaurant.name(), date, response.body()).isNotEmpty();
        });
        return slots;
    }

    /** The slot at {@code time}, from availability. */
    static JsonNode slotAt(Restaurant restaurant, LocalDate date, int party, LocalTime time) {
        return awaitSlots(restaurant, date, party).stream()
                .filter(slot -> slot.path("time").asString().equals(time.toString())).findFirst()
                .orElseThrow(() -> new AssertionError("no start time " + time + " on " + date + " at " + restaurant.name()));
    }

    /** reserveTable's input for a slot availability offered, with its deposit as quoted and the card that pays. */
    static Map<String, Object> reservation(Restaurant restaurant, LocalDate date, JsonNode slot, int party) {
        Map<String, Object> input = new LinkedHashMap<>();
        input.put("restaurantId", restaurant.id());
        input.put("date", date.toString());
        input.put("time", slot.path("time").asString());
        input.put("partySize", party);
        input.put("quotedDeposit", Map.of("amount", slot.path("deposit").path("amount").asString(),
                "currency", slot.path("deposit").path("currency").asString()));
        input.put("paymentToken", "tok_ok");
        return input;
    }

    /** reserveTable's answer (the payload) for that input and key. */
    static JsonNode reserve(StayClient client, Map<String, Object> input, String key) {
        var response = client.send(RESERVE, Map.of("input", input, "key", key));
        assertThat(response.body().path("errors").isMissingNode()).as(response.body().toString()).isTrue();
        return response.data().path("reserveTable");
    }

    /** The book of the day, as the restaurant's owner reads it. */
    static List<JsonNode> dayBook(Restaurant restaurant, LocalDate day) {
        var response = restaurant.owner().send(DAY_BOOK, Map.of("id", restaurant.id(), "date", day.toString()));
        assertThat(response.body().path("errors").isMissingNode()).as(response.body().toString()).isTrue();
        List<JsonNode> book = new ArrayList<>();
        response.data().path("restaurant").path("reservations").forEach(book::add);
        return book;
    }

    /** A mutation's payload, checked to carry no error. */
    static JsonNode payload(StayClient.Response response, String field) {
        JsonNode payload = response.data().path(field);
        assertThat(payload.path("errors").isEmpty() && response.body().path("errors").isMissingNode())
                .as("%s: %s", field, response.body()).isTrue();
        return payload;
    }

    /** A partner's document id: the hash of the file the router lists it from. */
    static String documentId(String name) throws Exception {
        byte[] document = Files.readAllBytes(Path.of("..", "router", "persisted", name + ".graphql"));
        return "sha256:" + HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(document));
    }

    /** Capitalised random letters: names and cities no other restaurant has, which search and suggestions match. */
    private static String letters(int count) {
        StringBuilder word = new StringBuilder().append((char) ('A' + RANDOM.nextInt(26)));
        for (int i = 1; i < count; i++) word.append((char) ('a' + RANDOM.nextInt(26)));
        return word.toString();
    }
}
