package dev.stay.e2e;

import static dev.stay.booking.db.Tables.OUTBOX;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.stay.common.security.RouterSignature;
import dev.stay.devstack.engines.Postgres;
import dev.stay.e2e.Restaurants.Restaurant;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A restaurant's life through the router, with real Keycloak tokens: its owner opens it, a guest reads its start
 * times and reserves a table with a deposit, sees the reservation and nobody else does (by id or through
 * {@code _entities}); the owner seats and completes it from the book of the day, which refunds the deposit at the
 * provider, and the guest reviews the visit once. The rules around a reservation (replays, no-shows, partners) are
 * {@link RestaurantReservationRulesThroughRouterIT}'s.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class RestaurantReservationsThroughRouterIT {

    static final String MINE = "{ myReservations(when: ALL, first: 100) { edges { node { id reference status } } } }";
    static final String BY_ID = """
            query ($id: ID!) { reservation(id: $id) { id reference status partySize restaurant { id name } } }""";
    static final String STATUS_PAYLOAD = """
            __typename
            ... on ReservationUpdated { reservation { id status payment { status charged { amount } refunded { amount } } }
                                        refund { amount currency } refundPending }
            ... on ReservationRejected { code field message }""";
    static final String SEAT = "mutation ($id: ID!) { markSeated(id: $id) { " + STATUS_PAYLOAD + " } }";
    static final String COMPLETE = "mutation ($id: ID!, $key: ID!) { completeReservation(id: $id, idempotencyKey: $key) { "
            + STATUS_PAYLOAD + " } }";
    static final String REVIEW = """
            mutation ($input: SubmitRestaurantReviewInput!) {
              submitRestaurantReview(input: $input) { review { id title author { id } } errors { field code message } }
            }""";
    static final String RATING = """
            query ($id: ID!) { restaurant(id: $id) { rating { count average } reviews(first: 10) { edges { node { id title } } } } }""";

    final Restaurants restaurants = new Restaurants();
    Restaurant restaurant;
    StayClient guest;
    JsonNode reservation;

    @BeforeAll
    void aGuestReservesATableAtANewRestaurant() {
        restaurant = restaurants.aPublishedRestaurantOpenNow("Tasca", 4);
        guest = restaurants.aNewGuest("Gabriela");
        JsonNode slot = Restaurants.awaitSlots(restaurant, restaurant.today(), 2).getFirst();
        assertThat(slot.path("deposit").path("amount").asString()).as("10.00 a guest for two").isEqualTo("20.00");

        JsonNode answer = Restaurants.reserve(guest,
                Restaurants.reservation(restaurant, restaurant.today(), slot, 2), UUID.randomUUID().toString());

        assertThat(answer.path("__typename").asString()).as(answer.toString()).isEqualTo("ReservationConfirmed");
        reservation = answer.path("reservation");
        assertThat(reservation.path("status").asString()).isEqualTo("CONFIRMED");
        assertThat(reservation.path("payment").path("charged").path("amount").asString()).isEqualTo("20.00");
        assertThat(PaymentJournal.chargeKeys(id(), reference())).as("charged at the provider").hasSize(1);
    }

    @Test
    @Order(1)
    void theGuestSeesItInMyReservationsAndById() {
        assertThat(ids(guest.send(MINE, Map.of()).data().path("myReservations"))).contains(id());

        var byId = guest.send(BY_ID, Map.of("id", id()));
        assertThat(byId.data().path("reservation").path("reference").asString()).as(byId.body().toString())
                .isEqualTo(reference());
        assertThat(byId.data().path("reservation").path("restaurant").path("name").asString())
                .as("the restaurant's name comes from the catalog").isEqualTo(restaurant.name());
    }

    @Test
    @Order(2)
    void anotherGuestGetsNothingByIdNorThroughEntities() throws Exception {
        StayClient other = restaurants.aNewGuest("Otto");

        var byId = other.send(BY_ID, Map.of("id", id()));
        assertThat(byId.status()).isEqualTo(200);
        assertThat(byId.data().path("reservation").isNull()).as(byId.body().toString()).isTrue();
        assertThat(ids(other.send(MINE, Map.of()).data().path("myReservations"))).doesNotContain(id());

        assertThat(entity(guest).path("reference").asString()).as("its guest, through _entities").isEqualTo(reference());
        assertThat(entity(other).isNull()).as("another guest, through _entities: %s", entity(other)).isTrue();
    }

    @Test
    @Order(3)
    void anAnonymousCallerCannotReserve() {
        LocalDate date = restaurant.today().plusDays(3);
        JsonNode slot = Restaurants.awaitSlots(restaurant, date, 2).getFirst();

        var response = Stay.client().send(Restaurants.RESERVE, Map.of("input",
                Restaurants.reservation(restaurant, date, slot, 2), "key", UUID.randomUUID().toString()));

        assertThat(response.data().path("reserveTable").path("code").asString()).as(response.body().toString())
                .isEqualTo("UNAUTHENTICATED");
        assertThat(Restaurants.dayBook(restaurant, date)).as("nothing reserved").isEmpty();
    }

    @Test
    @Order(10)
    void theOwnerSeatsAndCompletesItFromTheBookOfTheDayWhichRefundsTheDeposit() {
        assertThat(Restaurants.dayBook(restaurant, restaurant.today())).extracting(r -> r.path("id").asString()).contains(id());
        StayClient owner = restaurant.owner();

        JsonNode seated = owner.send(SEAT, Map.of("id", id())).data().path("markSeated");
        assertThat(seated.path("reservation").path("status").asString()).as(seated.toString()).isEqualTo("SEATED");
        String key = UUID.randomUUID().toString();
        JsonNode completed = owner.send(COMPLETE, Map.of("id", id(), "key", key)).data().path("completeReservation");

        assertThat(completed.path("__typename").asString()).as(completed.toString()).isEqualTo("ReservationUpdated");
        assertThat(completed.path("reservation").path("status").asString()).isEqualTo("COMPLETED");
        assertThat(new BigDecimal(completed.path("refund").path("amount").asString())).isEqualByComparingTo("20.00");
        List<String> charges = PaymentJournal.chargeKeys(id(), reference());
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            assertThat(PaymentJournal.refundsOf(charges)).as("the refund at the provider").hasSize(1);
            JsonNode payment = guest.send("query ($id: ID!) { reservation(id: $id) { payment { refunded { amount } } } }",
                    Map.of("id", id())).data().path("reservation").path("payment");
            assertThat(new BigDecimal(payment.path("refunded").path("amount").asString("0"))).isEqualByComparingTo("20.00");
        });
        JsonNode again = owner.send(COMPLETE, Map.of("id", id(), "key", key)).data().path("completeReservation");
        assertThat(again.path("__typename").asString()).as("a replay answers the same: %s", again).isEqualTo("ReservationUpdated");
        assertThat(again.path("refund")).isEqualTo(completed.path("refund"));
        assertThat(again.path("reservation").path("status").asString()).isEqualTo("COMPLETED");
        assertThat(PaymentJournal.refundsOf(charges)).as("and refunds nothing more").hasSize(1);
    }

    @Test
    @Order(11)
    void theGuestReviewsTheCompletedVisitOnce() {
        Map<String, Object> input = Map.of("reservationId", id(), "overall", 9, "food", 10, "service", 9,
                "ambience", 8, "value", 9, "title", "Perfect sardines", "text", "We would come back");
        // the catalog learns of the completion from booking's reservation.completed event: first booking's relay
        // sends it, then the guest tries every 5 s, which keeps within the guest's mutation budget at the router
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> assertThat(bookingDatabase().fetchExists(OUTBOX,
                OUTBOX.TYPE.eq("reservation.completed").and(OUTBOX.PUBLISHED_AT.isNotNull())
                        .and(DSL.field("payload->>'reservationId'", String.class).eq(id()))))
                .as("reservation.completed of %s published by booking's relay", id()).isTrue());
        JsonNode[] answer = new JsonNode[1];
        await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofSeconds(5)).until(() -> {
            answer[0] = guest.send(REVIEW, Map.of("input", input)).data().path("submitRestaurantReview");
            return !answer[0].path("errors").path(0).path("code").asString("").equals("NOT_REVIEWABLE");
        });
        assertThat(answer[0].path("review").path("title").asString()).as(answer[0].toString()).isEqualTo("Perfect sardines");

        var again = guest.send(REVIEW, Map.of("input", input));
        assertThat(again.data().path("submitRestaurantReview").path("errors").path(0).path("code").asString())
                .as(again.body().toString()).isEqualTo("ALREADY_REVIEWED");
        var page = Stay.client().send(RATING, Map.of("id", restaurant.id()));
        JsonNode rated = page.data().path("restaurant");
        assertThat(rated.path("rating").path("count").asInt()).as(page.body().toString()).isEqualTo(1);
        assertThat(rated.path("reviews").path("edges").path(0).path("node").path("title").asString())
                .isEqualTo("Perfect sardines");
        var stranger = restaurants.aNewGuest("Sara").send(REVIEW, Map.of("input", input));
        assertThat(stranger.data().path("submitRestaurantReview").path("errors").path(0).path("code").asString())
                .as("only its guest reviews a visit: %s", stranger.body()).isIn("NOT_REVIEWABLE", "NOT_FOUND", "FORBIDDEN");
    }

    private static DSLContext bookingDatabase() {
        Postgres postgres = Stay.platform().engines().postgres();
        return DSL.using(postgres.jdbcUrl("booking"), postgres.user(), postgres.password());
    }

    /** The reservation as booking answers an {@code _entities} call the router signed, with that client's token. */
    private JsonNode entity(StayClient client) throws Exception {
        String body = JsonMapper.builder().build().writeValueAsString(Map.of(
                "query", "query ($r: [_Any!]!) { _entities(representations: $r) { ... on TableReservation { id reference } } }",
                "variables", Map.of("r", List.of(Map.of("__typename", "TableReservation", "id", id())))));
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        HttpRequest request = HttpRequest.newBuilder(URI.create(Stay.platform().subgraphUrl("booking")))
                .header("Content-Type", "application/json")
                .header("Authorization", "Bearer " + client.token())
                .header(RouterSignature.HEADER, new RouterSignature(Stay.platform().routerSigningSecret()).sign(bytes, Instant.now()))
                .POST(HttpRequest.BodyPublishers.ofByteArray(bytes)).build();
        HttpResponse<String> response = HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return JsonMapper.builder().build().readTree(response.body()).path("data").path("_entities").path(0);
    }

    private String id() {
        return reservation.path("id").asString();
    }

    private String reference() {
        return reservation.path("reference").asString();
    }

    private static List<String> ids(JsonNode connection) {
        List<String> ids = new ArrayList<>();
        connection.path("edges").forEach(edge -> ids.add(edge.path("node").path("id").asString()));
        return ids;
    }
}
