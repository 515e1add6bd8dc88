package dev.stay.common.security;

import java.time.Clock;
import java.util.List;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.core.env.Environment;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.jwt.JwtClaimNames;
import org.springframework.security.oauth2.jwt.JwtClaimValidator;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtValidators;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationConverter;
import org.springframework.security.oauth2.server.resource.web.authentication.BearerTokenAuthenticationFilter;
import org.springframework.security.web.SecurityFilterChain;

/**
 * Every subgraph checks what the router checked, again: only router-signed requests reach {@code /graphql},
 * and a bearer token must be an RS256 Keycloak token for Stay's API (issuer and audience pinned, keys from the
 * realm's JWKS). A request without a token is anonymous; each resolver applies its own rule (public hotel pages,
 * a guest's own bookings, an owner's own properties).
 *
 * <p>Settings, from the environment: {@code STAY_OIDC_ISSUER}, {@code STAY_OIDC_JWKS_URL} (default: the
 * issuer's certs endpoint), {@code STAY_API_AUDIENCE} (default {@code stay-api}), {@code STAY_ROUTER_SIGNING_SECRET}.
 */
@AutoConfiguration
@ConditionalOnWebApplication
@EnableMethodSecurity
public class StaySecurityAutoConfiguration {

    /** Local-development values only; every deployment sets its own. */
    static final String LOCAL_ISSUER = "http://localhost:8180/realms/stay";
    static final String LOCAL_SIGNING_SECRET = "stay-local-dev-signing-secret";

    @Bean
    SecurityFilterChain stayApiSecurity(HttpSecurity http, JwtDecoder jwtDecoder, Environment env) throws Exception {
        RouterSignature signature = routerSignature(env);
        return http
                .csrf(csrf -> csrf.disable()) // bearer tokens, no cookies: nothing for a forged form to ride on
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .authorizeHttpRequests(requests -> requests
                        .requestMatchers("/graphql").permitAll() // router-signed; field rules in the resolvers
                        .requestMatchers("/actuator/health", "/actuator/health/**", "/actuator/prometheus").permitAll()
                        .anyRequest().denyAll())
                .oauth2ResourceServer(server -> server.jwt(jwt -> jwt
                        .decoder(jwtDecoder)
                        .jwtAuthenticationConverter(realmRoles())))
                .addFilterBefore(new RouterSignatureFilter(signature, Clock.systemUTC()),
                        BearerTokenAuthenticationFilter.class)
                .build();
    }

    /** The signature the router puts on requests, with the secret this environment shares with it. */
    public static RouterSignature routerSignature(Environment env) {
        return new RouterSignature(env.getProperty("STAY_ROUTER_SIGNING_SECRET", LOCAL_SIGNING_SECRET));
    }

    @Bean
    JwtDecoder jwtDecoder(Environment env) {
        String issuer = env.getProperty("STAY_OIDC_ISSUER", LOCAL_ISSUER);
        String jwks = env.getProperty("STAY_OIDC_JWKS_URL", issuer + "/protocol/openid-connect/certs");
        String audience = env.getProperty("STAY_API_AUDIENCE", "stay-api");
        NimbusJwtDecoder decoder = NimbusJwtDecoder.withJwkSetUri(jwks)
                .jwsAlgorithm(SignatureAlgorithm.RS256)
                .build();
        decoder.setJwtValidator(new DelegatingOAuth2TokenValidator<>(
                JwtValidators.createDefaultWithIssuer(issuer),
                new JwtClaimValidator<List<String>>(JwtClaimNames.AUD, aud -> aud != null && aud.contains(audience))));
        return decoder;
    }

    /** Keycloak's realm roles ({@code realm_access.roles}) become {@code ROLE_GUEST}, {@code ROLE_OWNER}... */
    private static JwtAuthenticationConverter realmRoles() {
        JwtAuthenticationConverter converter = new JwtAuthenticationConverter();
        converter.setJwtGrantedAuthoritiesConverter(jwt -> Viewer.realmRoles(jwt.getClaim("realm_access")).stream()
                .map(role -> (org.springframework.security.core.GrantedAuthority)
                        new SimpleGrantedAuthority("ROLE_" + role.toUpperCase()))
                .toList());
        return converter;
    }
}
