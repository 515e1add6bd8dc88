package dev.stay.common.security;

import java.time.Clock;
import java.util.List;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.PropertySource;
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
 * Every subgraph checks what the router checked, again: only router-signed requests get past the first filter
 * (every path but the health probes and a subgraph's {@link UnsignedEndpoint}s, matched exactly), and a bearer token must be an RS256 Keycloak token for Stay's API (issuer and
 * audience pinned, keys from the realm's JWKS). A request without a token is anonymous; each resolver applies its
 * own rule (public hotel pages, a guest's own bookings, an owner's own properties).
 *
 * <p>Settings: {@link SecuritySettings}. Outside the local profile a subgraph does not start without its own
 * secrets ({@link ProductionReadiness}).
 */
@AutoConfiguration
@ConditionalOnWebApplication
@EnableMethodSecurity
@EnableConfigurationProperties(SecuritySettings.class)
@PropertySource("classpath:stay-security.properties")
public class StaySecurityAutoConfiguration {

    @Bean
    ProductionReadiness stayProductionReadiness(SecuritySettings settings, Environment env,
                                                ObjectProvider<DeploymentSecret> secrets) {
        return new ProductionReadiness(settings, env, secrets.orderedStream().toList());
    }

    @Bean
    SecurityFilterChain stayApiSecurity(HttpSecurity http, JwtDecoder jwtDecoder, SecuritySettings settings,
                                        Environment env, ObjectProvider<UnsignedEndpoint> unsignedEndpoints)
            throws Exception {
        RouterSignature signature = new RouterSignature(settings.signingSecret());
        List<UnsignedEndpoint> unsigned = unsignedEndpoints.orderedStream().toList();
        return http
                .csrf(csrf -> csrf.disable()) // bearer tokens, no cookies: nothing for a forged form to ride on
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .authorizeHttpRequests(requests -> requests
                        .requestMatchers("/graphql").permitAll() // router-signed; field rules in the resolvers
                        .requestMatchers("/livez", "/readyz").permitAll()
                        // each checks its caller itself; RouterSignatureFilter lets through only its exact raw line
                        .requestMatchers(request -> unsigned.stream().anyMatch(e -> e.matches(request.getMethod(),
                                request.getRequestURI(), request.getQueryString()))).permitAll()
                        // the management port, on loopback only (RouterSignatureFilter lets it through unsigned)
                        .requestMatchers("/actuator/health", "/actuator/health/**", "/actuator/prometheus").permitAll()
                        .anyRequest().denyAll())
                .oauth2ResourceServer(server -> server.jwt(jwt -> jwt
                        .decoder(jwtDecoder)
                        .jwtAuthenticationConverter(realmRoles())))
                .addFilterBefore(new RouterSignatureFilter(signature, Clock.systemUTC(), env, unsigned),
                        BearerTokenAuthenticationFilter.class)
                .build();
    }

    @Bean
    JwtDecoder jwtDecoder(SecuritySettings settings) {
        NimbusJwtDecoder decoder = NimbusJwtDecoder.withJwkSetUri(settings.jwksUrl())
                .jwsAlgorithm(SignatureAlgorithm.RS256)
                .build();
        String audience = settings.audience();
        decoder.setJwtValidator(new DelegatingOAuth2TokenValidator<>(
                JwtValidators.createDefaultWithIssuer(settings.issuer()),
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
