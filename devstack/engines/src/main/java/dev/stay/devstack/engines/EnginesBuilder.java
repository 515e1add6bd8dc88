package dev.stay.devstack.engines;

import dev.stay.devstack.process.Checkout;
import dev.stay.devstack.process.WorkDir;

import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Map;

/**
 * Chooses, engine by engine, between the embedded one and an external endpoint from the environment, then starts
 * the embedded ones.
 */
public final class EnginesBuilder {

    private Path workDir;
    private Path cacheDir;
    private Map<String, String> environment = System.getenv();
    private EnginePorts ports = EnginePorts.ANY;

    EnginesBuilder() {
    }

    /** Where engine data, generated configuration and engine logs go; a temporary directory when not set. */
    public EnginesBuilder workDir(Path workDir) {
        this.workDir = workDir;
        return this;
    }

    /**
     * What outlives a run, shared by every run on the machine: the unpacked Keycloak. By default {@code .platform/cache}
     * in the checkout (found from the working directory), else {@code stay-devstack-cache} in the temporary directory.
     */
    public EnginesBuilder cacheDir(Path cacheDir) {
        this.cacheDir = cacheDir;
        return this;
    }

    /** Where external endpoints are looked up; the process environment when not set. */
    public EnginesBuilder environment(Map<String, String> environment) {
        this.environment = Map.copyOf(environment);
        return this;
    }

    public EnginesBuilder ports(EnginePorts ports) {
        this.ports = ports;
        return this;
    }

    /**
     * Starts the embedded PostgreSQL, Kafka and Redis, in parallel; if one fails, the others are stopped again and the
     * failure thrown. The others start when first asked for ({@link Engines}).
     */
    public Engines start() {
        Engines engines = create();
        engines.start();
        return engines;
    }

    /**
     * The engines, not started yet: a caller that may be interrupted (Ctrl-C) holds them before they start. Each is
     * embedded or external from here on, as the environment says.
     */
    public Engines create() {
        EnginePorts ports = this.ports;
        boolean temporary = workDir == null;
        Path dir = temporary ? WorkDir.temporary("stay-devstack-") : WorkDir.create(workDir.toAbsolutePath());
        Kafka kafka = has("STAY_KAFKA_BOOTSTRAP")
                ? Kafka.external(env("STAY_KAFKA_BOOTSTRAP"))
                : Kafka.embedded(dir.resolve("kafka"), ports.kafka());
        Path cache = cacheDir();
        return new Engines(dir, temporary,
                has("STAY_DB_URL_BASE")
                        ? Postgres.external(env("STAY_DB_URL_BASE"), environment.getOrDefault("STAY_DB_USER", Postgres.LOCAL_USER),
                                environment.getOrDefault("STAY_DB_PASSWORD", ""))
                        : Postgres.embedded(dir.resolve("postgres"), ports.postgres()),
                kafka,
                has("STAY_REDIS_URL")
                        ? Redis.external(env("STAY_REDIS_URL"))
                        : Redis.embedded(dir.resolve("redis"), ports.redis()),
                has("STAY_OPENSEARCH_URL")
                        ? OnDemand.external(OpenSearch.external(env("STAY_OPENSEARCH_URL")))
                        : OnDemand.embedded(() -> OpenSearch.embedded(dir.resolve("opensearch"), ports.openSearch())),
                has("STAY_PAYMENT_URL")
                        ? OnDemand.external(ProviderStub.external("payment", env("STAY_PAYMENT_URL")))
                        : OnDemand.embedded(() -> ProviderStub.embedded("payment", ports.payment())),
                has("STAY_NOTIFY_URL")
                        ? OnDemand.external(ProviderStub.external("notify", env("STAY_NOTIFY_URL")))
                        : OnDemand.embedded(() -> ProviderStub.embedded("notify", ports.notifications())),
                has("STAY_OIDC_ISSUER")
                        ? OnDemand.external(Keycloak.external(env("STAY_OIDC_ISSUER"),
                                environment.getOrDefault("KC_BOOTSTRAP_ADMIN_USERNAME", Keycloak.LOCAL_ADMIN_USERNAME),
                                environment.getOrDefault("KC_BOOTSTRAP_ADMIN_PASSWORD", Keycloak.LOCAL_ADMIN_PASSWORD)))
                        : OnDemand.embedded(() -> Keycloak.embedded(dir.resolve("keycloak"), cache, ports.keycloak(), kafka::bootstrapServers)),
                has("STAY_TRACES_URL")
                        ? OnDemand.external(TraceViewer.external(env("STAY_TRACES_URL")))
                        : OnDemand.embedded(() -> TraceViewer.embedded(dir.resolve("zipkin"), ports.traceViewer())),
                has("STAY_ROUTER_SIGNING_SECRET") ? env("STAY_ROUTER_SIGNING_SECRET") : randomSecret());
    }

    /** 256 random bits: known to nobody but the router and the subgraphs of these engines. */
    private static String randomSecret() {
        byte[] bytes = new byte[32];
        new SecureRandom().nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    private Path cacheDir() {
        if (cacheDir != null) {
            return cacheDir.toAbsolutePath();
        }
        return Checkout.rootAbove(Path.of("").toAbsolutePath())
                .map(root -> root.resolve(".platform").resolve("cache"))
                .orElse(Path.of(System.getProperty("java.io.tmpdir"), "stay-devstack-cache"));
    }

    private boolean has(String name) {
        String value = environment.get(name);
        return value != null && !value.isBlank();
    }

    private String env(String name) {
        return environment.get(name).trim();
    }
}
