package dev.stay.common.security;

import java.util.Set;

/**
 * Every password and secret written in Stay's repository (application defaults, compose.yaml, the devstack): all of
 * them local-development values, so none may guard a deployment. {@code PublishedSecretsTest} fails when the
 * repository holds a value marked as local-development that is missing here.
 */
public final class PublishedSecrets {

    private static final Set<String> PUBLISHED = Set.of(
            SecuritySettings.LOCAL_SIGNING_SECRET,
            "stay-local-dev-signing-secret",          // earlier local value
            "stay-compose-local-dev-signing-secret",  // earlier compose.yaml value
            "stay-local-dev",                         // database user's password in compose and defaults
            "postgres-local-dev",
            "keycloak-admin-local-dev");

    private PublishedSecrets() {}

    public static boolean isPublished(String value) {
        return value != null && PUBLISHED.contains(value.strip());
    }

    static Set<String> all() {
        return PUBLISHED;
    }
}
