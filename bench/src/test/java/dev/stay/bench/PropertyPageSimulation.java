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

import dev.stay.common.security.RouterSignature;
import io.gatling.javaapi.core.PopulationBuilder;
import io.gatling.javaapi.core.Session;
import io.gatling.javaapi.core.Simulation;
import io.gatling.javaapi.http.HttpRequestActionBuilder;
import java.net.URI;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import redis.clients.jedis.Jedis;

/**
 * The property page, measured three ways in one run, one phase after the other, each phase the same number of
 * requests at the same concurrency so that they compare:
 *
 * <ol>
 *   <li><b>cold</b>: through the router, right after a FLUSHALL of the catalog's Redis, each demo hotel once,
 *       so every request misses the cache and the catalog reads PostgreSQL (and fills the cache);</li>
 *   <li><b>warm</b>: the same hotels again through the router, now from the cache;</li>
 *   <li><b>straight</b>: the same hotels sent to the catalog subgraph's {@code /graphql} directly, signed as the
 *       router signs, to show what the router adds.</li>
 * </ol>
 *
 * <p>The full page also asks users for the owner's name, which a subgraph alone cannot answer; so the catalog's
 * share of the page also goes through the router (warm), which is the like-for-like comparison with straight.
 * Straight to the catalog also runs cold (after a second FLUSHALL), which shows what the cache buys the catalog
 * itself, and a last phase adds live availability (booking, never cached). A warm-up before the first FLUSHALL
 * runs every one of these paths, so that no phase pays for JIT compilation or first connections.
 */
public class PropertyPageSimulation extends Simulation {

    private static final String BODY = "body";
    private static final String SIGNATURE = "signature";
    private static final String LATENCY = "latency";
    /** A bound on the whole run, whatever the phases' sizes: a stalled platform ends it rather than hold it. */
    private static final Duration MAX_DURATION = Duration.ofMinutes(15);

    private final BenchSettings settings = BenchSettings.fromSystemProperties();
    private final RouterSignature signature = new RouterSignature(settings.signingSecret());
    private final GraphQlDocument withAvailability = PropertyPage.withAvailability(LocalDate.now(ZoneOffset.UTC));

    private final Phase coldRouter = measured("cold: router", settings.routerUrl(), PropertyPage.FULL, null);
    private final Phase coldStraight =
            measured("cold: straight to catalog", settings.catalogUrl(), PropertyPage.CATALOG_FIELDS, signature);
    /** Each cold phase runs right after a FLUSHALL; the warm ones after a phase that filled the cache. */
    private final List<Phase> measured = List.of(
            coldRouter,
            measured("warm: router", settings.routerUrl(), PropertyPage.FULL, null),
            measured("warm: router, catalog fields", settings.routerUrl(), PropertyPage.CATALOG_FIELDS, null),
            measured("warm: straight to catalog", settings.catalogUrl(), PropertyPage.CATALOG_FIELDS, signature),
            coldStraight,
            measured("warm: router, with availability", settings.routerUrl(), withAvailability, null));

    {
        List<PopulationBuilder> steps = new ArrayList<>();
        steps.add(load(warmUp("warm-up: router", settings.routerUrl(), PropertyPage.FULL, null)));
        steps.add(load(warmUp("warm-up: router, catalog fields", settings.routerUrl(), PropertyPage.CATALOG_FIELDS, null)));
        steps.add(load(warmUp("warm-up: straight to catalog", settings.catalogUrl(), PropertyPage.CATALOG_FIELDS, signature)));
        steps.add(load(warmUp("warm-up: router, with availability", settings.routerUrl(), withAvailability, null)));
        for (Phase phase : measured) {
            if (phase == coldRouter || phase == coldStraight) {
                steps.add(Steps.step("flush Redis before " + phase.name(), this::flushRedis));
            }
            steps.add(load(phase));
            steps.add(Steps.step("count Redis keys after " + phase.name(), () -> {
                try (Jedis redis = redis()) {
                    phase.redisKeysAfter(redis.dbSize());
                }
            }));
        }
        setUp(Steps.inSequence(steps))
                .protocols(http
                        .disableWarmUp() // its default is a request to gatling.io; every target here is 127.0.0.1
                        .contentTypeHeader("application/json")
                        .acceptHeader("application/json"))
                .maxDuration(MAX_DURATION)
                .assertions(global().failedRequests().count().is(0L));
    }

    @Override
    public void after() {
        Summary summary = new Summary(measured.stream().map(Phase::result).toList(), settings);
        System.out.println();
        System.out.println(summary.markdown());
        summary.writeTo(settings.summary());
    }

    private Phase measured(String name, String url, GraphQlDocument document, RouterSignature signature) {
        return Phase.eachHotelOnce(name, url, document, signature, settings.hotelIds());
    }

    private Phase warmUp(String name, String url, GraphQlDocument document, RouterSignature signature) {
        return new Phase(name, url, document, signature, settings.hotelIds(), settings.warmUpRequests());
    }

    /**
     * The phase's requests sent by a fixed number of virtual users, each sending its next request as soon as its
     * previous one is answered (a closed system), until the phase has sent them all.
     */
    private PopulationBuilder load(Phase phase) {
        HttpRequestActionBuilder request = http(phase.name())
                .post(phase.url())
                .body(ByteArrayBody(session -> session.<byte[]>get(BODY)))
                .check(
                        responseTimeInMillis().saveAs(LATENCY),
                        status().is(200),
                        jsonPath("$.data.hotel.name").exists(),
                        jsonPath("$.errors").notExists());
        if (phase.signed()) {
            request = request.header(RouterSignature.HEADER, session -> session.getString(SIGNATURE));
        }
        return scenario(phase.name())
                .exec(session -> next(phase, session))
                .asLongAs(session -> session.contains(BODY)).on(
                        exec(request).exec(session -> {
                            phase.record(session.contains(LATENCY) ? session.getInt(LATENCY) : -1, !session.isFailed());
                            return next(phase, session.remove(LATENCY).markAsSucceeded());
                        }))
                .injectOpen(atOnceUsers(Math.min(settings.users(), phase.requests())));
    }

    private static Session next(Phase phase, Session session) {
        byte[] body = phase.nextBody();
        if (body == null) {
            return session.removeAll(BODY, SIGNATURE);
        }
        Session withBody = session.set(BODY, body);
        return phase.signed() ? withBody.set(SIGNATURE, phase.sign(body)) : withBody;
    }

    private void flushRedis() {
        try (Jedis redis = redis()) {
            redis.flushAll();
            if (redis.dbSize() != 0) {
                throw new IllegalStateException("Redis still holds " + redis.dbSize() + " keys after FLUSHALL");
            }
        }
    }

    private Jedis redis() {
        return new Jedis(URI.create(settings.redisUrl()));
    }
}
