package dev.stay.devstack;

import java.nio.file.Path;
import java.util.ArrayList;
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
 * {@code STAY_OIDC_ISSUER}.
 *
 * <p>Keycloak is started lazily, by the first call of {@link #keycloak()}: it takes 15 s and more, and most tests
 * never need a token.
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
    private final OpenSearch openSearch;
    private final ProviderStub payment;
    private final ProviderStub notifications;
    private final Keycloak keycloak;
    private final String routerSigningSecret;
    /** Set once Keycloak is asked for: from then on its issuer (fixed before it starts) is part of the environment. */
    private volatile boolean keycloakRequested;
    private volatile boolean keycloakStarted;
    private volatile boolean closed;

    Engines(Path workDir, boolean temporaryWorkDir, Postgres postgres, Kafka kafka, Redis redis, OpenSearch openSearch,
            ProviderStub payment, ProviderStub notifications, Keycloak keycloak, String routerSigningSecret) {
        this.workDir = workDir;
        this.temporaryWorkDir = temporaryWorkDir;
        this.postgres = postgres;
        this.kafka = kafka;
        this.redis = redis;
        this.openSearch = openSearch;
        this.payment = payment;
        this.notifications = notifications;
        this.keycloak = keycloak;
        this.routerSigningSecret = routerSigningSecret;
        this.keycloakRequested = keycloak.isExternal();
        this.keycloakStarted = keycloak.isExternal();
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

    void startAll() {
        long started = System.nanoTime();
        all().stream().filter(Engine::isExternal)
                .forEach(engine -> Progress.line("devstack", engine.name() + " is external, not started"));
        if (keycloak.isExternal()) {
            Progress.line("devstack", "keycloak is external (" + keycloak.issuer() + "), not started");
        }
        List<RuntimeException> failures = Parallel.each(all().stream().filter(engine -> !engine.isExternal()).toList(),
                engine -> "devstack-start-" + engine.name(), Engine::start);
        if (!failures.isEmpty()) {
            close();
            IllegalStateException failure = new IllegalStateException("engines did not start: "
                    + failures.stream().map(Throwable::getMessage).toList());
            failures.forEach(failure::addSuppressed);
            throw failure;
        }
        Progress.done("devstack", "engines ready in " + workDir, started);
    }

    /** The engines {@link #startAll()} starts: all but Keycloak. */
    private List<Engine> all() {
        return List.of(postgres, kafka, redis, openSearch, payment, notifications);
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

    public OpenSearch openSearch() {
        return openSearch;
    }

    public ProviderStub payment() {
        return payment;
    }

    /** The email and SMS provider ({@code notify}). */
    public ProviderStub notifications() {
        return notifications;
    }

    /**
     * Keycloak with Stay's realm, started by the first call (about 15 s; a minute the first time on a machine) and
     * then shared like the other engines. Its events go to {@link #kafka()}. Call it before
     * {@link #environmentFor(String)} when a subgraph is to check tokens.
     */
    public Keycloak keycloak() {
        keycloakRequested = true;
        if (!keycloakStarted) {
            synchronized (keycloak) {
                if (!keycloakStarted) {
                    if (closed) {
                        throw new IllegalStateException("the engines are stopped");
                    }
                    keycloak.start();
                    if (closed) { // stopped while it was starting: it must not outlive the other engines
                        keycloak.close();
                        throw new IllegalStateException("the engines were stopped while keycloak was starting");
                    }
                    keycloakStarted = true;
                }
            }
        }
        return keycloak;
    }

    /**
     * Starts Keycloak on a thread of its own, for a caller with other things to start meanwhile: its issuer is in
     * {@link #environmentFor(String)} at once, though the server answers only when the future completes.
     */
    CompletableFuture<Keycloak> startKeycloak() {
        keycloakRequested = true;
        CompletableFuture<Keycloak> started = new CompletableFuture<>();
        Thread.ofPlatform().name("devstack-start-keycloak").start(() -> {
            try {
                started.complete(keycloak());
            } catch (RuntimeException e) {
                started.completeExceptionally(e);
            }
        });
        return started;
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
     * broker, the cache, the search node and the providers; the router's signing secret; and, once {@link #keycloak()}
     * was started (or is external), the identity provider: {@code STAY_OIDC_ISSUER}, {@code STAY_OIDC_JWKS_URL},
     * {@code STAY_API_AUDIENCE}. The port it listens on is the caller's choice.
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
        env.put("STAY_OPENSEARCH_URL", openSearch.url());
        env.put("STAY_PAYMENT_URL", payment.url());
        env.put("STAY_NOTIFY_URL", notifications.url());
        env.put("STAY_ROUTER_SIGNING_SECRET", routerSigningSecret);
        if (keycloakRequested) {
            env.putAll(keycloak.environment());
        }
        return Collections.unmodifiableMap(env);
    }

    /**
     * Sets {@link #environmentFor(String)} as system properties, for a subgraph started in this JVM (a
     * {@code @SpringBootTest}): its {@code ${STAY_DB_URL:...}} placeholders resolve from system properties too.
     */
    public void exportAsSystemProperties(String subgraph) {
        environmentFor(subgraph).forEach(System::setProperty);
    }

    /** Stops the engines this process started (in parallel) and removes a temporary work dir. */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        long started = System.nanoTime();
        List<Engine> everyEngine = new ArrayList<>(all());
        everyEngine.add(keycloak);
        Parallel.each(everyEngine, engine -> "devstack-stop-" + engine.name(), Engine::close)
                .forEach(failure -> Progress.line("devstack", "an engine did not stop cleanly: " + failure.getMessage()));
        if (temporaryWorkDir) {
            WorkDir.deleteRecursively(workDir);
        }
        Progress.done("devstack", "engines stopped", started);
    }
}
