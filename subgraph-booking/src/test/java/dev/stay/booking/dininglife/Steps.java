package dev.stay.booking.dininglife;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static dev.stay.booking.dininglife.DiningFixtures.paymentProvider;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import dev.stay.common.test.SignedIn;
import java.util.List;
import java.util.UUID;
import org.springframework.graphql.test.tester.GraphQlTester;
import org.springframework.graphql.test.tester.WebGraphQlTester;
import tools.jackson.databind.json.JsonMapper;

/** The restaurant's three steps as a caller sends them, and what the payment provider was asked to refund. */
record Steps(WebGraphQlTester graphQl, JsonMapper json) {

    static final String STEP_FIELDS = """
            __typename
            ... on ReservationUpdated { refund { amount currency } refundPending
                                        reservation { id status payment { status charged { amount } refunded { amount } } } }
            ... on ReservationRejected { code field message }""";
    static final String SEAT = "mutation ($id: ID!) { markSeated(id: $id) { " + STEP_FIELDS + " } }";
    static final String COMPLETE = "mutation ($id: ID!, $key: ID!) { completeReservation(id: $id, idempotencyKey: $key) { "
            + STEP_FIELDS + " } }";
    static final String NO_SHOW = "mutation ($id: ID!, $key: ID!) { markReservationNoShow(id: $id, idempotencyKey: $key) { "
            + STEP_FIELDS + " } }";

    /** The stub's first answer in a JVM may come after the short read timeout: one call first, as hotels' tests do. */
    static void warmUpTheProvider() throws Exception {
        var http = java.net.http.HttpClient.newHttpClient();
        var warmUp = java.net.http.HttpRequest.newBuilder(java.net.URI.create(paymentProvider().baseUrl() + "/v1/refunds"))
                .header("Content-Type", "application/json").header("Idempotency-Key", "warm-up-" + UUID.randomUUID())
                .POST(java.net.http.HttpRequest.BodyPublishers.ofString("{\"chargeId\":\"ch_warm\",\"amount\":\"1.00\"}"))
                .build();
        assertThat(http.send(warmUp, java.net.http.HttpResponse.BodyHandlers.ofString()).statusCode()).isEqualTo(201);
    }

    static List<LoggedRequest> refundsOf(UUID reservation) {
        return paymentProvider().findAll(postRequestedFor(urlEqualTo("/v1/refunds"))
                .withHeader("Idempotency-Key", equalTo(LifecycleSteps.completionRefundKey(reservation))));
    }

    GraphQlTester.Response step(String mutation, UUID viewer, String role, UUID id, String key) {
        SignedIn.as(viewer, role);
        try {
            return graphQl.document(mutation).variable("id", id.toString()).variable("key", key).execute();
        } finally {
            SignedIn.nobody();
        }
    }

    GraphQlTester.Response raw(String mutation, UUID owner, String id, String key) {
        SignedIn.as(owner, "owner");
        try {
            return graphQl.document(mutation).variable("id", id).variable("key", key).execute();
        } finally {
            SignedIn.nobody();
        }
    }

    static String field(String mutation) {
        return mutation.equals(SEAT) ? "markSeated" : mutation.equals(COMPLETE) ? "completeReservation"
                : "markReservationNoShow";
    }

    static String code(GraphQlTester.Response response, String field) {
        return response.path(field + ".code").entity(String.class).get();
    }

    static String typename(GraphQlTester.Response response, String field) {
        return response.path(field + ".__typename").entity(String.class).get();
    }

    String body(GraphQlTester.Response response, String field) {
        return json.writeValueAsString(response.path(field).entity(Object.class).get());
    }
}
