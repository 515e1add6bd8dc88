package dev.stay.e2e;

import com.netflix.graphql.dgs.client.codegen.BaseProjectionNode;
import com.netflix.graphql.dgs.client.codegen.GraphQLQuery;
import com.netflix.graphql.dgs.client.codegen.GraphQLQueryRequest;
import graphql.scalars.ExtendedScalars;
import graphql.schema.Coercing;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** A client of the public API, as an app would be: typed queries over HTTP to the router, with or without a token. */
final class StayClient {

    /** What came back: the HTTP status and the JSON body. */
    record Response(int status, JsonNode body) {

        JsonNode data() {
            return body.path("data");
        }

        String errorCode() {
            return body.path("errors").path(0).path("extensions").path("code").asString();
        }
    }

    private static final Map<Class<?>, Coercing<?, ?>> SCALARS = Map.of(LocalDate.class, ExtendedScalars.Date.getCoercing());
    // HTTP/1.1: the gateway refuses an h2c upgrade on POST
    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final URI endpoint;
    private final String token;
    private final Map<String, String> headers;

    StayClient(String endpoint) {
        this(URI.create(endpoint), null, Map.of());
    }

    private StayClient(URI endpoint, String token, Map<String, String> headers) {
        this.endpoint = endpoint;
        this.token = token;
        this.headers = headers;
    }

    /** The same client, signed in with this access token. */
    StayClient withToken(String accessToken) {
        return new StayClient(endpoint, accessToken, headers);
    }

    /** The access token this client sends; null when it is anonymous. */
    String token() {
        return token;
    }

    /** The same client, sending this header too (e.g. a W3C {@code traceparent}). */
    StayClient withHeader(String name, String value) {
        Map<String, String> more = new LinkedHashMap<>(headers);
        more.put(name, value);
        return new StayClient(endpoint, token, Map.copyOf(more));
    }

    JsonNode query(GraphQLQuery query, BaseProjectionNode projection) {
        return post(new GraphQLQueryRequest(query, projection, SCALARS).serialize());
    }

    /** The whole body: {@code data} and, when there are any, {@code errors}. */
    JsonNode post(String document) {
        return send(document, Map.of()).body();
    }

    /** The bytes {@link #send(String, Map)} puts on the wire for this request's body. */
    static int bodyBytes(String document, Map<String, Object> variables) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("query", document);
        body.put("variables", variables);
        return JSON.writeValueAsBytes(body).length;
    }

    Response send(String document, Map<String, Object> variables) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("query", document);
        body.put("variables", variables);
        return send(body);
    }

    /** A persisted document by id, as partners call it. */
    Response sendDocument(String documentId, Map<String, Object> variables) {
        return send(Map.of("documentId", documentId, "variables", variables));
    }

    Response send(Map<String, Object> body) {
        HttpRequest.Builder request = HttpRequest.newBuilder(endpoint)
                .timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/json")
                .header("Accept", "application/graphql-response+json, application/json")
                .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        headers.forEach(request::header);
        try {
            HttpResponse<String> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
            JsonNode json = response.body().isBlank() ? JSON.createObjectNode() : JSON.readTree(response.body());
            return new Response(response.statusCode(), json);
        } catch (IOException e) {
            throw new IllegalStateException("no answer from " + endpoint + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }
}
