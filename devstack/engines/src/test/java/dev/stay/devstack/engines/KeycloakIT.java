package dev.stay.devstack.engines;

import dev.stay.devstack.process.Http;
import dev.stay.devstack.process.Wait;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Keycloak as the platform runs it: the realm's clients, roles and demo accounts, and the event listener that
 * announces sign-ups and profile changes on the devstack's Kafka.
 */
class KeycloakIT {

    private static final Duration MESSAGE_TIMEOUT = Duration.ofSeconds(60);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient http = HttpClient.newHttpClient();

    private static Engines engines;
    private static Keycloak keycloak;
    private static KafkaConsumer<String, String> userEvents;

    @BeforeAll
    static void startKeycloak() {
        engines = Engines.shared();
        keycloak = engines.keycloak();
        userEvents = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, engines.kafka().bootstrapServers(),
                ConsumerConfig.GROUP_ID_CONFIG, "keycloak-it-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class,
                ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class,
                ConsumerConfig.RECONNECT_BACKOFF_MAX_MS_CONFIG, 500));
        userEvents.subscribe(List.of("user.registered", "user.profile-changed"));
    }

    @AfterAll
    static void closeConsumer() {
        userEvents.close();
    }

    @Test
    void aDemoGuestsTokenIsAnRs256TokenOfTheStayRealmForTheApiWithTheGuestRoleOnly() throws Exception {
        String token = keycloak.passwordToken(DemoAccounts.GUEST.username(), DemoAccounts.GUEST.password());

        JsonNode header = JSON.readTree(Base64.getUrlDecoder().decode(token.split("\\.")[0]));
        assertThat(header.get("alg").asText()).isEqualTo("RS256");
        Map<String, Object> claims = Keycloak.claims(token);
        assertThat(claims.get("iss")).isEqualTo("http://localhost:" + keycloak.port() + "/realms/stay");
        assertThat(audience(claims)).contains("stay-api");
        assertThat(realmRoles(claims)).containsExactly("guest").doesNotContain("owner");
        assertThat(claims.get("sub")).isEqualTo(DemoAccounts.GUEST.id().toString());
        assertThat(claims.get("azp")).isEqualTo("stay-web");
    }

    @Test
    void everyDemoAccountSignsInWithItsFixedIdAndItsRoles() {
        for (DemoAccounts.User user : DemoAccounts.USERS) {
            Map<String, Object> claims = Keycloak.claims(keycloak.passwordToken(user.username(), user.password()));
            assertThat(claims.get("sub")).as(user.username()).isEqualTo(user.id().toString());
            assertThat(realmRoles(claims)).as(user.username()).containsExactlyInAnyOrderElementsOf(user.roles());
        }
        assertThat(Keycloak.claims(keycloak.passwordToken("owner@stay.example", "owner-local-dev")).get("name")).isEqualTo("Ana Sousa");
    }

    @Test
    void aWrongPasswordGetsNoToken() {
        assertThatThrownBy(() -> keycloak.passwordToken(DemoAccounts.GUEST.username(), "not-the-password"))
                .hasMessageContaining("Invalid user credentials");
    }

    @Test
    void theWebClientsCodeFlowRequiresPkceWithS256() throws Exception {
        String authorize = keycloak.issuer() + "/protocol/openid-connect/auth?client_id=stay-web&response_type=code&scope=openid"
                + "&redirect_uri=" + URLEncoder.encode("http://localhost:3000/callback", StandardCharsets.UTF_8);

        assertThat(redirectOf(authorize)).contains("error=invalid_request").contains("code_challenge_method");
        assertThat(redirectOf(authorize + "&code_challenge=" + "a".repeat(43) + "&code_challenge_method=plain"))
                .contains("error=invalid_request");
    }

    private static String redirectOf(String url) throws Exception {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(url).isEqualTo(302);
        return URLDecoder.decode(response.headers().firstValue("Location").orElseThrow(), StandardCharsets.UTF_8);
    }

    @Test
    void thePartnersClientCredentialsTokenCarriesThePartnerRoleForTheApi() {
        DemoAccounts.Partner partner = DemoAccounts.PARTNER;

        Map<String, Object> claims = Keycloak.claims(keycloak.clientCredentialsToken(partner.clientId(), partner.secret()));

        assertThat(realmRoles(claims)).containsExactly("partner");
        assertThat(audience(claims)).contains("stay-api");
        assertThat(claims.get("azp")).isEqualTo("partner-acme");
        assertThatThrownBy(() -> keycloak.clientCredentialsToken(partner.clientId(), "a-wrong-secret")).hasMessageContaining("401");
    }

    @Test
    void aSignUpThroughTheFormPublishesUserRegisteredWithTheNewUsersIdAndEmail() throws Exception {
        String email = "nina." + UUID.randomUUID() + "@example.com";

        UUID nina = keycloak.register(email, "nina-local-dev-1", "Nina", "Okafor");

        JsonNode registered = nextMessage("user.registered", nina);
        assertThat(registered.get("userId").asText()).isEqualTo(nina.toString());
        assertThat(registered.get("email").asText()).isEqualTo(email);
        assertThat(registered.get("displayName").asText()).isEqualTo("Nina Okafor");
        assertThat(registered.get("eventId").asText()).isNotBlank();
        assertThat(registered.has("locale")).isTrue();
        assertThat(Instant.parse(registered.get("occurredAt").asText())).isBetween(Instant.now().minusSeconds(120), Instant.now());
        assertThat(realmRoles(Keycloak.claims(keycloak.passwordToken(email, "nina-local-dev-1")))).containsExactly("guest");
    }

    @Test
    void aSignUpSucceedsAtOnceWhileKafkaIsDown() {
        engines.kafka().stop();
        try {
            long started = System.nanoTime();
            UUID user = keycloak.register("offline." + UUID.randomUUID() + "@example.com", "offline-local-dev-1", "Olu", "Bello");
            assertThat(user).isNotNull();
            assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(5));
        } finally {
            engines.kafka().start();
        }
    }

    @Test
    void aUserCreatedByAnAdminIsAnnouncedAsRegistered() throws Exception {
        String email = "ines." + UUID.randomUUID() + "@example.com";

        HttpResponse<String> created = send(keycloak.adminToken(), "POST", "/users", JSON.createObjectNode()
                .put("username", email).put("email", email).put("firstName", "Inês").put("lastName", "Prado")
                .put("enabled", true).toString());

        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        String location = created.headers().firstValue("Location").orElseThrow();
        UUID ines = UUID.fromString(location.substring(location.lastIndexOf('/') + 1));
        JsonNode registered = nextMessage("user.registered", ines);
        assertThat(registered.get("email").asText()).isEqualTo(email);
        assertThat(registered.get("displayName").asText()).isEqualTo("Inês Prado");
    }

    @Test
    void anAdminsGrantOfTheOwnerRoleShowsUpInTheNextToken() {
        String email = "marta." + UUID.randomUUID() + "@example.com";
        UUID marta = keycloak.register(email, "marta-local-dev-1", "Marta", "Lind");
        assertThat(realmRoles(Keycloak.claims(keycloak.passwordToken(email, "marta-local-dev-1")))).containsExactly("guest");

        keycloak.grantRealmRole(marta, "owner");

        assertThat(realmRoles(Keycloak.claims(keycloak.passwordToken(email, "marta-local-dev-1"))))
                .containsExactlyInAnyOrder("guest", "owner");
    }

    /** The owner sign-up request of keycloak/README.md, step by step, with the calls it shows. */
    @Test
    void aWouldBeOwnerAsksAtSignUpAndAStayAdminApprovesWithTheDocumentedCalls() throws Exception {
        String email = "tomas." + UUID.randomUUID() + "@example.com";
        UUID tomas = keycloak.register(email, "tomas-local-dev-1", "Tomás", "Ruiz", Map.of("ownerApplication", "requested"));
        String admin = stayAdminToken();

        JsonNode requests = JSON.readTree(get(admin, "/users?q=ownerApplication:requested").body());
        assertThat(requests.findValuesAsText("id")).contains(tomas.toString());

        JsonNode available = JSON.readTree(get(admin, "/users/" + tomas + "/role-mappings/realm/available").body());
        JsonNode owner = null;
        for (JsonNode role : available) {
            if (role.get("name").asText().equals("owner")) {
                owner = role;
            }
        }
        assertThat(owner).isNotNull();
        assertThat(send(admin, "POST", "/users/" + tomas + "/role-mappings/realm", "[" + owner + "]").statusCode()).isEqualTo(204);

        ObjectNode user = (ObjectNode) JSON.readTree(get(admin, "/users/" + tomas).body());
        ((ObjectNode) user.get("attributes")).remove("ownerApplication");
        assertThat(send(admin, "PUT", "/users/" + tomas, user.toString()).statusCode()).isEqualTo(204);

        assertThat(realmRoles(Keycloak.claims(keycloak.passwordToken(email, "tomas-local-dev-1")))).containsExactlyInAnyOrder("guest", "owner");
        assertThat(JSON.readTree(get(admin, "/users?q=ownerApplication:requested").body()).findValuesAsText("id")).doesNotContain(tomas.toString());
        JsonNode changed = nextMessage("user.profile-changed", tomas);
        assertThat(changed.get("displayName").asText()).isEqualTo("Tomás Ruiz");
        assertThat(changed.get("email").asText()).isEqualTo(email);
    }

    @Test
    void aSubgraphsEnvironmentNamesTheIssuerAndTheAudience() {
        Map<String, String> users = engines.environmentFor("users");

        assertThat(users).containsEntry("STAY_OIDC_ISSUER", keycloak.issuer()).containsEntry("STAY_API_AUDIENCE", "stay-api");
        assertThat(users.get("STAY_OIDC_JWKS_URL")).isEqualTo("http://127.0.0.1:" + keycloak.port() + "/realms/stay/protocol/openid-connect/certs");
        assertThat(Http.okBody(users.get("STAY_OIDC_JWKS_URL"))).hasValueSatisfying(keys -> assertThat(keys).contains("\"RS256\""));
    }

    /** The token of {@code admin@stay.example} for Keycloak's admin API, as keycloak/README.md gets it. */
    private static String stayAdminToken() throws Exception {
        String form = "grant_type=password&client_id=admin-cli&username=" + URLEncoder.encode(DemoAccounts.ADMIN.username(), StandardCharsets.UTF_8)
                + "&password=" + DemoAccounts.ADMIN.password();
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(keycloak.tokenEndpoint()))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return JSON.readTree(response.body()).get("access_token").asText();
    }

    private static HttpResponse<String> get(String token, String path) throws Exception {
        HttpResponse<String> response = send(token, "GET", path, null);
        assertThat(response.statusCode()).as(path + ": " + response.body()).isEqualTo(200);
        return response;
    }

    private static HttpResponse<String> send(String token, String method, String path, String json) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(keycloak.baseUrl() + "/admin/realms/stay" + path))
                .header("Authorization", "Bearer " + token)
                .timeout(Duration.ofSeconds(30));
        request = json == null ? request.GET()
                : request.header("Content-Type", "application/json").method(method, HttpRequest.BodyPublishers.ofString(json));
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    /** The next message about {@code user} on {@code topic}; other users' messages (other tests) are skipped. */
    private static JsonNode nextMessage(String topic, UUID user) {
        return Wait.until(topic + " for " + user, MESSAGE_TIMEOUT, () -> {
            for (ConsumerRecord<String, String> record : userEvents.poll(Duration.ofMillis(500))) {
                if (record.topic().equals(topic) && record.key().equals(user.toString())) {
                    try {
                        return Optional.of(JSON.readTree(record.value()));
                    } catch (Exception e) {
                        throw new AssertionError("not JSON: " + record.value(), e);
                    }
                }
            }
            return Optional.empty();
        }, () -> { });
    }

    @SuppressWarnings("unchecked")
    private static List<String> realmRoles(Map<String, Object> claims) {
        return (List<String>) ((Map<String, Object>) claims.get("realm_access")).get("roles");
    }

    /** {@code aud} is a string when there is one audience, a list when there are more. */
    @SuppressWarnings("unchecked")
    private static List<String> audience(Map<String, Object> claims) {
        Object aud = claims.get("aud");
        return aud instanceof List<?> list ? (List<String>) list : List.of((String) aud);
    }
}
