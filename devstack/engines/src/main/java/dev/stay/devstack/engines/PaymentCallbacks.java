package dev.stay.devstack.engines;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.extension.Parameters;
import com.github.tomakehurst.wiremock.extension.ServeEventListener;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The payment stub's webhook, as the real provider calls booking back: after a stub that names this listener
 * ({@code "serveEventListeners": [{"name": "stay-payment-callback", "parameters": {"type": "charge.succeeded"}}]})
 * has answered a charge (whether or not its client still waited), an event {@code {id, type, created, data: {id, idempotencyKey, amount, currency}}} is posted
 * to the URL given by {@link ProviderStub#callBackTo} once the stub's answer is due, signed {@code Payment-Signature: t=<unix>,v1=<HMAC-SHA256 of
 * t.body>}, and sent again (up to three times, a second apart) until it is answered 2xx. Until a URL is given it
 * sends nothing: subgraph tests play the provider's callbacks themselves.
 */
final class PaymentCallbacks implements ServeEventListener {

    static final String NAME = "stay-payment-callback";
    private static final Logger log = LoggerFactory.getLogger(PaymentCallbacks.class);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(2)).build();

    private record Target(URI url, byte[] secret) {}

    private volatile Target target;

    @Override
    public String getName() {
        return NAME;
    }

    void callBackTo(URI url, String secret) {
        target = new Target(url, secret.getBytes(StandardCharsets.UTF_8));
    }

    /**
     * Called once the answer is rendered, before it is written: a client that gave up (the point of
     * {@code tok_timeout}) is never told, so the event is sent on its own thread once the stub's delay has passed.
     */
    @Override
    public void beforeResponseSent(ServeEvent served, Parameters parameters) {
        Target to = target;
        if (to == null || served.getResponse() == null || served.getResponse().getStatus() >= 300) {
            return;
        }
        String body = event(served, parameters.getString("type", "charge.succeeded"));
        Integer delay = served.getResponseDefinition().getFixedDelayMilliseconds();
        Thread.ofVirtual().name("payment-callback").start(() -> {
            try {
                Thread.sleep(delay == null ? 0 : delay);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
            send(to, body);
        });
    }

    private static String event(ServeEvent served, String type) {
        try {
            JsonNode charge = JSON.readTree(served.getRequest().getBodyAsString());
            JsonNode answer = JSON.readTree(served.getResponse().getBodyAsString());
            Map<String, Object> data = new LinkedHashMap<>();
            data.put("id", answer.path("id").asText());
            data.put("idempotencyKey", served.getRequest().getHeader("Idempotency-Key"));
            data.put("amount", charge.path("amount").asText());
            data.put("currency", charge.path("currency").asText());
            Map<String, Object> event = new LinkedHashMap<>();
            event.put("id", "evt_" + UUID.randomUUID());
            event.put("type", type);
            event.put("created", Instant.now().getEpochSecond());
            event.put("data", data);
            return JSON.writeValueAsString(event);
        } catch (java.io.IOException e) {
            throw new IllegalStateException("the charge the stub answered is not JSON", e);
        }
    }

    private static void send(Target to, String body) {
        for (int attempt = 1; attempt <= 3; attempt++) {
            try {
                HttpResponse<String> answer = HTTP.send(HttpRequest.newBuilder(to.url())
                        .header("Content-Type", "application/json")
                        .header("Payment-Signature", sign(to.secret(), body, Instant.now()))
                        .timeout(Duration.ofSeconds(10))
                        .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
                if (answer.statusCode() < 300) {
                    return;
                }
                log.warn("payment callback answered {}: {}", answer.statusCode(), answer.body());
                Thread.sleep(1000L * attempt);
            } catch (java.io.IOException e) {
                log.warn("payment callback to {} failed: {}", to.url(), e.toString());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    static String sign(byte[] secret, String body, Instant at) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret, "HmacSHA256"));
            mac.update((at.getEpochSecond() + ".").getBytes(StandardCharsets.US_ASCII));
            return "t=" + at.getEpochSecond() + ",v1="
                    + HexFormat.of().formatHex(mac.doFinal(body.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
