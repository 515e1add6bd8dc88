package dev.stay.common.test;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stay.common.security.RouterSignature;
import dev.stay.common.security.SecuritySettings;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.env.Environment;

/**
 * Over real HTTP, for every subgraph (each has a {@code RouterOnlyIT} extending this): only requests the router
 * signed get an answer, whatever spelling of the path an attacker tries; only the probes answer unsigned, and the
 * management port (Prometheus) listens on loopback.
 *
 * <p>Requests are written on a raw socket, so that the path reaches the server exactly as given: an HTTP client
 * would normalise {@code /./graphql} or re-encode {@code %67}.
 */
public abstract class RouterOnlyContract {

    protected static final String BODY = "{\"query\":\"{ _service { sdl } }\"}";

    @LocalServerPort protected int port;
    @Autowired protected SecuritySettings settings;
    @Autowired protected Environment env;

    @Test
    void aSignedRequestIsAnswered() throws IOException {
        Response response = post("/graphql", BODY, sign(BODY), null);

        assertThat(response.status()).isEqualTo(200);
        assertThat(response.body()).contains("\"sdl\"").contains("@link");
    }

    @Test
    void anUnsignedRequestIsRefused() throws IOException {
        Response response = post("/graphql", BODY, null, null);

        assertThat(response.status()).isEqualTo(401);
        assertThat(response.body()).contains("UNSIGNED_REQUEST").doesNotContain("sdl\"");
    }

    /** Every spelling Spring may decode or normalise to the GraphQL endpoint, unsigned: none is answered. */
    @ParameterizedTest
    @ValueSource(strings = {"/%67raphql", "/%67%72%61%70%68%71%6c", "//graphql", "/graphql/", "/GRAPHQL", "/Graphql",
            "/./graphql", "/x/../graphql", "/graphql;a=b", "/graphql%3Ba=b", "/%2Fgraphql", "/graphql%2F", "/graphql?x=1",
            "/graphql#f", "/graphql%00", "/graphql/.", "/actuator/../graphql", "/readyz/../graphql", "/livez%2F..%2Fgraphql"})
    void noSpellingOfThePathGetsAnUnsignedAnswer(String path) throws IOException {
        Response response = post(path, BODY, null, null);

        assertThat(response.status()).as(path).isBetween(400, 499);
        assertThat(response.body()).as(path).doesNotContain("sdl\"").doesNotContain("@link");
    }

    @ParameterizedTest
    @ValueSource(strings = {"/graphql?query=%7B_service%7Bsdl%7D%7D", "/%67raphql?query=%7B_service%7Bsdl%7D%7D",
            "/graphiql", "/actuator/prometheus", "/actuator/health", "/actuator/env", "/error", "/"})
    void getsAreNotServedUnsigned(String path) throws IOException {
        Response response = request("GET " + path + " HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n", port);

        assertThat(response.status()).as(path).isBetween(400, 499);
        assertThat(response.body()).as(path).doesNotContain("sdl\"").doesNotContain("jvm_").doesNotContain("\"UP\"");
    }

    @Test
    void aTamperedQueryIsRefused() throws IOException {
        String tampered = "{\"query\":\"{ _entities(representations: []) { __typename } }\"}";

        assertThat(post("/graphql", tampered, sign(BODY), null).status()).isEqualTo(401);
    }

    @Test
    void aSignatureFromAnotherSecretIsRefused() throws IOException {
        String forged = new RouterSignature("not-the-shared-router-secret-but-long-enough")
                .sign(BODY.getBytes(StandardCharsets.UTF_8), Instant.now());

        assertThat(post("/graphql", BODY, forged, null).status()).isEqualTo(401);
    }

    @Test
    void anAbsurdSignatureTimestampIsRefusedNotAnError() throws IOException {
        Response response = post("/graphql", BODY, "t=99999999999999999999999,v1=" + "ab".repeat(32), null);

        assertThat(response.status()).isEqualTo(401);
        assertThat(post("/graphql", BODY, "t=9223372036854775807,v1=" + "ab".repeat(32), null).status()).isEqualTo(401);
    }

    @Test
    void aSignedRequestWithAnInvalidTokenIsRefused() throws IOException {
        assertThat(post("/graphql", BODY, sign(BODY), "Bearer not.a.jwt").status()).isEqualTo(401);
    }

    @Test
    void theProbesAnswerUnsigned() throws IOException {
        for (String probe : new String[] {"/readyz", "/livez"}) {
            Response response = request("GET " + probe + " HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n", port);
            assertThat(response.status()).as(probe).isEqualTo(200);
            assertThat(response.body()).as(probe).contains("UP");
        }
    }

    @Test
    void prometheusIsOnTheManagementPortOnLoopbackOnly() throws IOException {
        int management = env.getRequiredProperty("local.management.port", Integer.class);
        Response response = request("GET /actuator/prometheus HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n",
                management);

        assertThat(management).isNotEqualTo(port);
        assertThat(response.status()).isEqualTo(200);
        assertThat(response.body()).contains("jvm_");
        assertThat(env.getProperty("management.server.address")).isEqualTo("127.0.0.1");
    }

    protected String sign(String body) {
        return new RouterSignature(settings.signingSecret()).sign(body.getBytes(StandardCharsets.UTF_8), Instant.now());
    }

    protected Response post(String path, String body, String signature, String authorization) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        StringBuilder head = new StringBuilder("POST " + path + " HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n"
                + "Content-Type: application/json\r\nContent-Length: " + bytes.length + "\r\n");
        if (signature != null) head.append(RouterSignature.HEADER).append(": ").append(signature).append("\r\n");
        if (authorization != null) head.append("Authorization: ").append(authorization).append("\r\n");
        return request(head + "\r\n" + body, port);
    }

    protected record Response(int status, String body) {}

    /** Writes {@code raw} as it is on a new connection and reads the whole answer. */
    protected static Response request(String raw, int port) throws IOException {
        try (Socket socket = new Socket("127.0.0.1", port)) {
            socket.setSoTimeout(10_000);
            OutputStream out = socket.getOutputStream();
            out.write(raw.getBytes(StandardCharsets.UTF_8));
            out.flush();
            InputStream in = socket.getInputStream();
            String response = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            String statusLine = response.lines().findFirst().orElse("");
            String[] parts = statusLine.split(" ");
            int status = parts.length > 1 ? Integer.parseInt(parts[1]) : -1;
            int bodyStart = response.indexOf("\r\n\r\n");
            return new Response(status, bodyStart < 0 ? "" : response.substring(bodyStart + 4));
        }
    }
}
