package dev.stay.devstack;

import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Engines named by the environment (compose, a shared CI database) are used as they are and never started here. */
class ExternalEnginesTest {

    private static final Map<String, String> COMPOSE = Map.of(
            "STAY_DB_URL_BASE", "jdbc:postgresql://db:5432/",
            "STAY_DB_USER", "stay",
            "STAY_DB_PASSWORD", "from-a-secret",
            "STAY_KAFKA_BOOTSTRAP", "kafka:9092",
            "STAY_REDIS_URL", "redis://redis:6379",
            "STAY_OPENSEARCH_URL", "http://opensearch:9200",
            "STAY_PAYMENT_URL", "http://payment:8080",
            "STAY_NOTIFY_URL", "http://notify:8080");

    @Test
    void subgraphEnvironmentPointsAtTheExternalEndpoints() {
        try (Engines engines = Engines.builder().environment(COMPOSE).start()) {
            assertThat(engines.environmentFor("booking")).containsExactlyInAnyOrderEntriesOf(Map.of(
                    "STAY_DB_URL", "jdbc:postgresql://db:5432/booking",
                    "STAY_DB_USER", "stay",
                    "STAY_DB_PASSWORD", "from-a-secret",
                    "STAY_KAFKA_BOOTSTRAP", "kafka:9092",
                    "STAY_REDIS_URL", "redis://redis:6379",
                    "STAY_OPENSEARCH_URL", "http://opensearch:9200",
                    "STAY_PAYMENT_URL", "http://payment:8080",
                    "STAY_NOTIFY_URL", "http://notify:8080"));
            assertThat(engines.redis().host()).isEqualTo("redis");
            assertThat(engines.redis().port()).isEqualTo(6379);
        }
    }

    @Test
    void onlyTheEnginesNotNamedInTheEnvironmentAreEmbedded() {
        Map<String, String> allButTheStubs = new java.util.HashMap<>(COMPOSE);
        allButTheStubs.remove("STAY_PAYMENT_URL");
        allButTheStubs.remove("STAY_NOTIFY_URL");
        try (Engines engines = Engines.builder().environment(allButTheStubs).start()) {
            assertThat(engines.postgres().isExternal()).isTrue();
            assertThat(engines.payment().isExternal()).isFalse();
            assertThat(engines.payment().url()).startsWith("http://127.0.0.1:");
            assertThat(engines.payment().server().getStubMappings()).isNotEmpty();
        }
    }

    @Test
    void anExternalEngineCannotBeStoppedFromHere() {
        try (Engines engines = Engines.builder().environment(COMPOSE).start()) {
            assertThatThrownBy(() -> engines.redis().stop())
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("external");
            assertThatThrownBy(() -> engines.kafka().restart()).isInstanceOf(IllegalStateException.class);
        }
    }
}
