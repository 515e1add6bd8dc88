package dev.stay.e2e;

import static dev.stay.users.db.Tables.USER_PROFILE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.stay.seed.world.DemoWorld;
import dev.stay.common.security.RouterSignature;
import dev.stay.devstack.engines.DemoAccounts;
import dev.stay.devstack.engines.Keycloak;
import dev.stay.devstack.engines.Postgres;
import dev.stay.devstack.launcher.Platform;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.jooq.impl.DSL;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Who may reach what, through the router with real Keycloak tokens: one test per rule, each of which would fail
 * if the rule were dropped at the router or in a subgraph.
 */
class AccessRulesIT {

    static final JsonMapper JSON = JsonMapper.builder().build();
    static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    static final String ME = "{ me { id displayName } }";

    final Platform stay = Stay.platform();
    final Keycloak keycloak = stay.engines().keycloak();
    final StayClient anonymous = Stay.client();
    final DemoWorld.Hotel demoHotel = DemoWorld.small().hotels().getFirst();

    @Test
    void aValidGuestTokenIsAccepted() {
        var response = asGuest().send(ME, Map.of());

        assertThat(response.status()).isEqualTo(200);
        assertThat(response.data().path("me").path("id").asString()).isEqualTo(DemoAccounts.GUEST.id().toString());
    }

    @Test
    void aTokenFromAnotherIssuerIsRefused() {
        String masterRealmToken = keycloak.adminToken();

        refusedAsUnauthenticated(anonymous.withToken(masterRealmToken).send(ME, Map.of()));
    }

    @Test
    void aTokenForAnotherAudienceIsRefused() {
        String secret = "no-audience-local-dev-" + UUID.randomUUID();
        String clientId = createClient(secret, false, null);

        refusedAsUnauthenticated(anonymous.withToken(keycloak.clientCredentialsToken(clientId, secret)).send(ME, Map.of()));
    }

    @Test
    void anExpiredTokenIsRefused() {
        String secret = "short-lived-local-dev-" + UUID.randomUUID();
        String clientId = createClient(secret, true, "2");
        String token = keycloak.clientCredentialsToken(clientId, secret);
        assertThat(anonymous.withToken(token).send("{ __typename }", Map.of()).status()).as("fresh").isEqualTo(200);
        Instant expiry = Instant.ofEpochSecond(((Number) Keycloak.claims(token).get("exp")).longValue());

        await().atMost(Duration.ofSeconds(15)).until(() -> Instant.now().isAfter(expiry.plusSeconds(1)));

        refusedAsUnauthenticated(anonymous.withToken(token).send("{ __typename }", Map.of()));
    }

    @Test
    void anHs256TokenSignedWithThePublicKeyIsRefused() throws Exception {
        JsonNode jwk = null;
        for (JsonNode key : JSON.readTree(get(keycloak.jwksUrl())).path("keys")) {
            if ("RS256".equals(key.path("alg").asString())) jwk = key;
        }
        assertThat(jwk).as("the realm's signing key").isNotNull();
        Map<String, Object> claims = new LinkedHashMap<>(Keycloak.claims(guestToken()));
        claims.put("realm_access", Map.of("roles", List.of("guest", "owner", "admin")));
        String header = base64(JSON.writeValueAsBytes(Map.of("alg", "HS256", "typ", "JWT", "kid", jwk.path("kid").asString())));
        String payload = base64(JSON.writeValueAsBytes(claims));
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(publicKeyPem(jwk).getBytes(StandardCharsets.US_ASCII), "HmacSHA256"));
        String forged = header + "." + payload + "." + base64(mac.doFinal((header + "." + payload).getBytes(StandardCharsets.US_ASCII)));

        refusedAsUnauthenticated(anonymous.withToken(forged).send(ME, Map.of()));
    }

    @Test
    void aGuestCallingAnOwnerMutationIsForbidden() {
        var response = asGuest().send("""
                mutation { createHotel(input: {name: "Not mine", stars: 3, timeZone: "Europe/Lisbon", currency: "EUR",
                  address: {street: "Rua 1", city: "Lisboa", country: "PT"}, location: {lat: 38.7, lon: -9.1}})
                  { hotel { id } errors { code } } }""", Map.of());

        assertThat(response.data().path("createHotel").path("errors").path(0).path("code").asString()).isEqualTo("FORBIDDEN");
        assertThat(response.data().path("createHotel").path("hotel").isNull()).isTrue();
    }

    @Test
    void aGuestReadsAnOwnersNameButNotTheirEmailThroughEntities() {
        String query = "query ($id: ID!) { hotel(id: $id) { owner { displayName email } } }";
        Map<String, Object> variables = Map.of("id", demoHotel.id().toString());

        var asGuest = asGuest().send(query, variables);
        assertThat(asGuest.data().path("hotel").path("owner").path("displayName").asString()).isNotBlank();
        assertThat(asGuest.data().path("hotel").path("owner").path("email").isNull()).isTrue();
        assertThat(asGuest.errorCode()).isEqualTo("FORBIDDEN");

        String ownerToken = keycloak.passwordToken(DemoAccounts.OWNER.username(), DemoAccounts.OWNER.password());
        var asOwner = anonymous.withToken(ownerToken).send(query, variables);
        assertThat(asOwner.body().path("errors").isMissingNode()).as("%s", asOwner.body()).isTrue();
        assertThat(asOwner.data().path("hotel").path("owner").path("email").asString()).isNotBlank();
    }

    @Test
    void subgraphsRefuseUnsignedAndTamperedCallsAndAnswerTheRouter() throws Exception {
        String body = "{\"query\":\"{ _service { sdl } }\"}";
        String tampered = "{\"query\":\"{ _entities(representations: []) { __typename } }\"}";
        String signature = new RouterSignature(stay.routerSigningSecret())
                .sign(body.getBytes(StandardCharsets.UTF_8), Instant.now());

        for (String subgraph : List.of("catalog", "booking", "users")) {
            assertThat(postToSubgraph(subgraph, body, null).statusCode()).as(subgraph + " unsigned").isEqualTo(401);
            assertThat(postToSubgraph(subgraph, tampered, signature).statusCode()).as(subgraph + " tampered").isEqualTo(401);
            assertThat(postToSubgraph(subgraph, body, signature).statusCode()).as(subgraph + " signed").isEqualTo(200);
        }
    }

    @Test
    void aPartnerRunsListedDocumentsOnly() throws Exception {
        StayClient partner = anonymous.withToken(
                keycloak.clientCredentialsToken(DemoAccounts.PARTNER.clientId(), DemoAccounts.PARTNER.secret()));
        Map<String, Object> variables = Map.of("id", demoHotel.id().toString(),
                "checkIn", java.time.LocalDate.now().plusDays(30).toString(),
                "checkOut", java.time.LocalDate.now().plusDays(32).toString(), "guests", 2);

        var listed = partner.sendDocument(documentId("HotelAvailability"), variables);
        assertThat(listed.body().path("errors").isMissingNode()).as("%s", listed.body()).isTrue();
        assertThat(listed.data().path("hotel").path("availability").isArray()).isTrue();

        assertThat(partner.send("{ hotel(id: \"" + demoHotel.id() + "\") { name } }", Map.of()).errorCode())
                .isEqualTo("PERSISTED_QUERY_ONLY");
        assertThat(partner.sendDocument("sha256:" + "0".repeat(64), Map.of()).errorCode())
                .isEqualTo("PERSISTED_QUERY_NOT_FOUND");
    }

    @Test
    void aTooDeepQueryIsRefused() {
        StringBuilder query = new StringBuilder("{ hotel(id: \"" + demoHotel.id() + "\") { ...F0 } }");
        for (int i = 0; i < 14; i++) {
            query.append(" fragment F").append(i).append(" on Hotel { id ...F").append(i + 1).append(" }");
        }
        query.append(" fragment F14 on Hotel { name }");

        assertThat(anonymous.send(query.toString(), Map.of()).errorCode()).isEqualTo("MAX_DEPTH_EXCEEDED");
    }

    @Test
    void tooManyAliasesAreRefused() {
        StringBuilder query = new StringBuilder("{ hotel(id: \"" + demoHotel.id() + "\") {");
        for (int i = 0; i < 16; i++) {
            query.append(" n").append(i).append(": name");
        }
        query.append(" } }");

        assertThat(anonymous.send(query.toString(), Map.of()).errorCode()).isEqualTo("MAX_ALIASES_EXCEEDED");
    }

    @Test
    void mutationsOverTheRateLimitAreRefused() {
        String email = "busy-" + UUID.randomUUID() + "@stay.example";
        keycloak.register(email, "busy-local-dev-password", "Busy", "Guest");
        StayClient busy = anonymous.withToken(keycloak.passwordToken(email, "busy-local-dev-password"));
        String rename = "mutation { updateProfile(input: {displayName: \"Busy Guest\"}) { errors { code } } }";

        for (int i = 0; i < Stay.MUTATIONS_PER_MINUTE; i++) {
            assertThat(busy.send(rename, Map.of()).status()).as("mutation %d", i + 1).isEqualTo(200);
        }
        var over = busy.send(rename, Map.of());

        assertThat(over.status()).isEqualTo(429);
        assertThat(over.errorCode()).isEqualTo("RATE_LIMITED");
    }

    @Test
    void aRegistrationInKeycloakCreatesTheProfileInTheUsersSubgraph() {
        String email = "new-" + UUID.randomUUID() + "@stay.example";

        UUID id = keycloak.register(email, "new-guest-local-dev-password", "Nova", "Hóspede");

        // no token of the new user is used: only the registration event can create this profile
        Postgres postgres = stay.engines().postgres();
        var users = DSL.using(postgres.jdbcUrl("users"), postgres.user(), postgres.password());
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                assertThat(users.fetchOptional(USER_PROFILE, USER_PROFILE.ID.eq(id))).hasValueSatisfying(profile -> {
                    assertThat(profile.getEmail()).isEqualTo(email);
                    assertThat(profile.getDisplayName()).isEqualTo("Nova Hóspede");
                }));
    }

    private StayClient asGuest() {
        return anonymous.withToken(guestToken());
    }

    private String guestToken() {
        return keycloak.passwordToken(DemoAccounts.GUEST.username(), DemoAccounts.GUEST.password());
    }

    private static void refusedAsUnauthenticated(StayClient.Response response) {
        assertThat(response.status()).isEqualTo(401);
        assertThat(response.errorCode()).isEqualTo("UNAUTHENTICATED");
    }

    /** A confidential client of realm stay, with or without the API audience, through Keycloak's admin API. */
    private String createClient(String secret, boolean withAudience, String tokenLifespanSeconds) {
        String clientId = "e2e-" + UUID.randomUUID();
        Map<String, Object> client = new LinkedHashMap<>();
        client.put("clientId", clientId);
        client.put("secret", secret);
        client.put("publicClient", false);
        client.put("serviceAccountsEnabled", true);
        client.put("standardFlowEnabled", false);
        if (tokenLifespanSeconds != null) {
            client.put("attributes", Map.of("access.token.lifespan", tokenLifespanSeconds));
        }
        if (withAudience) {
            client.put("protocolMappers", List.of(Map.of("name", "stay-api audience", "protocol", "openid-connect",
                    "protocolMapper", "oidc-audience-mapper", "config", Map.of(
                            "included.custom.audience", Keycloak.API_AUDIENCE, "access.token.claim", "true"))));
        }
        try {
            HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(
                            URI.create(keycloak.baseUrl() + "/admin/realms/" + Keycloak.REALM + "/clients"))
                    .header("Authorization", "Bearer " + keycloak.adminToken())
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(client))).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
        return clientId;
    }

    private HttpResponse<String> postToSubgraph(String subgraph, String body, String signature) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(stay.subgraphUrl(subgraph)))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body));
        if (signature != null) request.header(RouterSignature.HEADER, signature);
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String get(String url) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create(url)).GET().build(), HttpResponse.BodyHandlers.ofString()).body();
    }

    /** A partner's document id: the hash of the file the router lists it from. */
    private static String documentId(String name) throws Exception {
        byte[] document = Files.readAllBytes(Path.of("..", "router", "persisted", name + ".graphql"));
        return "sha256:" + HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(document));
    }

    /** The realm's RSA public key as PEM, the "secret" an algorithm-confusion attack signs with. */
    private static String publicKeyPem(JsonNode jwk) throws Exception {
        var modulus = new java.math.BigInteger(1, Base64.getUrlDecoder().decode(jwk.path("n").asString()));
        var exponent = new java.math.BigInteger(1, Base64.getUrlDecoder().decode(jwk.path("e").asString()));
        byte[] der = java.security.KeyFactory.getInstance("RSA")
                .generatePublic(new java.security.spec.RSAPublicKeySpec(modulus, exponent)).getEncoded();
        return "-----BEGIN PUBLIC KEY-----\n" + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
                .encodeToString(der) + "\n-----END PUBLIC KEY-----\n";
    }

    private static String base64(byte[] bytes) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
