package dev.stay.e2e;

import static dev.stay.booking.db.Tables.BOOKING;
import static dev.stay.booking.db.Tables.INVENTORY_NIGHT;
import static dev.stay.booking.db.Tables.PROPERTY;
import static org.assertj.core.api.Assertions.assertThat;

import dev.stay.devstack.engines.DemoAccounts;
import dev.stay.devstack.engines.Keycloak;
import dev.stay.devstack.engines.Postgres;
import dev.stay.devstack.launcher.Platform;
import dev.stay.seed.world.DemoWorld;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Map;
import java.util.UUID;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * A stay's end as clients see it through the router, with real Keycloak tokens: the hotel's owner marks a guest who
 * never came a no-show, the guest may not, a replay answers the same; and the payment provider's callback reaches
 * booking's own route, not the router's GraphQL.
 */
class StaysEndThroughRouterIT {

    static final String MARK = """
            mutation ($id: ID!, $key: ID!) {
              markNoShow(id: $id, idempotencyKey: $key) {
                __typename
                ... on NoShowMarked { fee { amount currency } refund { amount } refundPending
                                      booking { status cancellationPolicy { noShowPenaltyPercent } } }
                ... on BookingRejected { code field message }
              }
            }""";

    static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    final Platform stay = Stay.platform();
    final Keycloak keycloak = stay.engines().keycloak();
    final StayClient anonymous = Stay.client();
    final DemoWorld.Hotel hotel = DemoWorld.small().hotels().stream()
            .filter(h -> h.ownerId().equals(DemoAccounts.OWNER.id())).findFirst().orElseThrow();

    @Test
    void theHotelsOwnerMarksANoShowTheGuestMayNotAndAReplayAnswersTheSame() {
        StayClient guest = aNewGuest();
        String booking = aStayThatEndedYesterday(guest);
        StayClient owner = anonymous.withToken(
                keycloak.passwordToken(DemoAccounts.OWNER.username(), DemoAccounts.OWNER.password()));

        var byGuest = guest.send(MARK, Map.of("id", booking, "key", UUID.randomUUID().toString()));
        assertThat(byGuest.data().path("markNoShow").path("code").asString()).as(byGuest.body().toString())
                .isEqualTo("FORBIDDEN");
        var byStranger = aNewGuest().send(MARK, Map.of("id", booking, "key", UUID.randomUUID().toString()));
        assertThat(byStranger.data().path("markNoShow").path("code").asString()).isEqualTo("NOT_FOUND");

        String key = UUID.randomUUID().toString();
        var marked = owner.send(MARK, Map.of("id", booking, "key", key));
        JsonNode answer = marked.data().path("markNoShow");
        assertThat(answer.path("__typename").asString()).as(marked.body().toString()).isEqualTo("NoShowMarked");
        assertThat(answer.path("booking").path("status").asString()).isEqualTo("NO_SHOW");
        int percent = answer.path("booking").path("cancellationPolicy").path("noShowPenaltyPercent").asInt();
        assertThat(percent).isBetween(0, 100);
        assertThat(owner.send(MARK, Map.of("id", booking, "key", key)).data().path("markNoShow"))
                .as("a replay answers the same").isEqualTo(answer);
        assertThat(owner.send(MARK, Map.of("id", booking, "key", UUID.randomUUID().toString())).data()
                .path("markNoShow").path("code").asString()).isEqualTo("ALREADY_NO_SHOW");
        var seen = guest.send("query ($id: ID!) { booking(id: $id) { status payment { charged { amount } refunded { amount } } } }",
                Map.of("id", booking));
        assertThat(seen.data().path("booking").path("status").asString()).isEqualTo("NO_SHOW");
    }

    @Test
    void theProvidersCallbackIsServedByBookingsOwnRouteAndNotByTheRouter() throws Exception {
        String event = """
                {"id":"evt_%s","type":"charge.succeeded","data":{"id":"ch_x","idempotencyKey":"booking-%s-charge",
                 "amount":"1.00","currency":"EUR"}}""".formatted(UUID.randomUUID(), UUID.randomUUID());
        URI booking = URI.create(stay.subgraphUrl("booking")).resolve("/webhooks/payments");
        URI router = URI.create(stay.routerUrl()).resolve("/webhooks/payments");

        var direct = HTTP.send(signed(booking, event), HttpResponse.BodyHandlers.ofString());
        var throughRouter = HTTP.send(signed(router, event), HttpResponse.BodyHandlers.ofString());

        assertThat(direct.statusCode()).as(direct.body()).isEqualTo(200);
        assertThat(direct.body()).contains("UNKNOWN_PAYMENT");
        assertThat(throughRouter.statusCode()).as(throughRouter.body()).isBetween(400, 499);
        assertThat(throughRouter.body()).doesNotContain("outcome");
    }

    /**
     * The devstack's payment stub answers a {@code tok_timeout} charge after booking stopped waiting (the guest is
     * told it is pending), then calls booking back, signed, as the real provider does: the booking is confirmed by
     * that callback, long before a reconciliation would ask (and the stub's lookup would answer that no charge exists).
     */
    @Test
    void aChargeBookingStoppedWaitingForIsConfirmedByTheProvidersCallback() {
        StayClient guest = aNewGuest();
        Map<String, Object> input = offer(guest, LocalDate.now().plusDays(150));
        input.put("paymentToken", "tok_timeout");

        var created = guest.send("""
                mutation ($input: CreateBookingInput!, $key: ID!) {
                  createBooking(input: $input, idempotencyKey: $key) { __typename ... on BookingPending { booking { id } } }
                }""", Map.of("input", input, "key", UUID.randomUUID().toString()));
        JsonNode answer = created.data().path("createBooking");
        assertThat(answer.path("__typename").asString()).as(created.body().toString()).isEqualTo("BookingPending");
        String id = answer.path("booking").path("id").asString();

        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(30))
                .pollInterval(java.time.Duration.ofMillis(500)).untilAsserted(() -> {
                    var seen = guest.send("query ($id: ID!) { booking(id: $id) { status payment { status } } }",
                            Map.of("id", id));
                    assertThat(seen.data().path("booking").path("status").asString()).as(seen.body().toString())
                            .isEqualTo("CONFIRMED");
                    assertThat(seen.data().path("booking").path("payment").path("status").asString())
                            .isEqualTo("CHARGED");
                });
    }

    /**
     * Booked through the router months ahead, then moved in booking's database to the three nights up to yesterday,
     * the hotel's calendar (createBooking takes no stay in the past): its future rooms are given back, and as the
     * stay is over no night of it is freed again.
     */
    private String aStayThatEndedYesterday(StayClient guest) {
        LocalDate checkIn = LocalDate.now().plusDays(140);
        Map<String, Object> input = offer(guest, checkIn);
        var created = guest.send("""
                mutation ($input: CreateBookingInput!, $key: ID!) {
                  createBooking(input: $input, idempotencyKey: $key) { __typename ... on BookingConfirmed { booking { id } } }
                }""", Map.of("input", input, "key", UUID.randomUUID().toString()));
        String id = created.data().path("createBooking").path("booking").path("id").asString();
        assertThat(id).as(created.body().toString()).isNotBlank();

        UUID roomType = UUID.fromString((String) input.get("roomTypeId"));
        Postgres postgres = stay.engines().postgres();
        DSLContext db = DSL.using(postgres.jdbcUrl("booking"), postgres.user(), postgres.password());
        ZoneId zone = ZoneId.of(db.select(PROPERTY.TIME_ZONE).from(PROPERTY).where(PROPERTY.ID.eq(hotel.id()))
                .fetchSingle(PROPERTY.TIME_ZONE));
        LocalDate began = LocalDate.now(zone).minusDays(4);
        db.transaction(tx -> {
            tx.dsl().update(INVENTORY_NIGHT).set(INVENTORY_NIGHT.TAKEN_UNITS, INVENTORY_NIGHT.TAKEN_UNITS.minus(1))
                    .where(INVENTORY_NIGHT.UNIT_TYPE_ID.eq(roomType))
                    .and(INVENTORY_NIGHT.NIGHT.between(checkIn, checkIn.plusDays(2))).execute();
            tx.dsl().update(BOOKING).set(BOOKING.CHECK_IN, began).set(BOOKING.CHECK_OUT, began.plusDays(3))
                    .where(BOOKING.ID.eq(UUID.fromString(id))).execute();
        });
        return id;
    }

    /** The input to book the hotel's first offered room type for three nights from {@code checkIn}, paid tok_ok. */
    private Map<String, Object> offer(StayClient guest, LocalDate checkIn) {
        var offers = guest.send("""
                query ($id: ID!, $in: Date!, $out: Date!) {
                  hotel(id: $id) { availability(checkIn: $in, checkOut: $out, guests: 2) {
                    roomType { id } totalPrice { amount currency } } }
                }""", Map.of("id", hotel.id().toString(), "in", checkIn.toString(), "out", checkIn.plusDays(3).toString()));
        JsonNode offer = offers.data().path("hotel").path("availability").path(0);
        assertThat(offer.isMissingNode()).as(offers.body().toString()).isFalse();
        Map<String, Object> input = new HashMap<>();
        input.put("hotelId", hotel.id().toString());
        input.put("roomTypeId", offer.path("roomType").path("id").asString());
        input.put("checkIn", checkIn.toString());
        input.put("checkOut", checkIn.plusDays(3).toString());
        input.put("guests", 2);
        input.put("rooms", 1);
        input.put("quotedTotal", Map.of("amount", offer.path("totalPrice").path("amount").asString(),
                "currency", offer.path("totalPrice").path("currency").asString()));
        input.put("paymentToken", "tok_ok");
        return input;
    }

    private static HttpRequest signed(URI uri, String body) throws Exception {
        long t = Instant.now().getEpochSecond();
        Mac mac = Mac.getInstance("HmacSHA256");
        // the local profile's published webhook key (./platform up and these tests run booking in that profile)
        mac.init(new SecretKeySpec("stay-local-dev-payment-webhook-secret".getBytes(StandardCharsets.UTF_8),
                "HmacSHA256"));
        mac.update((t + ".").getBytes(StandardCharsets.US_ASCII));
        String signature = "t=" + t + ",v1=" + HexFormat.of().formatHex(mac.doFinal(body.getBytes(StandardCharsets.UTF_8)));
        return HttpRequest.newBuilder(uri).header("Content-Type", "application/json")
                .header("Payment-Signature", signature).POST(HttpRequest.BodyPublishers.ofString(body)).build();
    }

    private StayClient aNewGuest() {
        String email = "stay-end-" + UUID.randomUUID() + "@stay.example";
        String password = "stay-end-local-dev-password";
        keycloak.register(email, password, "Stay", "Guest");
        return anonymous.withToken(keycloak.passwordToken(email, password));
    }
}
