package dev.stay.common.test;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;

/**
 * Runs in-process GraphQL calls as a signed-in user, as the resource server would after verifying a token.
 * (Real Keycloak tokens over HTTP are exercised end to end through the router in {@code e2e/}.)
 */
public final class SignedIn {

    private SignedIn() {}

    public static void as(UUID user, String... roles) {
        asWithEmail(user, "user-" + user + "@stay.example", roles);
    }

    /** With the email the token carries, whatever it is (the identity provider checks little of it). */
    public static void asWithEmail(UUID user, String email, String... roles) {
        Jwt jwt = Jwt.withTokenValue("in-process")
                .header("alg", "RS256")
                .subject(user.toString())
                .claim("email", email)
                .claim("name", "User " + user.toString().substring(0, 8))
                .claim("realm_access", Map.of("roles", List.of(roles)))
                .issuedAt(Instant.now())
                .expiresAt(Instant.now().plusSeconds(300))
                .build();
        var authorities = Arrays.stream(roles).map(r -> new SimpleGrantedAuthority("ROLE_" + r.toUpperCase())).toList();
        SecurityContextHolder.getContext().setAuthentication(new JwtAuthenticationToken(jwt, authorities));
    }

    /** As a partner's client-credentials token: the service account's subject, the partner's client id in azp. */
    public static void asPartner(UUID serviceAccount, String clientId) {
        Jwt jwt = Jwt.withTokenValue("in-process")
                .header("alg", "RS256")
                .subject(serviceAccount.toString())
                .claim("azp", clientId)
                .claim("realm_access", Map.of("roles", List.of("partner")))
                .issuedAt(Instant.now())
                .expiresAt(Instant.now().plusSeconds(300))
                .build();
        SecurityContextHolder.getContext().setAuthentication(
                new JwtAuthenticationToken(jwt, List.of(new SimpleGrantedAuthority("ROLE_PARTNER"))));
    }

    public static void nobody() {
        SecurityContextHolder.clearContext();
    }
}
