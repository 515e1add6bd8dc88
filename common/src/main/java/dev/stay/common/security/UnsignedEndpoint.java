package dev.stay.common.security;

import java.util.Objects;
import org.springframework.http.HttpMethod;

/**
 * A route a subgraph serves to a caller other than the router (the payment provider's webhook), declared as a bean.
 * {@link RouterSignatureFilter} lets it through without the router's signature only when the raw request line is
 * exactly this method and this path, with no query string: {@code /webhooks/%70ayments}, {@code /webhooks/payments/},
 * {@code /webhooks/payments;x} or a GET stay router-only, so no spelling of it opens another route. The route must
 * check its caller itself (its own signature); everything else about the subgraph stays router-only.
 *
 * @param method the one method served unsigned
 * @param path the exact raw path, starting with {@code /}
 */
public record UnsignedEndpoint(HttpMethod method, String path) {

    public UnsignedEndpoint {
        Objects.requireNonNull(method, "method");
        if (path == null || !path.matches("(/[a-z0-9-]+)+")) {
            throw new IllegalArgumentException("an unsigned endpoint is a plain lower-case path: " + path);
        }
    }

    /** Whether the raw request line is exactly this endpoint's. */
    boolean matches(String requestMethod, String rawPath, String queryString) {
        return method.name().equals(requestMethod) && queryString == null && path.equals(rawPath);
    }
}
