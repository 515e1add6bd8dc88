package dev.stay.users.profile;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stay.common.security.RouterSignature;
import dev.stay.common.security.StaySecurityAutoConfiguration;
import dev.stay.common.test.SubgraphTest;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.env.Environment;

/** Over real HTTP: only requests the router signed reach the GraphQL endpoint, and only with a valid token if any. */
@SubgraphTest
class RouterOnlyIT {

    static final String BODY = "{\"query\":\"{ _service { sdl } }\"}";

    @LocalServerPort int port;
    @Autowired Environment env;
    final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    @Test
    void aSignedRequestIsAnswered() throws Exception {
        var response = post(BODY, signature().sign(bytes(BODY), Instant.now()), null);

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).contains("displayName");
    }

    @Test
    void anUnsignedRequestIsRefused() throws Exception {
        var response = post(BODY, null, null);

        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(response.body()).contains("UNSIGNED_REQUEST");
    }

    @Test
    void aTamperedQueryIsRefused() throws Exception {
        String signed = signature().sign(bytes(BODY), Instant.now());
        String tampered = "{\"query\":\"{ _entities(representations: []) { __typename } }\"}";

        assertThat(post(tampered, signed, null).statusCode()).isEqualTo(401);
    }

    @Test
    void aSignatureFromAnotherSecretIsRefused() throws Exception {
        String forged = new RouterSignature("not-the-shared-router-secret").sign(bytes(BODY), Instant.now());

        assertThat(post(BODY, forged, null).statusCode()).isEqualTo(401);
    }

    @Test
    void aSignedRequestWithAnInvalidTokenIsRefused() throws Exception {
        var response = post(BODY, signature().sign(bytes(BODY), Instant.now()), "Bearer not.a.jwt");

        assertThat(response.statusCode()).isEqualTo(401);
    }

    @Test
    void getIsNotServed() throws Exception {
        var response = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/graphql?query=%7Bme%7Bid%7D%7D"))
                .GET().build(), HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).isEqualTo(405);
    }

    @Test
    void healthStaysOpenForProbes() throws Exception {
        var response = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/actuator/health"))
                .GET().build(), HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).isEqualTo(200);
    }

    private RouterSignature signature() {
        return StaySecurityAutoConfiguration.routerSignature(env);
    }

    private HttpResponse<String> post(String body, String signature, String authorization) throws Exception {
        var request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/graphql"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body));
        if (signature != null) request.header(RouterSignature.HEADER, signature);
        if (authorization != null) request.header("Authorization", authorization);
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}
