package dev.stay.catalog.search;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import org.apache.hc.core5.http.HttpHost;
import org.apache.hc.core5.util.Timeout;
import org.opensearch.client.opensearch.OpenSearchClient;
import org.opensearch.client.opensearch.generic.Body;
import org.opensearch.client.opensearch.generic.OpenSearchGenericClient;
import org.opensearch.client.opensearch.generic.Requests;
import org.opensearch.client.opensearch.generic.Response;
import org.opensearch.client.transport.httpclient5.ApacheHttpClient5Transport;
import org.opensearch.client.transport.httpclient5.ApacheHttpClient5TransportBuilder;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.NullNode;

/**
 * The OpenSearch node or cluster, through opensearch-java's transport. Queries are written as JSON trees (the
 * shape OpenSearch documents them in) and sent with the client's generic API; every call is bounded by
 * {@code stay.search.timeout}.
 */
@Component
public class SearchEngine implements DisposableBean {

    /** What OpenSearch answered, with its status: 404 and 409 are answers callers handle, not failures. */
    public record Answer(int status, JsonNode body) {
        public boolean ok() {
            return status >= 200 && status < 300;
        }
    }

    private final ApacheHttpClient5Transport transport;
    private final OpenSearchGenericClient client;
    private final JsonMapper json;

    SearchEngine(SearchProperties settings, JsonMapper json) {
        HttpHost host = new HttpHost(settings.url().getScheme(), settings.url().getHost(),
                settings.url().getPort() < 0 ? 9200 : settings.url().getPort());
        Timeout timeout = Timeout.ofMilliseconds(settings.timeout().toMillis());
        this.transport = ApacheHttpClient5TransportBuilder.builder(host)
                .setRequestConfigCallback(config -> config.setConnectionRequestTimeout(timeout).setResponseTimeout(timeout))
                .build();
        this.client = new OpenSearchClient(transport).generic();
        this.json = json;
    }

    /** @throws SearchUnavailable when OpenSearch cannot be reached or fails (5xx) */
    public Answer call(String method, String path, Object body) {
        try {
            var request = Requests.builder().method(method).endpoint(path);
            if (body != null) {
                if (body instanceof AliasedIndex.NdJson bulk) {
                    request.body(Body.from(bulk.lines().getBytes(StandardCharsets.UTF_8), "application/x-ndjson"));
                } else {
                    request.json(body instanceof String text ? text : json.writeValueAsString(body));
                }
            }
            try (Response response = client.execute(request.build())) {
                JsonNode answer = response.getBody().map(b -> json.readTree(b.bodyAsString()))
                        .orElse(NullNode.getInstance());
                if (response.getStatus() >= 500) {
                    throw new SearchUnavailable(method + " " + path + ": " + response.getStatus());
                }
                return new Answer(response.getStatus(), answer);
            }
        } catch (IOException | UncheckedIOException e) {
            throw new SearchUnavailable(method + " " + path + ": " + e.getMessage());
        }
    }

    /** Like {@link #call} but anything other than 2xx is a failure. */
    public JsonNode ok(String method, String path, Object body) {
        Answer answer = call(method, path, body);
        if (!answer.ok()) {
            throw new IllegalStateException(method + " " + path + " answered " + answer.status() + ": " + answer.body());
        }
        return answer.body();
    }

    /** A search of an alias: the answer, or null when no index is behind the alias yet. */
    public JsonNode search(String alias, Object body) {
        Answer answer = call("POST", "/" + alias + "/_search", body);
        if (answer.status() == 404) {
            return null;
        }
        if (!answer.ok()) {
            throw new IllegalStateException("search of " + alias + " answered " + answer.status() + ": " + answer.body());
        }
        return answer.body();
    }

    public JsonMapper json() {
        return json;
    }

    @Override
    public void destroy() throws IOException {
        transport.close();
    }
}
