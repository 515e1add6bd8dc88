package dev.stay.catalog.search;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.core.env.Environment;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;

/**
 * {@code /actuator/searchindex} answers on the management port only, which listens on loopback (like Prometheus):
 * an operator on the machine rebuilds the index; on the API port, and spelt any other way, the API's rules refuse it.
 */
@Configuration
class ReindexEndpointSecurity {

    static final String PATH = "/actuator/searchindex";

    @Bean
    @Order(Ordered.HIGHEST_PRECEDENCE)
    SecurityFilterChain searchIndexOnTheManagementPort(HttpSecurity http, Environment env) throws Exception {
        return http
                .securityMatcher(request -> onManagementPort(request, env) && PATH.equals(request.getRequestURI()))
                .csrf(csrf -> csrf.disable())
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .authorizeHttpRequests(requests -> requests.anyRequest().permitAll())
                .build();
    }

    private static boolean onManagementPort(HttpServletRequest request, Environment env) {
        Integer management = env.getProperty("local.management.port", Integer.class);
        Integer server = env.getProperty("local.server.port", Integer.class);
        return management != null && !management.equals(server) && request.getLocalPort() == management;
    }
}
