package dev.stay.booking;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stay.booking.reservation.ProviderCallbacks;
import dev.stay.common.test.RouterOnlyContract;
import dev.stay.common.test.SubgraphTest;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The booking subgraph answers only the router: every spelling of the path, unsigned, is refused. Its one exception,
 * the payment provider's {@code POST /webhooks/payments}, is open to that exact request line only, and checked by the
 * provider's own signature: no other spelling, method or path gets through with it, and it opens nothing else.
 */
@SubgraphTest
class RouterOnlyIT extends RouterOnlyContract {

    static final String EVENT = ProviderCallbacks.succeeded("evt_" + UUID.randomUUID(), UUID.randomUUID(), "1.00");

    @Test
    void theWebhookAnswersUnsignedByTheRouterButChecksTheProvidersSignature() throws IOException {
        var signed = webhook("/webhooks/payments", EVENT, providerSignature(EVENT));
        var unsigned = webhook("/webhooks/payments", EVENT, null);

        assertThat(signed.status()).as(signed.body()).isEqualTo(200);
        assertThat(signed.body()).contains("UNKNOWN_PAYMENT");
        assertThat(unsigned.status()).isEqualTo(401);
        assertThat(unsigned.body()).contains("INVALID_SIGNATURE");
    }

    /** Other spellings of the webhook's path, with a valid provider signature: the router-only rule answers them. */
    @ParameterizedTest
    @ValueSource(strings = {"/webhooks/payments/", "/webhooks/payments;a=b", "/webhooks/payments%3Ba=b",
            "/webhooks/%70ayments", "/WEBHOOKS/payments", "/Webhooks/Payments", "//webhooks/payments",
            "/webhooks//payments", "/webhooks/./payments", "/x/../webhooks/payments", "/webhooks/payments/.",
            "/webhooks/payments?x=1", "/webhooks/payments%00", "/webhooks/payments%2F", "/webhooks%2Fpayments",
            "/webhooks/payments/../../graphql", "/webhooks/payments/..%2F..%2Fgraphql", "/webhooks/payments;/../../graphql",
            "/webhooks/payments%2F..%2F..%2Fgraphql", "/webhooks/payments#x", "/webhooks/payment", "/webhooks"})
    void noOtherSpellingOfTheWebhookGetsThroughWithoutTheRoutersSignature(String path) throws IOException {
        var response = webhook(path, EVENT, providerSignature(EVENT));

        assertThat(response.status()).as(path).isBetween(400, 499);
        assertThat(response.body()).as(path).doesNotContain("outcome").doesNotContain("sdl\"");
    }

    @ParameterizedTest
    @ValueSource(strings = {"GET", "PUT", "DELETE", "PATCH", "OPTIONS", "HEAD", "post"})
    void noOtherMethodOnTheWebhookPathIsServedUnsigned(String method) throws IOException {
        byte[] bytes = EVENT.getBytes(StandardCharsets.UTF_8);
        var response = request(method + " /webhooks/payments HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n"
                + "Content-Type: application/json\r\nContent-Length: " + bytes.length + "\r\n"
                + "Payment-Signature: " + providerSignature(EVENT) + "\r\n\r\n" + EVENT, port);

        assertThat(response.status()).as(method).isBetween(400, 499);
        assertThat(response.body()).as(method).doesNotContain("outcome");
    }

    @Test
    void theProvidersSignatureOpensNoOtherPath() throws IOException {
        var graphql = webhook("/graphql", BODY, providerSignature(BODY));
        var query = webhook("/webhooks/payments", BODY, providerSignature(BODY));

        assertThat(graphql.status()).isEqualTo(401);
        assertThat(graphql.body()).contains("UNSIGNED_REQUEST").doesNotContain("sdl\"");
        assertThat(query.status()).as("a GraphQL query sent to the webhook is not an event").isEqualTo(400);
        assertThat(query.body()).contains("MALFORMED_EVENT").doesNotContain("sdl\"");
    }

    @Test
    void theRoutersSignatureDoesNotStandInForTheProviders() throws IOException {
        var response = post("/webhooks/payments", EVENT, sign(EVENT), null);

        assertThat(response.status()).isEqualTo(401);
        assertThat(response.body()).contains("INVALID_SIGNATURE");
    }

    private static String providerSignature(String body) {
        return ProviderCallbacks.sign(ProviderCallbacks.LOCAL_SECRET, body.getBytes(StandardCharsets.UTF_8),
                Instant.now());
    }

    private Response webhook(String path, String body, String signature) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        String head = "POST " + path + " HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n"
                + "Content-Type: application/json\r\nContent-Length: " + bytes.length + "\r\n"
                + (signature == null ? "" : "Payment-Signature: " + signature + "\r\n");
        return request(head + "\r\n" + body, port);
    }
}
