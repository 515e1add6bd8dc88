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
import java.util.Map;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** A client of the public API, as an app would be: typed queries over HTTP to the router. */
final class StayClient {

    private static final Map<Class<?>, Coercing<?, ?>> SCALARS = Map.of(LocalDate.class, ExtendedScalars.Date.getCoercing());

    // HTTP/1.1: the gateway refuses an h2c upgrade on POST
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();
    private final JsonMapper json = JsonMapper.builder().build();
    private final URI endpoint;

    StayClient(String endpoint) {
        this.endpoint = URI.create(endpoint);
    }

    JsonNode query(GraphQLQuery query, BaseProjectionNode projection) {
        return post(new GraphQLQueryRequest(query, projection, SCALARS).serialize());
    }

    /** The whole response: {@code data} and, when there are any, {@code errors}. */
    JsonNode post(String document) {
        String body = json.writeValueAsString(Map.of("query", document));
        HttpRequest request = HttpRequest.newBuilder(endpoint)
                .timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/json")
                .header("Accept", "application/graphql-response+json, application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build();
        try {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            return json.readTree(response.body());
        } catch (IOException e) {
            throw new IllegalStateException("router did not answer: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }
}
