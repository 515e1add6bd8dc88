package dev.stay.common.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.List;
import java.util.Set;
import org.springframework.core.env.Environment;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Lets through only POSTs signed by the router ({@link RouterSignature}), whatever their path; anything else is
 * refused before any token, query or database is looked at. The only exceptions are the health probes, matched on
 * the raw request line ({@link #PROBES}, exactly), a subgraph's own {@link UnsignedEndpoint}s (its exact method and
 * raw path, no query string: the route checks its caller itself), and the management port, which listens on
 * loopback only.
 *
 * <p>Why every path and the raw line: Spring Security and Spring GraphQL match the decoded, normalised path, so a
 * filter that looked for {@code /graphql} in the raw URI would let {@code /%67raphql} or {@code //graphql} through
 * unsigned. Checking everything but an exact, harmless list leaves no spelling to find.
 */
class RouterSignatureFilter extends OncePerRequestFilter {

    private static final int MAX_BODY_BYTES = 1 << 20;
    /** Answered unsigned, for load balancers and orchestrators: GET only, and only these exact raw paths. */
    static final Set<String> PROBES = Set.of("/livez", "/readyz");

    private final RouterSignature signature;
    private final Clock clock;

    private final Environment env;
    private final List<UnsignedEndpoint> unsigned;

    RouterSignatureFilter(RouterSignature signature, Clock clock, Environment env, List<UnsignedEndpoint> unsigned) {
        this.signature = signature;
        this.clock = clock;
        this.env = env;
        this.unsigned = List.copyOf(unsigned);
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        boolean probe = HttpMethod.GET.matches(request.getMethod()) && request.getQueryString() == null
                && PROBES.contains(request.getRequestURI());
        boolean ownEndpoint = unsigned.stream().anyMatch(endpoint -> endpoint.matches(request.getMethod(),
                request.getRequestURI(), request.getQueryString()));
        return probe || ownEndpoint || onManagementPort(request);
    }

    /** The management server's port, once Spring Boot started it apart from the API's (loopback only). */
    private boolean onManagementPort(HttpServletRequest request) {
        Integer management = env.getProperty("local.management.port", Integer.class);
        Integer server = env.getProperty("local.server.port", Integer.class);
        return management != null && !management.equals(server) && request.getLocalPort() == management;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (!HttpMethod.POST.matches(request.getMethod())) {
            refuse(response, HttpServletResponse.SC_METHOD_NOT_ALLOWED, "METHOD_NOT_ALLOWED", "only POST is served");
            return;
        }
        byte[] body = request.getInputStream().readNBytes(MAX_BODY_BYTES + 1);
        if (body.length > MAX_BODY_BYTES) {
            refuse(response, HttpServletResponse.SC_REQUEST_ENTITY_TOO_LARGE, "REQUEST_TOO_LARGE", "request too large");
            return;
        }
        if (!signature.verifies(request.getHeader(RouterSignature.HEADER), body, clock.instant())) {
            refuse(response, HttpServletResponse.SC_UNAUTHORIZED, "UNSIGNED_REQUEST",
                    "subgraphs answer the router only: missing or invalid " + RouterSignature.HEADER);
            return;
        }
        chain.doFilter(new BodyReplay(request, body), response);
    }

    private static void refuse(HttpServletResponse response, int status, String code, String message)
            throws IOException {
        response.setStatus(status);
        response.setContentType(MediaType.APPLICATION_JSON_VALUE);
        response.getOutputStream().write(("{\"errors\":[{\"message\":\"" + message
                + "\",\"extensions\":{\"code\":\"" + code + "\"}}]}").getBytes(StandardCharsets.UTF_8));
    }

    /** The request with its body, already read for the signature check, readable again. */
    private static final class BodyReplay extends HttpServletRequestWrapper {

        private final byte[] body;

        BodyReplay(HttpServletRequest request, byte[] body) {
            super(request);
            this.body = body;
        }

        @Override
        public ServletInputStream getInputStream() {
            ByteArrayInputStream in = new ByteArrayInputStream(body);
            return new ServletInputStream() {
                @Override
                public int read() {
                    return in.read();
                }

                @Override
                public int read(byte[] b, int off, int len) {
                    return in.read(b, off, len);
                }

                @Override
                public boolean isFinished() {
                    return in.available() == 0;
                }

                @Override
                public boolean isReady() {
                    return true;
                }

                @Override
                public void setReadListener(ReadListener listener) {
                    throw new UnsupportedOperationException("blocking reads only");
                }
            };
        }

        @Override
        public int getContentLength() {
            return body.length;
        }

        @Override
        public long getContentLengthLong() {
            return body.length;
        }
    }
}
