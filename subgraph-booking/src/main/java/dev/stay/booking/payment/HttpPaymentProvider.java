package dev.stay.booking.payment;

import io.micrometer.observation.ObservationRegistry;
import java.io.IOException;
import java.math.BigDecimal;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The provider's HTTP API: {@code POST /v1/charges} {amount, currency, token, reference} with an
 * {@code Idempotency-Key} answers 201 {id, status: succeeded | declined}; {@code GET /v1/charges?idempotencyKey=}
 * answers 200 {id, status} or 404; {@code POST /v1/refunds} {chargeId, amount} with an {@code Idempotency-Key}
 * answers 201. Anything else (timeout, reset, 5xx, a body it cannot read) is {@link Status#UNKNOWN}, never a decline:
 * only the provider may say that no money was taken.
 */
@Component
@EnableConfigurationProperties(PaymentProperties.class)
class HttpPaymentProvider implements PaymentProvider {

    private static final Logger log = LoggerFactory.getLogger(HttpPaymentProvider.class);

    private final PaymentProperties settings;
    private final JsonMapper json;
    private final HttpClient http;
    private final PaymentCalls calls;

    HttpPaymentProvider(PaymentProperties settings, JsonMapper json, ObjectProvider<ObservationRegistry> observations) {
        this.settings = settings;
        this.json = json;
        this.calls = new PaymentCalls(observations.getIfAvailable(() -> ObservationRegistry.NOOP));
        this.http = HttpClient.newBuilder().connectTimeout(settings.connectTimeout())
                .version(HttpClient.Version.HTTP_1_1).build();
    }

    @Override
    public Charge charge(String idempotencyKey, BigDecimal amount, String currency, String token, String reference) {
        String body = json.writeValueAsString(Map.of("amount", amount.toPlainString(), "currency", currency,
                "token", token, "reference", reference));
        for (int attempt = 1; ; attempt++) {
            try {
                HttpResponse<String> response = send(post("/v1/charges", idempotencyKey, body));
                if (response.statusCode() == 201 || response.statusCode() == 200) {
                    return read(response.body());
                }
                if (response.statusCode() == 402) {
                    return new Charge(Status.DECLINED, null);
                }
                log.warn("payment provider answered {} to charge {}", response.statusCode(), idempotencyKey);
                if (response.statusCode() < 500 || attempt >= settings.attempts()) {
                    return Charge.unknown();
                }
            } catch (HttpTimeoutException timeout) {
                log.warn("payment provider did not answer charge {} in time", idempotencyKey);
                return Charge.unknown(); // it may still be charging: the reconciliation asks by key
            } catch (IOException e) {
                log.warn("payment provider failed on charge {}: {}", idempotencyKey, e.toString());
                if (attempt >= settings.attempts()) {
                    return Charge.unknown();
                }
            }
        }
    }

    @Override
    public Charge find(String idempotencyKey) {
        try {
            HttpResponse<String> response = send(HttpRequest.newBuilder(uri("/v1/charges?idempotencyKey="
                    + URLEncoder.encode(idempotencyKey, StandardCharsets.UTF_8))).GET());
            return switch (response.statusCode()) {
                case 200 -> read(response.body());
                case 404 -> new Charge(Status.NOT_FOUND, null);
                default -> Charge.unknown();
            };
        } catch (IOException e) {
            log.warn("payment provider lookup of {} failed: {}", idempotencyKey, e.toString());
            return Charge.unknown();
        }
    }

    @Override
    public boolean refund(String idempotencyKey, String chargeId, BigDecimal amount) {
        String body = json.writeValueAsString(Map.of("chargeId", chargeId, "amount", amount.toPlainString()));
        try {
            int status = send(post("/v1/refunds", idempotencyKey, body)).statusCode();
            return status == 201 || status == 200;
        } catch (IOException e) {
            log.warn("payment provider refund {} failed: {}", idempotencyKey, e.toString());
            return false;
        }
    }

    private Charge read(String body) {
        try {
            JsonNode node = json.readTree(body);
            Status status = switch (node.path("status").asString("")) {
                case "succeeded" -> Status.SUCCEEDED;
                case "declined" -> Status.DECLINED;
                default -> Status.UNKNOWN;
            };
            return new Charge(status, node.path("id").asString(null));
        } catch (RuntimeException e) {
            log.warn("payment provider answered a body that is not a charge: {}", e.toString());
            return Charge.unknown();
        }
    }

    private HttpRequest.Builder post(String path, String idempotencyKey, String body) {
        return HttpRequest.newBuilder(uri(path))
                .header("Content-Type", "application/json")
                .header("Idempotency-Key", idempotencyKey)
                .POST(HttpRequest.BodyPublishers.ofString(body));
    }

    private URI uri(String pathAndQuery) {
        String base = settings.url().toString();
        return URI.create((base.endsWith("/") ? base.substring(0, base.length() - 1) : base) + pathAndQuery);
    }

    private HttpResponse<String> sendNow(HttpRequest request) throws IOException {
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        }
    }

    private HttpResponse<String> send(HttpRequest.Builder request) throws IOException {
        return calls.observe(request.timeout(settings.readTimeout()), this::sendNow);
    }
}
