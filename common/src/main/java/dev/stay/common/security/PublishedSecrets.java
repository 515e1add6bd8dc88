package dev.stay.common.security;

import java.util.Set;

/**
 * Every password and secret written in Stay's repository (application defaults, compose.yaml, the devstack): all of
 * them local-development values or placeholders, so none may guard a deployment. {@code PublishedSecretsTest}
 * fails when {@code .env.example} holds a value missing here, or {@code compose.yaml} a literal password or secret.
 */
public final class PublishedSecrets {

    private static final Set<String> PUBLISHED = Set.of(
            SecuritySettings.LOCAL_SIGNING_SECRET,
            "stay-local-dev-signing-secret",          // earlier local value
            "stay-compose-local-dev-signing-secret",  // earlier compose.yaml value
            "stay-local-dev",                         // the database password of the local profile's defaults
            "stay-local-dev-payment-webhook-secret",  // booking's payment webhook secret in the local profile
            "postgres-local-dev",                     // earlier compose.yaml values
            "keycloak-admin-local-dev",
            "REPLACE-ME-with-the-output-of-openssl-rand-hex-32", // .env.example's placeholders
            "REPLACE-ME-database-password",
            "REPLACE-ME-with-the-payment-provider-s-webhook-signing-secret",
            "REPLACE-ME-postgres-superuser-password",
            "REPLACE-ME-keycloak-admin-password");

    private PublishedSecrets() {}

    public static boolean isPublished(String value) {
        return value != null && PUBLISHED.contains(value.strip());
    }

    static Set<String> all() {
        return PUBLISHED;
    }
}
