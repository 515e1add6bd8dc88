package dev.stay.catalog.search;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.stay.catalog.search.SearchFixtures.Spec;
import dev.stay.common.observability.StoreCalls;
import dev.stay.common.security.RouterSignature;
import dev.stay.common.security.SecuritySettings;
import dev.stay.common.test.SubgraphTest;
import dev.stay.devstack.engines.Engines;
import io.micrometer.core.instrument.MeterRegistry;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.context.Context;
import io.opentelemetry.sdk.trace.ReadWriteSpan;
import io.opentelemetry.sdk.trace.ReadableSpan;
import io.opentelemetry.sdk.trace.SpanProcessor;
import io.opentelemetry.sdk.trace.data.SpanData;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.function.Predicate;
import org.jooq.DSLContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A dated search sent as the router sends it, with a client's {@code traceparent}, is one trace that holds its calls
 * to Redis (the page cache) and to OpenSearch (the query), as client spans that name the store, the operation and the
 * index, and never what the guest typed. Spans are read from a span processor added to the application's tracer, so
 * they are exactly the ones the trace viewer would get.
 */
@SubgraphTest
@Import(StoreSpansIT.Recorded.class)
class StoreSpansIT {

    static final String SEARCH = """
            query DatedSearch($input: HotelSearchInput!) { searchHotels(input: $input) { totalCount edges { node { name } } } }""";
    static final HttpClient HTTP = HttpClient.newHttpClient();

    @LocalServerPort int port;
    @Autowired SecuritySettings security;
    @Autowired SearchProperties search;
    @Autowired JsonMapper json;
    @Autowired DSLContext db;
    @Autowired PropertyIndexer indexer;
    @Autowired SearchCache cache;
    @Autowired Recorded recorded;
    @Autowired MeterRegistry meters;
    String city;

    @BeforeEach
    void aHotelInACityOfItsOwn() {
        city = SearchFixtures.aCity();
        SearchFixtures fixtures = new SearchFixtures(db, indexer);
        fixtures.indexed(List.of(fixtures.aHotel(new Spec("Traced", city, 4, null, 0, 0.33, 6.73))));
    }

    @AfterEach
    void restoreRedis() {
        Engines.shared().redis().start();
        cache.breaker().transitionToClosedState();
    }

    @Test
    void aDatedSearchIsOneTraceWithItsRedisAndOpenSearchCalls() throws Exception {
        String traceId = hex(16);

        JsonNode answer = search(traceId);

        assertThat(answer.path("errors").isMissingNode()).as(answer.toString()).isTrue();
        List<SpanData> stores = storeSpans(traceId, spans -> spans.stream().anyMatch(system("redis"))
                && spans.stream().anyMatch(system("opensearch")));
        assertThat(stores).allSatisfy(span -> {
            assertThat(span.getKind()).isEqualTo(SpanKind.CLIENT);
            assertThat(span.getParentSpanContext().isValid()).as("a child of the request's spans").isTrue();
        });
        assertThat(stores.stream().filter(system("redis")).map(span -> attribute(span, StoreCalls.OPERATION)))
                .as("the page looked up, then stored").contains("MGET", "SETEX");
        SpanData query = stores.stream().filter(system("opensearch"))
                .filter(span -> "search".equals(attribute(span, StoreCalls.OPERATION))).findFirst().orElseThrow();
        assertThat(attribute(query, StoreCalls.COLLECTION)).isEqualTo(search.alias());
        assertThat(query.getName()).isEqualTo("opensearch search " + search.alias());
        assertNothingTheGuestTyped(stores);
        assertThat(meters.get(StoreCalls.NAME).tags(StoreCalls.SYSTEM, "opensearch", StoreCalls.OPERATION, "search").timer()
                .count()).as("timed by store and operation too").isPositive();
    }

    @Test
    void withRedisStoppedTheSearchAnswersFromOpenSearchAndTheRedisSpanCarriesTheFailure() throws Exception {
        Engines.shared().redis().stop();
        String traceId = hex(16);

        JsonNode answer = search(traceId);

        assertThat(answer.path("errors").isMissingNode()).as(answer.toString()).isTrue();
        assertThat(answer.path("data").path("searchHotels").path("totalCount").isNumber()).as(answer.toString()).isTrue();
        List<SpanData> stores = storeSpans(traceId, spans -> spans.stream().anyMatch(system("redis"))
                && spans.stream().anyMatch(system("opensearch")));
        assertThat(stores.stream().filter(system("redis")))
                .allSatisfy(span -> assertThat(span.getStatus().getStatusCode()).isEqualTo(StatusCode.ERROR));
        assertThat(stores.stream().filter(system("opensearch")))
                .allSatisfy(span -> assertThat(span.getStatus().getStatusCode()).isNotEqualTo(StatusCode.ERROR));
        assertNothingTheGuestTyped(stores);
    }

    /** The city (and its folded form) is the guest's input: no span name or attribute may hold it. */
    private void assertNothingTheGuestTyped(List<SpanData> stores) {
        String suffix = city.substring(city.lastIndexOf(' ') + 1).toLowerCase(Locale.ROOT);
        assertThat(stores).allSatisfy(span -> {
            assertThat(span.getName().toLowerCase(Locale.ROOT)).doesNotContain(suffix);
            span.getAttributes().forEach((key, value) ->
                    assertThat(String.valueOf(value).toLowerCase(Locale.ROOT)).as(key.getKey()).doesNotContain(suffix));
        });
    }

    private JsonNode search(String traceId) throws Exception {
        LocalDate checkIn = LocalDate.now().plusDays(45);
        String body = json.writeValueAsString(Map.of("query", SEARCH, "operationName", "DatedSearch", "variables",
                Map.of("input", Map.of("city", city, "checkIn", checkIn.toString(), "checkOut", checkIn.plusDays(2).toString(),
                        "guests", 2))));
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/graphql"))
                .header("Content-Type", "application/json")
                .header("traceparent", "00-" + traceId + "-" + hex(8) + "-01")
                .header(RouterSignature.HEADER, new RouterSignature(security.signingSecret())
                        .sign(body.getBytes(StandardCharsets.UTF_8), Instant.now()))
                .POST(HttpRequest.BodyPublishers.ofString(body)).timeout(Duration.ofSeconds(30)).build();
        HttpResponse<String> response = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return json.readTree(response.body());
    }

    private List<SpanData> storeSpans(String traceId, Predicate<List<SpanData>> complete) {
        return await("the store spans of trace " + traceId).atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(100))
                .until(() -> recorded.spans.stream().filter(span -> span.getTraceId().equals(traceId))
                        .filter(span -> attribute(span, StoreCalls.SYSTEM) != null).toList(), complete);
    }

    private static Predicate<SpanData> system(String name) {
        return span -> name.equals(attribute(span, StoreCalls.SYSTEM));
    }

    private static String attribute(SpanData span, String key) {
        return span.getAttributes().get(AttributeKey.stringKey(key));
    }

    private static String hex(int bytes) {
        byte[] random = new byte[bytes];
        new SecureRandom().nextBytes(random);
        return HexFormat.of().formatHex(random);
    }

    /** Every span the application ends, as an exporter would get it: the tracer takes every SpanProcessor bean. */
    @TestConfiguration(proxyBeanMethods = false)
    static class Recorded implements SpanProcessor {

        final ConcurrentLinkedQueue<SpanData> spans = new ConcurrentLinkedQueue<>();

        @Override
        public void onStart(Context parent, ReadWriteSpan span) {
        }

        @Override
        public boolean isStartRequired() {
            return false;
        }

        @Override
        public void onEnd(ReadableSpan span) {
            spans.add(span.toSpanData());
        }

        @Override
        public boolean isEndRequired() {
            return true;
        }
    }
}
