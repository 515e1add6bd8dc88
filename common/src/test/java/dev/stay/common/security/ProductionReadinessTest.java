package dev.stay.common.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.springframework.mock.env.MockEnvironment;

class ProductionReadinessTest {

    static final String OWN_SECRET = "dXf3s9Q2mB7vR1kL8pZ4wY6tN0cH5jE2aG9uK3iO";
    static final String ISSUER = "https://id.stay.example/realms/stay";

    @Test
    void aDeploymentWithItsOwnSecretsStarts() {
        readiness(settings("production", OWN_SECRET, ISSUER), "a-real-database-password").afterSingletonsInstantiated();
    }

    @Test
    void aDeploymentWithoutSecretsDoesNotStart() {
        var readiness = readiness(settings("production", "", ""), null);

        assertThat(readiness.problems()).containsExactlyInAnyOrder("STAY_ROUTER_SIGNING_SECRET is not set",
                "STAY_OIDC_ISSUER is not set", "STAY_DB_PASSWORD is not set");
        assertThatThrownBy(readiness::afterSingletonsInstantiated)
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("will not start with profile 'production'");
    }

    @Test
    void aShortSecretDoesNotStartAnywhere() {
        assertThat(readiness(settings("production", "sixteen-chars-ok", ISSUER), "db-password").problems())
                .containsExactly("STAY_ROUTER_SIGNING_SECRET has fewer than 32 characters");
        assertThat(readiness(settings("local", "sixteen-chars-ok", ""), null).problems())
                .containsExactly("STAY_ROUTER_SIGNING_SECRET has fewer than 32 characters");
    }

    @Test
    void everySecretPublishedInTheRepositoryIsRefusedOutsideTheLocalProfile() {
        for (String published : PublishedSecrets.all()) {
            var readiness = readiness(settings("production", published.length() >= 32 ? published : OWN_SECRET, ISSUER),
                    published);
            assertThat(readiness.problems()).as(published).isNotEmpty();
        }
        assertThat(readiness(settings("staging", SecuritySettings.LOCAL_SIGNING_SECRET, ISSUER), "own").problems())
                .containsExactly("STAY_ROUTER_SIGNING_SECRET is a value published in Stay's repository");
    }

    @Test
    void theLocalProfileFallsBackToTheDevelopmentValues() {
        var local = settings("local", "", "");

        assertThat(readiness(local, "stay-local-dev").problems()).isEmpty();
        assertThat(local.signingSecret()).isEqualTo(SecuritySettings.LOCAL_SIGNING_SECRET);
        assertThat(local.issuer()).isEqualTo(SecuritySettings.LOCAL_ISSUER);
        assertThat(local.jwksUrl()).isEqualTo(SecuritySettings.LOCAL_ISSUER + "/protocol/openid-connect/certs");
    }

    @Test
    void aSubgraphsOwnSecretIsRefusedOutsideTheLocalProfileWhenMissingShortOrPublished() {
        var production = settings("production", OWN_SECRET, ISSUER);
        String variable = "STAY_PAYMENT_WEBHOOK_SECRET";

        assertThat(withSecret(production, new DeploymentSecret(variable, ""))).containsExactly(variable + " is not set");
        assertThat(withSecret(production, new DeploymentSecret(variable, "short")))
                .containsExactly(variable + " has fewer than 32 characters");
        assertThat(withSecret(production, new DeploymentSecret(variable, "stay-local-dev-payment-webhook-secret")))
                .containsExactly(variable + " is a value published in Stay's repository");
        assertThat(withSecret(production, new DeploymentSecret(variable, OWN_SECRET + "-webhook"))).isEmpty();
        assertThat(withSecret(settings("local", "", ""), new DeploymentSecret(variable,
                "stay-local-dev-payment-webhook-secret"))).as("the local profile").isEmpty();
    }

    private static java.util.List<String> withSecret(SecuritySettings settings, DeploymentSecret secret) {
        MockEnvironment env = new MockEnvironment();
        env.setProperty("spring.datasource.password", "a-real-database-password");
        return new ProductionReadiness(settings, env, java.util.List.of(secret)).problems();
    }

    private static SecuritySettings settings(String profile, String secret, String issuer) {
        return new SecuritySettings(profile, secret, issuer, "", "stay-api");
    }

    private static ProductionReadiness readiness(SecuritySettings settings, String dbPassword) {
        MockEnvironment env = new MockEnvironment();
        if (dbPassword != null) env.setProperty("spring.datasource.password", dbPassword);
        return new ProductionReadiness(settings, env);
    }
}
