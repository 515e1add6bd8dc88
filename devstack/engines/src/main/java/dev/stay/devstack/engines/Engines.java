package dev.stay.devstack.engines;

import dev.stay.devstack.process.Parallel;
import dev.stay.devstack.process.Progress;
import dev.stay.devstack.process.WorkDir;

import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * All engines of the platform, embedded or external. {@link #shared()} is what integration tests use: one set per
 * JVM, started on first use and stopped when the JVM exits. {@link #environmentFor(String)} is what a subgraph
 * needs to reach them.
 *
 * <p>An engine whose endpoint is set in the environment is not started; its endpoint is used instead:
 * {@code STAY_DB_URL_BASE} (with {@code STAY_DB_USER}, {@code STAY_DB_PASSWORD}), {@code STAY_KAFKA_BOOTSTRAP},
 * {@code STAY_REDIS_URL}, {@code STAY_OPENSEARCH_URL}, {@code STAY_PAYMENT_URL}, {@code STAY_NOTIFY_URL},
 * {@code STAY_OIDC_ISSUER}, {@code STAY_TRACES_URL}.
 *
 * <p>PostgreSQL, Kafka and Redis start with the set: every subgraph needs them. OpenSearch, the provider stubs and
 * Keycloak start on the first call of {@link #openSearch()}, {@link #payment()}, {@link #notifications()} or
 * {@link #keycloak()} ({@link OnDemand}): most test JVMs never need them, and they take seconds to a minute.
 */
public final class Engines implements AutoCloseable {

    public static final List<String> SUBGRAPHS = Postgres.DATABASES;

    private static final Object SHARED_LOCK = new Object();
    private static volatile Engines shared;

    private final Path workDir;
    private final boolean temporaryWorkDir;
    private final Postgres postgres;
    private final Kafka kafka;
    private final Redis redis;
    private final OnDemand<OpenSearch> openSearch;
    private final OnDemand<ProviderStub> payment;
    private final OnDemand<ProviderStub> notifications;
    private final OnDemand<Keycloak> keycloak;
    private final OnDemand<TraceViewer> traceViewer;
    private final String routerSigningSecret;
    private boolean closed;

    Engines(Path workDir, boolean temporaryWorkDir, Postgres postgres, Kafka kafka, Redis redis, OnDemand<OpenSearch> openSearch,
            OnDemand<ProviderStub> payment, OnDemand<ProviderStub> notifications, OnDemand<Keycloak> keycloak,
            OnDemand<TraceViewer> traceViewer, String routerSigningSecret) {
        this.workDir = workDir;
        this.temporaryWorkDir = temporaryWorkDir;
        this.postgres = postgres;
        this.kafka = kafka;
        this.redis = redis;
        this.openSearch = openSearch;
        this.payment = payment;
        this.notifications = notifications;
        this.keycloak = keycloak;
        this.traceViewer = traceViewer;
        this.routerSigningSecret = routerSigningSecret;
    }

    /**
     * The engines of this JVM, started by the first caller (the others wait for it) and stopped by a shutdown hook.
     * Work files live in a temporary directory that goes away with them.
     */
    public static Engines shared() {
        Engines engines = shared;
        if (engines == null) {
            synchronized (SHARED_LOCK) {
                engines = shared;
                if (engines == null) {
                    engines = builder().start();
                    Runtime.getRuntime().addShutdownHook(new Thread(engines::close, "devstack-engines-stop"));
                    shared = engines;
                }
            }
        }
        return engines;
    }

    public static EnginesBuilder builder() {
        return new EnginesBuilder();
    }

    /** Starts PostgreSQL, Kafka and Redis in parallel; if one fails, the others are stopped and the failure thrown. */
    public void start() {
        startInParallel(Map.of());
    }

    /**
     * Starts every engine but Keycloak ({@link #startKeycloak()}), in parallel: what {@code ./platform up} runs,
     * where OpenSearch, the provider stubs and the trace viewer are wanted from the start.
     */
    public void startEverything() {
        startInParallel(Map.of("opensearch", openSearch::started, "payment", payment::started, "notify", notifications::started,
                "zipkin", traceViewer::started));
    }

    private void startInParallel(Map<String, Runnable> onDemand) {
        long started = System.nanoTime();
        Map<String, Runnable> starts = new LinkedHashMap<>();
        for (Engine<?> engine : List.of(postgres, kafka, redis)) {
            if (engine.isExternal()) {
                Progress.line("devstack", engine.name() + " is external, not started");
            } else {
                starts.put(engine.name(), engine::start);
            }
        }
        starts.putAll(onDemand);
        List<RuntimeException> failures = Parallel.each(List.copyOf(starts.entrySet()),
                start -> "devstack-start-" + start.getKey(), start -> start.getValue().run());
        if (!failures.isEmpty()) {
            close();
            IllegalStateException failure = new IllegalStateException("engines did not start: "
                    + failures.stream().map(Throwable::getMessage).toList());
            failures.forEach(failure::addSuppressed);
            throw failure;
        }
        Progress.done("devstack", "engines ready in " + workDir, started);
    }

    public Postgres postgres() {
        return postgres;
    }

    public Kafka kafka() {
        return kafka;
    }

    public Redis redis() {
        return redis;
    }

    /** OpenSearch, started by the first call (about 10 s). */
    public OpenSearch openSearch() {
        return openSearch.started();
    }

    /** The payment provider's stub, started by the first call. */
    public ProviderStub payment() {
        return payment.started();
    }

    /** The email and SMS provider's ({@code notify}) stub, started by the first call. */
    public ProviderStub notifications() {
        return notifications.started();
    }

    /**
     * The trace viewer (Zipkin's server), started by the first call (a few seconds); from then on every subgraph's
     * environment sends it spans ({@code STAY_TRACES_URL}).
     */
    public TraceViewer traceViewer() {
        return traceViewer.started();
    }

    /**
     * Keycloak with Stay's realm, started by the first call (about 15 s; a minute the first time on a machine) and
     * then shared like the other engines. Its events go to {@link #kafka()}. Call it before
     * {@link #environmentFor(String)} when a subgraph is to check tokens.
     */
    public Keycloak keycloak() {
        return keycloak.started();
    }

    /**
     * Starts Keycloak on a thread of its own, for a caller with other things to start meanwhile: its issuer is in
     * {@link #environmentFor(String)} at once, though the server answers only when the future completes.
     */
    public CompletableFuture<Keycloak> startKeycloak() {
        keycloak.made();
        return CompletableFuture.supplyAsync(keycloak::started, task -> Thread.ofPlatform().name("devstack-start-keycloak").start(task));
    }

    public Path workDir() {
        return workDir;
    }

    /**
     * The secret the router signs what it forwards with, and the subgraphs check ({@code STAY_ROUTER_SIGNING_SECRET}):
     * made up for these engines (256 random bits) unless the environment sets it. A test that calls a subgraph
     * directly signs with it.
     */
    public String routerSigningSecret() {
        return routerSigningSecret;
    }

    /**
     * The environment of a subgraph process ({@code catalog}, {@code booking} or {@code users}): its database, the
     * broker, the cache and the router's signing secret; and each engine started on demand once it was asked for (or
     * is external): {@code STAY_OPENSEARCH_URL}, {@code STAY_PAYMENT_URL}, {@code STAY_NOTIFY_URL}, {@code STAY_TRACES_URL}, and for Keycloak
     * {@code STAY_OIDC_ISSUER}, {@code STAY_OIDC_JWKS_URL}, {@code STAY_API_AUDIENCE}. The subgraphs run without
     * those they are not given. The port it listens on is the caller's choice.
     */
    public Map<String, String> environmentFor(String subgraph) {
        if (!SUBGRAPHS.contains(subgraph)) {
            throw new IllegalArgumentException("unknown subgraph '" + subgraph + "', expected one of " + SUBGRAPHS);
        }
        Map<String, String> env = new LinkedHashMap<>();
        env.put("STAY_DB_URL", postgres.jdbcUrl(subgraph));
        env.put("STAY_DB_USER", postgres.user());
        env.put("STAY_DB_PASSWORD", postgres.password());
        env.put("STAY_KAFKA_BOOTSTRAP", kafka.bootstrapServers());
        env.put("STAY_REDIS_URL", redis.url());
        openSearch.asked().ifPresent(engine -> env.put("STAY_OPENSEARCH_URL", engine.url()));
        payment.asked().ifPresent(engine -> env.put("STAY_PAYMENT_URL", engine.url()));
        notifications.asked().ifPresent(engine -> env.put("STAY_NOTIFY_URL", engine.url()));
        env.put("STAY_ROUTER_SIGNING_SECRET", routerSigningSecret);
        keycloak.asked().ifPresent(engine -> env.putAll(engine.environment()));
        traceViewer.asked().ifPresent(engine -> env.put("STAY_TRACES_URL", engine.url()));
        return Collections.unmodifiableMap(env);
    }

    /**
     * Sets {@link #environmentFor(String)} as system properties, for a subgraph started in this JVM (a
     * {@code @SpringBootTest}): its {@code ${STAY_DB_URL:...}} placeholders resolve from system properties too.
     */
    public void exportAsSystemProperties(String subgraph) {
        environmentFor(subgraph).forEach(System::setProperty);
    }

    /** Stops the engines this process started (in parallel, also one still starting) and removes a temporary work dir. */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        long started = System.nanoTime();
        Map<String, Runnable> stops = new LinkedHashMap<>();
        List.of(postgres, kafka, redis).forEach(engine -> stops.put(engine.name(), engine::close));
        stops.put("opensearch", openSearch::close);
        stops.put("payment", payment::close);
        stops.put("notify", notifications::close);
        stops.put("keycloak", keycloak::close);
        stops.put("zipkin", traceViewer::close);
        Parallel.each(List.copyOf(stops.entrySet()), stop -> "devstack-stop-" + stop.getKey(), stop -> stop.getValue().run())
                .forEach(failure -> Progress.line("devstack", "an engine did not stop cleanly: " + failure.getMessage()));
        if (temporaryWorkDir) {
            WorkDir.deleteRecursively(workDir);
        }
        Progress.done("devstack", "engines stopped", started);
    }
}
