package dev.stay.common.security;

import java.util.ArrayList;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * What a subgraph needs to trust its callers, from {@code stay.security.*} (defaults in
 * {@code stay-security.properties}, read from {@code STAY_PROFILE}, {@code STAY_ROUTER_SIGNING_SECRET},
 * {@code STAY_OIDC_ISSUER}, {@code STAY_OIDC_JWKS_URL} and {@code STAY_API_AUDIENCE}).
 *
 * <p>Only the {@code local} profile (devstack, tests, {@code ./platform up}) falls back to the repository's
 * development values; any other profile must be given its own, and {@link #problems()} says what is missing.
 *
 * @param profile             {@code local}, or anything else for a deployment (default {@code production})
 * @param routerSigningSecret the secret shared with the router, at least {@value RouterSignature#MIN_SECRET_LENGTH} characters
 * @param oidcIssuer          the identity provider's issuer, pinned in every token
 * @param oidcJwksUrl         its signing keys; empty: the issuer's Keycloak certs endpoint
 * @param apiAudience         the audience Stay's tokens carry
 */
@ConfigurationProperties("stay.security")
public record SecuritySettings(String profile, String routerSigningSecret, String oidcIssuer, String oidcJwksUrl,
                               String apiAudience) {

    public static final String LOCAL_PROFILE = "local";
    /** Local-development value, published in this repository: accepted in the local profile only. */
    static final String LOCAL_SIGNING_SECRET = "stay-local-dev-router-signing-secret";
    /** Local-development value: Keycloak of the devstack. */
    static final String LOCAL_ISSUER = "http://localhost:8180/realms/stay";

    public boolean local() {
        return LOCAL_PROFILE.equals(profile);
    }

    public String signingSecret() {
        return blank(routerSigningSecret) && local() ? LOCAL_SIGNING_SECRET : routerSigningSecret;
    }

    public String issuer() {
        return blank(oidcIssuer) && local() ? LOCAL_ISSUER : oidcIssuer;
    }

    public String jwksUrl() {
        return blank(oidcJwksUrl) ? issuer() + "/protocol/openid-connect/certs" : oidcJwksUrl;
    }

    public String audience() {
        return blank(apiAudience) ? "stay-api" : apiAudience;
    }

    /** Why these settings must not serve outside the local profile; empty when they may. */
    public List<String> problems() {
        List<String> problems = new ArrayList<>();
        String secret = signingSecret();
        if (blank(secret)) {
            problems.add("STAY_ROUTER_SIGNING_SECRET is not set");
        } else if (secret.length() < RouterSignature.MIN_SECRET_LENGTH) {
            problems.add("STAY_ROUTER_SIGNING_SECRET has fewer than " + RouterSignature.MIN_SECRET_LENGTH + " characters");
        } else if (!local() && PublishedSecrets.isPublished(secret)) {
            problems.add("STAY_ROUTER_SIGNING_SECRET is a value published in Stay's repository");
        }
        if (blank(issuer())) {
            problems.add("STAY_OIDC_ISSUER is not set");
        }
        return problems;
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }
}
