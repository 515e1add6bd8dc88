package dev.stay.booking.notify;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * The messaging provider's HTTP API: {@code POST /v1/messages} {channel: email | sms, to, subject, body, reference}
 * with an {@code Idempotency-Key} answers 201 {id, status} when it sends, and 200 with the same message when that key
 * was sent before (it sends nothing then). Anything else fails the send: 5xx, a timeout or a broken connection may be
 * tried again with the same key; 4xx is the provider refusing the message.
 */
@Component
class MessagingProvider {

    /** The send did not go through; the caller tries again later with the same key, or gives up to the DLT. */
    static class NotSent extends RuntimeException {
        NotSent(String message, Throwable cause) {
            super(message, cause);
        }
    }

    private final NotifyProperties settings;
    private final JsonMapper json;
    private final HttpClient http;

    MessagingProvider(NotifyProperties settings, JsonMapper json) {
        this.settings = settings;
        this.json = json;
        this.http = HttpClient.newBuilder().connectTimeout(settings.connectTimeout())
                .version(HttpClient.Version.HTTP_1_1).build();
    }

    /** @return the provider's message id, the same for every send with this key */
    String send(String idempotencyKey, Channel channel, String to, Message message, String reference) {
        Map<String, String> body = new LinkedHashMap<>();
        body.put("channel", channel.wire);
        body.put("to", to);
        if (message.subject() != null) {
            body.put("subject", message.subject());
        }
        body.put("body", message.body());
        body.put("reference", reference);
        HttpRequest request = HttpRequest.newBuilder(uri("/v1/messages"))
                .header("Content-Type", "application/json")
                .header("Idempotency-Key", idempotencyKey)
                .timeout(settings.readTimeout())
                .POST(HttpRequest.BodyPublishers.ofString(json.writeValueAsString(body)))
                .build();
        HttpResponse<String> response;
        try {
            response = http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new NotSent(channel + " " + idempotencyKey + ": provider unreachable or too slow (" + e + ")", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new NotSent(channel + " " + idempotencyKey + ": interrupted", e);
        }
        if (response.statusCode() != 201 && response.statusCode() != 200) {
            throw new NotSent(channel + " " + idempotencyKey + ": provider answered " + response.statusCode() + " "
                    + abbreviate(response.body()), null);
        }
        try {
            return json.readTree(response.body()).path("id").asString(null);
        } catch (RuntimeException e) {
            return null; // sent all the same: the id is only for the record
        }
    }

    private static String abbreviate(String body) {
        return body == null ? "" : body.length() <= 200 ? body : body.substring(0, 200) + "...";
    }

    private URI uri(String path) {
        String base = settings.url().toString();
        return URI.create((base.endsWith("/") ? base.substring(0, base.length() - 1) : base) + path);
    }
}
