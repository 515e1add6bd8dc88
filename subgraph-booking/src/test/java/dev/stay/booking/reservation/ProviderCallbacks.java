package dev.stay.booking.reservation;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.UUID;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The payment provider calling booking back over real HTTP, as it does in production: events signed with HMAC-SHA256
 * over {@code t.body}, written here apart from the subgraph's own code so that a test proves the scheme, not a copy.
 */
public record ProviderCallbacks(int port) {

    /** The local profile's published webhook key, which the tests' subgraph uses. */
    public static final String LOCAL_SECRET = "stay-local-dev-payment-webhook-secret";
    static final String PATH = "/webhooks/payments";
    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();

    record Answer(int status, String body) {}

    /** Signed now with the provider's key. */
    Answer send(String body) {
        return send(body, sign(LOCAL_SECRET, body.getBytes(StandardCharsets.UTF_8), Instant.now()));
    }

    Answer send(String body, String signature) {
        return send(HttpRequest.BodyPublishers.ofString(body), signature);
    }

    /** Sent chunked, without a Content-Length: the server learns its size only by reading it. */
    Answer sendChunked(byte[] body, String signature) {
        return send(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(body)), signature);
    }

    private Answer send(HttpRequest.BodyPublisher body, String signature) {
        var request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + PATH))
                .header("Content-Type", "application/json").timeout(Duration.ofSeconds(20)).POST(body);
        if (signature != null) {
            request.header("Payment-Signature", signature);
        }
        try {
            HttpResponse<String> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
            return new Answer(response.statusCode(), response.body());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public static String sign(String secret, byte[] body, Instant at) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            mac.update((at.getEpochSecond() + ".").getBytes(StandardCharsets.US_ASCII));
            return "t=" + at.getEpochSecond() + ",v1=" + HexFormat.of().formatHex(mac.doFinal(body));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** {@code charge.succeeded} for the booking's charge, under a new event id unless one is given. */
    public static String succeeded(String eventId, UUID booking, String amount) {
        return event(eventId, "charge.succeeded", PaymentSettlement.chargeKey(booking), amount);
    }

    static String failed(String eventId, UUID booking, String amount) {
        return event(eventId, "charge.failed", PaymentSettlement.chargeKey(booking), amount);
    }

    static String event(String eventId, String type, String idempotencyKey, String amount) {
        return """
                {"id":"%s","type":"%s","created":%d,
                 "data":{"id":"ch_%s","idempotencyKey":"%s","amount":"%s","currency":"EUR"}}"""
                .formatted(eventId, type, Instant.now().getEpochSecond(), idempotencyKey, idempotencyKey, amount);
    }

    static String newEventId() {
        return "evt_" + UUID.randomUUID();
    }
}
