package dev.stay.devstack.engines;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import com.sun.net.httpserver.HttpServer;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HexFormat;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;

/**
 * The payment stub calls booking back as the real provider does, once told where: the {@code tok_timeout} charge,
 * whose answer comes after the client gave up, is followed by a signed {@code charge.succeeded} webhook.
 */
class PaymentCallbacksTest {

    static final String SECRET = "a-webhook-secret-of-at-least-32-characters";
    static final ObjectMapper JSON = new ObjectMapper();
    static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    record Received(String signature, String body) {}

    @Test
    void aChargeTheClientGaveUpOnIsCalledBackSignedOnceAWebhookUrlIsSetAndNotBefore() throws Exception {
        BlockingQueue<Received> received = new LinkedBlockingQueue<>();
        HttpServer booking = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        booking.createContext("/webhooks/payments", exchange -> {
            received.add(new Received(exchange.getRequestHeaders().getFirst("Payment-Signature"),
                    new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8)));
            exchange.sendResponseHeaders(200, -1);
            exchange.close();
        });
        booking.start();
        ProviderStub payment = ProviderStub.embedded("payment", 0);
        try {
            payment.start();
            var unset = charge(payment.url(), "booking-before-charge", Duration.ofSeconds(10));
            assertThat(unset.statusCode()).isEqualTo(201);
            assertThat(received.poll(1, TimeUnit.SECONDS)).as("no webhook URL yet: no callback").isNull();

            payment.callBackTo(URI.create("http://127.0.0.1:" + booking.getAddress().getPort() + "/webhooks/payments"),
                    SECRET);
            assertThatThrownBy(() -> charge(payment.url(), "booking-after-charge", Duration.ofSeconds(1)))
                    .as("the client gives up before the answer").isInstanceOf(HttpTimeoutException.class);

            Received callback = received.poll(20, TimeUnit.SECONDS);
            assertThat(callback).as("called back").isNotNull();
            String t = callback.signature().replaceAll("^t=(\\d+),v1=.*$", "$1");
            assertThat(callback.signature()).isEqualTo("t=" + t + ",v1=" + hmac(t + "." + callback.body()));
            JsonNode event = JSON.readTree(callback.body());
            assertThat(event.path("id").asText()).startsWith("evt_");
            assertThat(event.path("type").asText()).isEqualTo("charge.succeeded");
            assertThat(event.path("data").path("id").asText()).isEqualTo("ch_booking-after-charge");
            assertThat(event.path("data").path("idempotencyKey").asText()).isEqualTo("booking-after-charge");
            assertThat(event.path("data").path("amount").asText()).isEqualTo("200.00");
            assertThat(event.path("data").path("currency").asText()).isEqualTo("EUR");
        } finally {
            payment.close();
            booking.stop(0);
        }
    }

    /** compose.yaml's WireMock container has the same mappings and not Stay's extension: it still answers. */
    @Test
    void aWireMockWithoutTheExtensionStillAnswersTheCharge() throws Exception {
        WireMockServer plain = new WireMockServer(WireMockConfiguration.options().bindAddress("127.0.0.1").port(0)
                .usingFilesUnderClasspath("wiremock/payment"));
        plain.start();
        try {
            var answer = CompletableFuture.supplyAsync(() -> {
                try {
                    return charge("http://127.0.0.1:" + plain.port(), "booking-plain-charge", Duration.ofSeconds(10));
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            }).get(15, TimeUnit.SECONDS);
            assertThat(answer.statusCode()).isEqualTo(201);
            assertThat(answer.body()).contains("succeeded");
        } finally {
            plain.stop();
        }
    }

    private static HttpResponse<String> charge(String base, String key, Duration timeout) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create(base + "/v1/charges"))
                .header("Content-Type", "application/json").header("Idempotency-Key", key).timeout(timeout)
                .POST(HttpRequest.BodyPublishers.ofString(
                        "{\"amount\":\"200.00\",\"currency\":\"EUR\",\"token\":\"tok_timeout\",\"reference\":\"STY-AAAAAA\"}"))
                .build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String hmac(String signed) throws Exception {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(SECRET.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        return HexFormat.of().formatHex(mac.doFinal(signed.getBytes(StandardCharsets.UTF_8)));
    }
}
