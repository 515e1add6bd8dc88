package dev.stay.devstack;

import java.nio.file.Path;
import java.util.Map;

/**
 * Chooses, engine by engine, between the embedded one and an external endpoint from the environment, then starts
 * the embedded ones.
 */
public final class EnginesBuilder {

    private Path workDir;
    private Map<String, String> environment = System.getenv();
    private EnginePorts ports = EnginePorts.ANY;

    EnginesBuilder() {
    }

    /** Where engine data, generated configuration and engine logs go; a temporary directory when not set. */
    public EnginesBuilder workDir(Path workDir) {
        this.workDir = workDir;
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

    /** Starts the embedded engines, in parallel; if one fails, the others are stopped again and the failure thrown. */
    public Engines start() {
        Engines engines = create();
        engines.startAll();
        return engines;
    }

    /** The engines, not started yet: a caller that may be interrupted (Ctrl-C) holds them before they start. */
    Engines create() {
        boolean temporary = workDir == null;
        Path dir = temporary ? WorkDir.temporary("stay-devstack-") : WorkDir.create(workDir.toAbsolutePath());
        return new Engines(dir, temporary,
                has("STAY_DB_URL_BASE")
                        ? Postgres.external(env("STAY_DB_URL_BASE"), environment.getOrDefault("STAY_DB_USER", Postgres.LOCAL_USER),
                                environment.getOrDefault("STAY_DB_PASSWORD", ""))
                        : Postgres.embedded(dir.resolve("postgres"), ports.postgres()),
                has("STAY_KAFKA_BOOTSTRAP")
                        ? Kafka.external(env("STAY_KAFKA_BOOTSTRAP"))
                        : Kafka.embedded(dir.resolve("kafka"), ports.kafka()),
                has("STAY_REDIS_URL")
                        ? Redis.external(env("STAY_REDIS_URL"))
                        : Redis.embedded(dir.resolve("redis"), ports.redis()),
                has("STAY_OPENSEARCH_URL")
                        ? OpenSearch.external(env("STAY_OPENSEARCH_URL"))
                        : OpenSearch.embedded(dir.resolve("opensearch"), ports.openSearch()),
                has("STAY_PAYMENT_URL")
                        ? ProviderStub.external("payment", env("STAY_PAYMENT_URL"))
                        : ProviderStub.embedded("payment", ports.payment()),
                has("STAY_NOTIFY_URL")
                        ? ProviderStub.external("notify", env("STAY_NOTIFY_URL"))
                        : ProviderStub.embedded("notify", ports.notifications()));
    }

    private boolean has(String name) {
        String value = environment.get(name);
        return value != null && !value.isBlank();
    }

    private String env(String name) {
        return environment.get(name).trim();
    }
}
