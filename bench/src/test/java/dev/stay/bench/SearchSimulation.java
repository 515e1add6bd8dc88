package dev.stay.bench;

import static io.gatling.javaapi.core.CoreDsl.ByteArrayBody;
import static io.gatling.javaapi.core.CoreDsl.atOnceUsers;
import static io.gatling.javaapi.core.CoreDsl.exec;
import static io.gatling.javaapi.core.CoreDsl.global;
import static io.gatling.javaapi.core.CoreDsl.jsonPath;
import static io.gatling.javaapi.core.CoreDsl.responseTimeInMillis;
import static io.gatling.javaapi.core.CoreDsl.scenario;
import static io.gatling.javaapi.http.HttpDsl.http;
import static io.gatling.javaapi.http.HttpDsl.status;

import io.gatling.javaapi.core.CheckBuilder;
import io.gatling.javaapi.core.PopulationBuilder;
import io.gatling.javaapi.core.Session;
import io.gatling.javaapi.core.Simulation;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import redis.clients.jedis.Jedis;

/**
 * {@code searchHotels} at the scale the stack loaded ({@code -Dstay.bench.scale}, the demo's 2,000 hotels unless it
 * says more): each city of the world searched with each of three sorts (a page of 20 with facets),
 * through the router right after a FLUSHALL (<b>uncached</b>: the catalog asks OpenSearch and stores the page), then
 * the same searches again (<b>cached</b>: pages from Redis), and last the equivalent query sent to OpenSearch itself,
 * whose answers carry its own {@code took}: what the search engine spends, next to what a client waits.
 */
public class SearchSimulation extends Simulation {

    private static final String BODY = "body";
    private static final String LATENCY = "latency";
    private static final String TOOK = "took";
    private static final Duration MAX_DURATION = Duration.ofMinutes(15);
    private static final List<String> SORTS = List.of("RATING", "PRICE", "RELEVANCE");
    private static final String QUERY = "query Search($city: String!, $sort: HotelSort) { searchHotels(input: "
            + "{city: $city, sort: $sort}, first: 20) { totalCount pageInfo { hasNextPage endCursor } edges { cursor "
            + "rating node { id name stars } } facets { stars { stars count } amenities { amenity count } "
            + "ratingBands { minRating count } priceHistogram { from count } } } }";

    private final BenchSettings settings = BenchSettings.fromSystemProperties();
    private final String openSearch = System.getProperty("stay.bench.openSearchUrl");
    private final List<String> searches = searches();
    private final Phase uncached = phase("uncached: router", settings.routerUrl(), SearchSimulation::graphQl);
    private final Phase cached = phase("cached: router", settings.routerUrl(), SearchSimulation::graphQl);
    private final Phase engine = phase("OpenSearch alone", openSearch + "/catalog-properties/_search",
            SearchSimulation::openSearchQuery);
    private final List<Integer> took = new ArrayList<>();

    {
        List<PopulationBuilder> steps = new ArrayList<>();
        steps.add(load(new Phase("warm-up: router", settings.routerUrl(), SearchSimulation::graphQl, null, searches,
                Math.max(searches.size(), settings.warmUpRequests())), false));
        steps.add(load(new Phase("warm-up: OpenSearch", engine.url(), SearchSimulation::openSearchQuery, null, searches,
                searches.size()), true));
        steps.add(Steps.step("flush Redis before " + uncached.name(), this::flushRedis));
        steps.add(load(uncached, false));
        steps.add(load(cached, false));
        steps.add(load(engine, true));
        setUp(Steps.inSequence(steps))
                .protocols(http.disableWarmUp().contentTypeHeader("application/json").acceptHeader("application/json"))
                .maxDuration(MAX_DURATION)
                .assertions(global().failedRequests().count().is(0L));
    }

    @Override
    public void after() {
        StringBuilder out = new StringBuilder(String.format(Locale.ROOT,
                "Run of %s at scale %s: %d searches a phase (%d cities × %d sorts, 20 a page with facets), %d "
                        + "concurrent users; "
                        + "latencies in ms%n%n", OffsetDateTime.now(ZoneOffset.UTC).truncatedTo(ChronoUnit.SECONDS),
                System.getProperty("stay.bench.scale", "small"), searches.size(), searches.size() / SORTS.size(),
                SORTS.size(), settings.users()));
        out.append("| phase | requests | failed | p50 | p95 | p99 | mean | max | req/s |\n");
        out.append("|---|---:|---:|---:|---:|---:|---:|---:|---:|\n");
        for (Phase phase : List.of(uncached, cached, engine)) {
            Phase.Result r = phase.result();
            out.append(String.format(Locale.ROOT, "| %s | %d | %d | %d | %d | %d | %.1f | %d | %.0f |%n", r.phase(),
                    r.requests(), r.failed(), r.p50(), r.p95(), r.p99(), r.mean(), r.max(), r.throughput()));
        }
        int[] sorted;
        synchronized (took) {
            sorted = took.stream().mapToInt(Integer::intValue).sorted().toArray();
        }
        out.append(String.format(Locale.ROOT, "%nOpenSearch's own `took` (ms), %d answers: p50 %d, p95 %d, p99 %d, "
                        + "mean %.1f, max %d%n", sorted.length, rank(sorted, 50), rank(sorted, 95), rank(sorted, 99),
                Arrays.stream(sorted).average().orElse(Double.NaN), sorted.length == 0 ? -1 : sorted[sorted.length - 1]));
        out.append('\n').append(SearchFootprint.describe(openSearch, System.getProperty("stay.bench.catalogManagementUrl")));
        System.out.println();
        System.out.println(out);
        try {
            Files.createDirectories(settings.summary().toAbsolutePath().getParent());
            Files.writeString(settings.summary(), out.toString());
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private Phase phase(String name, String url, java.util.function.Function<String, String> bodies) {
        return new Phase(name, url, bodies, null, searches, searches.size());
    }

    private PopulationBuilder load(Phase phase, boolean direct) {
        CheckBuilder[] checks = direct
                ? new CheckBuilder[] {responseTimeInMillis().saveAs(LATENCY), status().is(200),
                        jsonPath("$.took").ofInt().saveAs(TOOK), jsonPath("$.hits.total.value").exists()}
                : new CheckBuilder[] {responseTimeInMillis().saveAs(LATENCY), status().is(200),
                        jsonPath("$.data.searchHotels.totalCount").exists(), jsonPath("$.errors").notExists()};
        var request = http(phase.name()).post(phase.url()).body(ByteArrayBody(session -> session.<byte[]>get(BODY)))
                .check(checks);
        return scenario(phase.name())
                .exec(session -> next(phase, session))
                .asLongAs(session -> session.contains(BODY)).on(
                        exec(request).exec(session -> {
                            phase.record(session.contains(LATENCY) ? session.getInt(LATENCY) : -1, !session.isFailed());
                            if (phase == engine && session.contains(TOOK)) {
                                synchronized (took) {
                                    took.add(session.getInt(TOOK));
                                }
                            }
                            return next(phase, session.removeAll(LATENCY, TOOK).markAsSucceeded());
                        }))
                .injectOpen(atOnceUsers(Math.min(settings.users(), phase.requests())));
    }

    private static Session next(Phase phase, Session session) {
        byte[] body = phase.nextBody();
        return body == null ? session.remove(BODY) : session.set(BODY, body);
    }

    /** {@code <city>|<sort>}: every demo city the index holds, with each sort. */
    private List<String> searches() {
        if (openSearch == null) {
            throw new IllegalStateException("stay.bench.openSearchUrl is not set: run the benchmark with bench/run");
        }
        String body = "{\"size\":0,\"aggs\":{\"cities\":{\"terms\":{\"field\":\"city.keyword\",\"size\":1000}}}}";
        try (HttpClient http = HttpClient.newHttpClient()) {
            String answer = http.send(HttpRequest.newBuilder(URI.create(openSearch + "/catalog-properties/_search"))
                    .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                    HttpResponse.BodyHandlers.ofString()).body();
            List<String> searches = new ArrayList<>();
            Matcher city = Pattern.compile("\"key\":\"([^\"]+)\"").matcher(answer);
            while (city.find()) {
                for (String sort : SORTS) searches.add(city.group(1) + "|" + sort);
            }
            if (searches.isEmpty()) throw new IllegalStateException("the search index holds no city: " + answer);
            return searches;
        } catch (java.io.IOException | InterruptedException e) {
            throw new IllegalStateException("OpenSearch cannot be asked for the cities: " + e.getMessage(), e);
        }
    }

    private static String graphQl(String search) {
        String[] parts = search.split("\\|");
        return "{\"query\":" + json(QUERY) + ",\"variables\":{\"city\":" + json(parts[0]) + ",\"sort\":"
                + json(parts[1]) + "}}";
    }

    /** What the catalog asks OpenSearch for such a search (search/SearchQuery.java), written out. */
    private static String openSearchQuery(String search) {
        String[] parts = search.split("\\|");
        String sort = switch (parts[1]) {
            case "PRICE" -> "[{\"lowestPrice\":{\"order\":\"asc\",\"missing\":\"_last\"}},{\"id\":{\"order\":\"asc\"}}]";
            default -> "[{\"rating\":{\"order\":\"desc\",\"missing\":\"_last\"}},{\"reviewCount\":{\"order\":\"desc\"}},"
                    + "{\"id\":{\"order\":\"asc\"}}]";
        };
        String none = "{\"bool\":{\"filter\":[]}}";
        return "{\"size\":21,\"track_total_hits\":true,\"query\":{\"bool\":{\"filter\":[{\"term\":{\"city.folded\":"
                + json(fold(parts[0])) + "}}]}},\"post_filter\":" + none + ",\"sort\":" + sort
                + ",\"_source\":[\"id\",\"location\",\"stars\",\"amenities\",\"rating\",\"reviewCount\",\"lowestPrice\","
                + "\"currency\",\"readAt\"],\"aggs\":{"
                + "\"stars\":{\"filter\":" + none + ",\"aggs\":{\"values\":{\"terms\":{\"field\":\"stars\",\"size\":5}}}},"
                + "\"amenities\":{\"filter\":" + none + ",\"aggs\":{\"values\":{\"terms\":{\"field\":\"amenities\",\"size\":50}}}},"
                + "\"rating\":{\"filter\":" + none + ",\"aggs\":{\"values\":{\"range\":{\"field\":\"rating\",\"ranges\":"
                + "[{\"from\":6.0},{\"from\":7.0},{\"from\":8.0},{\"from\":9.0}]}}}},"
                + "\"price\":{\"filter\":" + none + ",\"aggs\":{\"values\":{\"histogram\":{\"field\":\"lowestPrice\","
                + "\"interval\":50,\"min_doc_count\":1}}}}}}";
    }

    /** As the index's folding normalizer: lower case, accents removed. */
    private static String fold(String text) {
        return java.text.Normalizer.normalize(text, java.text.Normalizer.Form.NFD).replaceAll("\\p{M}", "")
                .toLowerCase(Locale.ROOT);
    }

    private static String json(String text) {
        return '"' + text.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n") + '"';
    }

    private static int rank(int[] sorted, int p) {
        return sorted.length == 0 ? -1 : sorted[Math.max(0, (int) Math.ceil(p / 100.0 * sorted.length) - 1)];
    }

    private void flushRedis() {
        try (Jedis redis = new Jedis(URI.create(settings.redisUrl()))) {
            redis.flushAll();
        }
    }
}
