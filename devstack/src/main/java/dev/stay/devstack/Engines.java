package dev.stay.devstack;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

/**
 * All engines of the platform, embedded or external. {@link #shared()} is what integration tests use: one set per
 * JVM, started on first use and stopped when the JVM exits. {@link #environmentFor(String)} is what a subgraph
 * needs to reach them.
 *
 * <p>An engine whose endpoint is set in the environment is not started; its endpoint is used instead:
 * {@code STAY_DB_URL_BASE} (with {@code STAY_DB_USER}, {@code STAY_DB_PASSWORD}), {@code STAY_KAFKA_BOOTSTRAP},
 * {@code STAY_REDIS_URL}, {@code STAY_OPENSEARCH_URL}, {@code STAY_PAYMENT_URL}, {@code STAY_NOTIFY_URL}.
 */
public final class Engines implements AutoCloseable {

    public static final List<String> SUBGRAPHS = Postgres.DATABASES;

    private static final Object SHARED_LOCK = new Object();
    private static volatile Engines shared;

    private final Path workDir;
    private final boolean ownsWorkDir;
    private final Postgres postgres;
    private final Kafka kafka;
    private final Redis redis;
    private final OpenSearch openSearch;
    private final ProviderStub payment;
    private final ProviderStub notifications;
    private boolean closed;

    private Engines(Builder builder) {
        this.ownsWorkDir = builder.workDir == null;
        this.workDir = ownsWorkDir ? WorkDir.temporary("stay-devstack-") : WorkDir.create(builder.workDir);
        Map<String, String> env = builder.environment;
        EnginePorts ports = builder.ports;
        this.postgres = has(env, "STAY_DB_URL_BASE")
                ? Postgres.external(env.get("STAY_DB_URL_BASE"), env.getOrDefault("STAY_DB_USER", Postgres.LOCAL_USER),
                        env.getOrDefault("STAY_DB_PASSWORD", ""))
                : Postgres.embedded(workDir.resolve("postgres"), ports.postgres());
        this.kafka = has(env, "STAY_KAFKA_BOOTSTRAP")
                ? Kafka.external(env.get("STAY_KAFKA_BOOTSTRAP"))
                : Kafka.embedded(workDir.resolve("kafka"), ports.kafka());
        this.redis = has(env, "STAY_REDIS_URL")
                ? Redis.external(env.get("STAY_REDIS_URL"))
                : Redis.embedded(workDir.resolve("redis"), ports.redis());
        this.openSearch = has(env, "STAY_OPENSEARCH_URL")
                ? OpenSearch.external(env.get("STAY_OPENSEARCH_URL"))
                : OpenSearch.embedded(workDir.resolve("opensearch"), ports.openSearch());
        this.payment = has(env, "STAY_PAYMENT_URL")
                ? ProviderStub.external("payment", env.get("STAY_PAYMENT_URL"))
                : ProviderStub.embedded("payment", ports.payment());
        this.notifications = has(env, "STAY_NOTIFY_URL")
                ? ProviderStub.external("notify", env.get("STAY_NOTIFY_URL"))
                : ProviderStub.embedded("notify", ports.notifications());
    }

    private static boolean has(Map<String, String> env, String name) {
        String value = env.get(name);
        return value != null && !value.isBlank();
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
                    Engines started = engines;
                    Runtime.getRuntime().addShutdownHook(new Thread(started::close, "devstack-engines-stop"));
                    shared = engines;
                }
            }
        }
        return engines;
    }

    public static Builder builder() {
        return new Builder();
    }

    public static final class Builder {

        private Path workDir;
        private Map<String, String> environment = System.getenv();
        private EnginePorts ports = EnginePorts.ANY;

        private Builder() {
        }

        /** Where engine data, generated configuration and engine logs go; a temporary directory when not set. */
        public Builder workDir(Path workDir) {
            this.workDir = workDir;
            return this;
        }

        /** Where external endpoints are looked up; the process environment when not set. */
        public Builder environment(Map<String, String> environment) {
            this.environment = Map.copyOf(environment);
            return this;
        }

        public Builder ports(EnginePorts ports) {
            this.ports = ports;
            return this;
        }

        /** Starts the embedded engines, in parallel: each waits mostly on a process of its own. */
        public Engines start() {
            Engines engines = new Engines(this);
            engines.startAll();
            return engines;
        }
    }

    private void startAll() {
        long started = System.nanoTime();
        List<Engine> embedded = all().stream().filter(engine -> !engine.isExternal()).toList();
        all().stream().filter(Engine::isExternal)
                .forEach(engine -> Progress.line("devstack", engine.name() + " is external, not started"));
        List<CompletableFuture<Void>> starts = embedded.stream()
                .map(engine -> CompletableFuture.runAsync(engine::start, runnable -> Thread.ofPlatform()
                        .name("devstack-start-" + engine.name()).daemon().start(runnable)))
                .toList();
        List<Throwable> failures = new ArrayList<>();
        for (CompletableFuture<Void> start : starts) {
            try {
                start.join();
            } catch (CompletionException e) {
                failures.add(e.getCause());
            }
        }
        if (!failures.isEmpty()) {
            close();
            IllegalStateException failure = new IllegalStateException("engines did not start: " + failures.stream()
                    .map(Throwable::getMessage).toList());
            failures.forEach(failure::addSuppressed);
            throw failure;
        }
        Progress.done("devstack", "engines ready in " + workDir, started);
    }

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

    public Path workDir() {
        return workDir;
    }

    /**
     * The environment of a subgraph process ({@code catalog}, {@code booking} or {@code users}): its database, the
     * broker, the cache, the search node and the providers. The port it listens on is the caller's choice.
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
        List<Thread> stops = new ArrayList<>();
        for (Engine engine : all()) {
            stops.add(Thread.ofPlatform().name("devstack-stop-" + engine.name()).start(() -> {
                try {
                    engine.close();
                } catch (RuntimeException e) {
                    Progress.line("devstack", engine.name() + " did not stop cleanly: " + e.getMessage());
                }
            }));
        }
        for (Thread stop : stops) {
            try {
                stop.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        if (ownsWorkDir) {
            WorkDir.deleteRecursively(workDir);
        }
        Progress.done("devstack", "engines stopped", started);
    }
}
