package dev.stay.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.stay.devstack.engines.DemoAccounts;
import dev.stay.devstack.engines.Keycloak;
import dev.stay.seed.world.DemoWorld;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * One booking through the router is one trace in the viewer, from the client's traceparent to the work its events
 * cause elsewhere: the router, booking's GraphQL and SQL, the payment provider's call, the outbox relay's send and a
 * consumer of that event in another subgraph.
 */
class TraceThroughRouterIT {

    static final JsonMapper JSON = JsonMapper.builder().build();
    static final HttpClient HTTP = HttpClient.newHttpClient();

    static final String AVAILABILITY = """
            query ($id: ID!, $in: Date!, $out: Date!) {
              hotel(id: $id) { availability(checkIn: $in, checkOut: $out, guests: 2) {
                roomType { id } available totalPrice { amount currency } } }
            }""";

    static final String CREATE = """
            mutation TracedBooking($input: CreateBookingInput!, $key: ID!) {
              createBooking(input: $input, idempotencyKey: $key) {
                __typename
                ... on BookingConfirmed { booking { id } }
              }
            }""";

    @Test
    void aBookingIsOneTraceFromTheRouterToTheConsumerOfItsEvent() {
        Keycloak keycloak = Stay.platform().engines().keycloak();
        String viewer = Stay.platform().engines().traceViewer().url();
        DemoWorld.Hotel hotel = DemoWorld.small().hotels().stream()
                .filter(h -> h.ownerId().equals(DemoAccounts.OWNER.id())).findFirst().orElseThrow();
        String email = "traced-" + UUID.randomUUID() + "@stay.example";
        keycloak.register(email, "traced-local-dev-password", "Traced", "Guest");
        String traceId = hex(16);
        StayClient guest = Stay.client().withToken(keycloak.passwordToken(email, "traced-local-dev-password"))
                .withHeader("traceparent", "00-" + traceId + "-" + hex(8) + "-01");

        LocalDate checkIn = LocalDate.now().plusDays(120);
        JsonNode booked = guest.send(CREATE, Map.of("input", offer(guest, hotel, checkIn), "key", UUID.randomUUID().toString()))
                .data().path("createBooking");
        assertThat(booked.path("__typename").asString()).as(booked.toString()).isEqualTo("BookingConfirmed");

        Map<String, Predicate<JsonNode>> wanted = Map.of(
                "the router", span -> service(span, "router"),
                "booking's GraphQL mutation", span -> service(span, "booking") && span.path("name").asString().contains("graphql"),
                "booking's SQL", span -> service(span, "booking") && hasTagStartingWith(span, "jdbc"),
                "the payment provider's call", span -> service(span, "booking") && "CLIENT".equals(span.path("kind").asString())
                        && span.path("name").asString().contains("payment"),
                "the outbox relay's send", span -> service(span, "booking") && "PRODUCER".equals(span.path("kind").asString()),
                "a consumer in another subgraph", span -> "CONSUMER".equals(span.path("kind").asString()) && !service(span, "booking"));
        List<JsonNode> trace = await("every part of trace " + traceId + " in " + viewer).atMost(Duration.ofSeconds(60))
                .pollInterval(Duration.ofMillis(500))
                .until(() -> spans(viewer, traceId), spans -> wanted.values().stream().allMatch(want -> spans.stream().anyMatch(want)));

        assertThat(trace).allSatisfy(span -> assertThat(span.path("traceId").asString()).isEqualTo(traceId));
        List<String> sends = trace.stream().filter(wanted.get("the outbox relay's send")).map(span -> span.path("id").asString())
                .toList();
        assertThat(trace.stream().filter(wanted.get("a consumer in another subgraph")).map(span -> span.path("parentId").asString()))
                .as("each consumer continues one of the relay's sends").allMatch(sends::contains);
    }

    private static Map<String, Object> offer(StayClient guest, DemoWorld.Hotel hotel, LocalDate checkIn) {
        JsonNode offer = guest.send(AVAILABILITY, Map.of("id", hotel.id().toString(), "in", checkIn.toString(),
                "out", checkIn.plusDays(1).toString())).data().path("hotel").path("availability").path(0);
        assertThat(offer.isMissingNode()).as("an offer").isFalse();
        Map<String, Object> input = new HashMap<>();
        input.put("hotelId", hotel.id().toString());
        input.put("roomTypeId", offer.path("roomType").path("id").asString());
        input.put("checkIn", checkIn.toString());
        input.put("checkOut", checkIn.plusDays(1).toString());
        input.put("guests", 2);
        input.put("rooms", 1);
        input.put("quotedTotal", Map.of("amount", offer.path("totalPrice").path("amount").asString(),
                "currency", offer.path("totalPrice").path("currency").asString()));
        input.put("paymentToken", "tok_ok");
        return input;
    }

    /** The trace's spans as the viewer holds them now: none until its first span arrived. */
    private static List<JsonNode> spans(String viewer, String traceId) throws Exception {
        HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create(viewer + "/api/v2/trace/" + traceId))
                .timeout(Duration.ofSeconds(5)).build(), HttpResponse.BodyHandlers.ofString());
        List<JsonNode> spans = new ArrayList<>();
        if (response.statusCode() == 200) {
            JSON.readTree(response.body()).forEach(spans::add);
        }
        return spans;
    }

    private static boolean service(JsonNode span, String name) {
        return name.equals(span.path("localEndpoint").path("serviceName").asString());
    }

    private static boolean hasTagStartingWith(JsonNode span, String prefix) {
        List<String> keys = new ArrayList<>();
        span.path("tags").propertyNames().forEach(keys::add);
        return keys.stream().anyMatch(key -> key.startsWith(prefix)) || span.path("name").asString().startsWith(prefix);
    }

    private static String hex(int bytes) {
        byte[] random = new byte[bytes];
        new SecureRandom().nextBytes(random);
        return HexFormat.of().formatHex(random);
    }
}
