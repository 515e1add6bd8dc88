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
import java.nio.file.Files;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import redis.clients.jedis.Jedis;

/**
 * {@code searchHotels} at the scale the stack loaded ({@code -Dstay.bench.scale}, the demo's 2,000 hotels unless it
 * says more), for each kind of search ({@link SearchKind}: a city undated, a city with dates, near a city's centre
 * with a radius and filters, free text), each city of the index with each of three sorts (a page of 20 with facets):
 * through the router right after a FLUSHALL (<b>uncached</b>: the catalog asks OpenSearch and stores the page), then
 * the same searches again (<b>cached</b>: pages from Redis), and last the request the catalog sends for each sent to
 * OpenSearch itself, whose answers carry its own {@code took}: what the search engine spends, next to what a client
 * waits. Every phase sends a fixed number of requests: each search once.
 */
public class SearchSimulation extends Simulation {

    private static final String BODY = "body";
    private static final String LATENCY = "latency";
    private static final String TOOK = "took";
    private static final String FOUND = "found";
    private static final Duration MAX_DURATION = Duration.ofMinutes(30);

    private final BenchSettings settings = BenchSettings.fromSystemProperties();
    private final String openSearch = System.getProperty("stay.bench.openSearchUrl");
    private final List<SearchKind.City> cities = cities();
    private final Map<SearchKind, Phase[]> phases = new EnumMap<>(SearchKind.class);
    private final Map<Phase, List<Integer>> took = new ConcurrentHashMap<>();
    private final Map<Phase, AtomicInteger> found = new ConcurrentHashMap<>();

    {
        List<PopulationBuilder> steps = new ArrayList<>();
        List<String> all = new ArrayList<>();
        for (SearchKind kind : SearchKind.values()) {
            for (int i = 0; i < kind.searches(cities).size(); i++) all.add(kind.name() + "|" + i);
        }
        steps.add(load(new Phase("warm-up: router", settings.routerUrl(), this::graphQl, null, all,
                Math.max(all.size(), settings.warmUpRequests())), false));
        steps.add(load(new Phase("warm-up: OpenSearch", engineUrl(), this::openSearchQuery, null, all, all.size()), true));
        for (SearchKind kind : SearchKind.values()) {
            List<String> items = all.stream().filter(item -> item.startsWith(kind.name() + "|")).toList();
            Phase uncached = new Phase(kind.label() + " · uncached: router", settings.routerUrl(), this::graphQl, null,
                    items, items.size());
            Phase cached = new Phase(kind.label() + " · cached: router", settings.routerUrl(), this::graphQl, null,
                    items, items.size());
            Phase engine = new Phase(kind.label() + " · OpenSearch alone", engineUrl(), this::openSearchQuery, null,
                    items, items.size());
            took.put(engine, Collections.synchronizedList(new ArrayList<>()));
            phases.put(kind, new Phase[] {uncached, cached, engine});
            steps.add(Steps.step("flush Redis before " + uncached.name(), this::flushRedis));
            steps.add(load(uncached, false));
            steps.add(load(cached, false));
            steps.add(load(engine, true));
        }
        setUp(Steps.inSequence(steps))
                .protocols(http.disableWarmUp().contentTypeHeader("application/json").acceptHeader("application/json"))
                .maxDuration(MAX_DURATION)
                .assertions(global().failedRequests().count().is(0L));
    }

    @Override
    public void after() {
        String out = String.format(Locale.ROOT,
                "Run of %s at scale %s: %d cities × 3 sorts = %d searches a phase for each kind (20 a page with "
                        + "facets; dated: check-in %s, 2 nights, 2 guests), %d concurrent users; latencies in ms%n%n",
                OffsetDateTime.now(ZoneOffset.UTC).truncatedTo(ChronoUnit.SECONDS),
                System.getProperty("stay.bench.scale", "small"), cities.size(), cities.size() * 3,
                SearchKind.checkIn(), settings.users())
                + SearchReport.markdown(phases, took, found)
                + '\n' + SearchFootprint.describe(openSearch, System.getProperty("stay.bench.catalogManagementUrl"));
        System.out.println();
        System.out.println(out);
        try {
            Files.createDirectories(settings.summary().toAbsolutePath().getParent());
            Files.writeString(settings.summary(), out);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private String engineUrl() {
        return openSearch + "/catalog-properties/_search";
    }

    private PopulationBuilder load(Phase phase, boolean direct) {
        CheckBuilder[] checks = direct
                ? new CheckBuilder[] {responseTimeInMillis().saveAs(LATENCY), status().is(200),
                        jsonPath("$.took").ofInt().saveAs(TOOK), jsonPath("$.hits.hits[*]._id").count().saveAs(FOUND)}
                : new CheckBuilder[] {responseTimeInMillis().saveAs(LATENCY), status().is(200),
                        jsonPath("$.data.searchHotels.totalCount").ofInt().saveAs(FOUND), jsonPath("$.errors").notExists()};
        var request = http(phase.name()).post(phase.url()).body(ByteArrayBody(session -> session.<byte[]>get(BODY)))
                .check(checks);
        List<Integer> tookOfPhase = took.get(phase);
        AtomicInteger nonEmpty = found.computeIfAbsent(phase, p -> new AtomicInteger());
        return scenario(phase.name())
                .exec(session -> next(phase, session))
                .asLongAs(session -> session.contains(BODY)).on(
                        exec(request).exec(session -> {
                            phase.record(session.contains(LATENCY) ? session.getInt(LATENCY) : -1, !session.isFailed());
                            if (tookOfPhase != null && session.contains(TOOK)) {
                                tookOfPhase.add(session.getInt(TOOK));
                            }
                            if (session.contains(FOUND) && session.getInt(FOUND) > 0) {
                                nonEmpty.incrementAndGet();
                            }
                            return next(phase, session.removeAll(LATENCY, TOOK, FOUND).markAsSucceeded());
                        }))
                .injectOpen(atOnceUsers(Math.min(settings.users(), phase.requests())));
    }

    private static Session next(Phase phase, Session session) {
        byte[] body = phase.nextBody();
        return body == null ? session.remove(BODY) : session.set(BODY, body);
    }

    /** {@code <kind>|<n>}: the n-th search of that kind. */
    private SearchKind.Search search(String item) {
        String[] parts = item.split("\\|");
        return SearchKind.valueOf(parts[0]).searches(cities).get(Integer.parseInt(parts[1]));
    }

    private String graphQl(String item) {
        return SearchKind.valueOf(item.substring(0, item.indexOf('|'))).graphQl(search(item));
    }

    private String openSearchQuery(String item) {
        return SearchKind.valueOf(item.substring(0, item.indexOf('|'))).openSearch(search(item));
    }

    /** Every city the index holds, with the centre of its hotels. */
    private List<SearchKind.City> cities() {
        if (openSearch == null) {
            throw new IllegalStateException("stay.bench.openSearchUrl is not set: run the benchmark with bench/run");
        }
        return SearchKind.cities(engineUrl());
    }

    private void flushRedis() {
        try (Jedis redis = new Jedis(URI.create(settings.redisUrl()))) {
            redis.flushAll();
        }
    }
}
