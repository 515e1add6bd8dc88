package dev.stay.devstack.engines;

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
            "STAY_NOTIFY_URL", "http://notify:8080",
            "STAY_ROUTER_SIGNING_SECRET", "a-secret-shared-by-router-and-subgraphs");

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
                    "STAY_NOTIFY_URL", "http://notify:8080",
                    "STAY_ROUTER_SIGNING_SECRET", "a-secret-shared-by-router-and-subgraphs"));
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
    void anExternalKeycloakIsUsedAsItIsAndNamedInTheSubgraphsEnvironment() {
        Map<String, String> withKeycloak = new java.util.HashMap<>(COMPOSE);
        withKeycloak.put("STAY_OIDC_ISSUER", "http://keycloak:8080/realms/stay/");
        try (Engines engines = Engines.builder().environment(withKeycloak).start()) {
            assertThat(engines.environmentFor("users"))
                    .containsEntry("STAY_OIDC_ISSUER", "http://keycloak:8080/realms/stay")
                    .containsEntry("STAY_OIDC_JWKS_URL", "http://keycloak:8080/realms/stay/protocol/openid-connect/certs")
                    .containsEntry("STAY_API_AUDIENCE", "stay-api");
            Keycloak keycloak = engines.keycloak();
            assertThat(keycloak.isExternal()).isTrue();
            assertThat(keycloak.baseUrl()).isEqualTo("http://keycloak:8080");
            assertThat(keycloak.tokenEndpoint()).isEqualTo("http://keycloak:8080/realms/stay/protocol/openid-connect/token");
            assertThatThrownBy(keycloak::stop).isInstanceOf(IllegalStateException.class).hasMessageContaining("external");
        }
    }

    @Test
    void withoutAConfiguredSigningSecretEachSetOfEnginesMakesUpItsOwn() {
        Map<String, String> noSecret = new java.util.HashMap<>(COMPOSE);
        noSecret.remove("STAY_ROUTER_SIGNING_SECRET");
        try (Engines one = Engines.builder().environment(noSecret).start();
             Engines other = Engines.builder().environment(noSecret).start()) {
            assertThat(one.routerSigningSecret()).hasSizeGreaterThanOrEqualTo(32).isNotEqualTo(other.routerSigningSecret());
            assertThat(one.environmentFor("catalog")).containsEntry("STAY_ROUTER_SIGNING_SECRET", one.routerSigningSecret());
        }
    }

    @Test
    void anEmbeddedKeycloakIsNotStartedWithTheOtherEnginesNorNamedBeforeItIs() {
        try (Engines engines = Engines.builder().environment(COMPOSE).start()) {
            assertThat(engines.environmentFor("users")).doesNotContainKeys("STAY_OIDC_ISSUER", "STAY_API_AUDIENCE");
        }
    }

    @Test
    void openSearchAndTheProviderStubsAreNeitherStartedNorNamedBeforeTheyAreAskedFor() {
        Map<String, String> coreOnly = new java.util.HashMap<>(COMPOSE);
        coreOnly.remove("STAY_OPENSEARCH_URL");
        coreOnly.remove("STAY_PAYMENT_URL");
        coreOnly.remove("STAY_NOTIFY_URL");
        try (Engines engines = Engines.builder().environment(coreOnly).start()) {
            assertThat(engines.environmentFor("booking")).doesNotContainKeys("STAY_OPENSEARCH_URL", "STAY_PAYMENT_URL", "STAY_NOTIFY_URL");
            assertThat(engines.workDir().resolve("opensearch")).doesNotExist();

            ProviderStub payment = engines.payment();

            assertThat(payment.isRunning()).isTrue();
            assertThat(engines.environmentFor("booking"))
                    .containsEntry("STAY_PAYMENT_URL", payment.url())
                    .doesNotContainKeys("STAY_OPENSEARCH_URL", "STAY_NOTIFY_URL");
            assertThat(engines.payment()).as("started once, then shared").isSameAs(payment);
            engines.close();
            assertThat(payment.isRunning()).as("stopped with the rest").isFalse();
            assertThatThrownBy(engines::notifications).isInstanceOf(IllegalStateException.class).hasMessageContaining("stopped");
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
