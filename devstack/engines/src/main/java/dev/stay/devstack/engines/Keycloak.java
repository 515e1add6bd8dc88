package dev.stay.devstack.engines;

import dev.stay.devstack.process.ChildProcess;
import dev.stay.devstack.process.Http;
import dev.stay.devstack.process.OrphanGuard;
import dev.stay.devstack.process.Ports;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * Keycloak with Stay's realm ({@code keycloak/realm/stay-realm.json}) and event listener: the server distribution
 * from Maven Central, unpacked once ({@link KeycloakDistribution}) and started with {@code kc.sh start-dev} on an
 * in-memory database, so every start imports the realm afresh. Its issuer is fixed by {@code --hostname}:
 * {@code http://localhost:<port>/realms/stay}, whatever address a client uses.
 *
 * <p>The first start on a machine takes one to two minutes on two cores (Keycloak builds itself for the listener),
 * later ones 15 to 40 s; that is why {@link Engines#keycloak()} starts it only when a test asks for it. External instead:
 * {@code STAY_OIDC_ISSUER}, with the server admin's credentials in {@code KC_BOOTSTRAP_ADMIN_USERNAME} and
 * {@code KC_BOOTSTRAP_ADMIN_PASSWORD} if tests need {@link #adminToken()}.
 *
 * <p>The token helpers are for tests and demos: {@code stay-web}'s direct access grant exists in this local realm only.
 */
public final class Keycloak extends Engine<Engine.ChildRun> {

    public static final String REALM = "stay";
    /** The audience every token for Stay's API carries. */
    public static final String API_AUDIENCE = "stay-api";
    /** The public client of Stay's apps. */
    public static final String WEB_CLIENT = "stay-web";

    /** The embedded server's admin (realm {@code master}), for local development only. */
    public static final String LOCAL_ADMIN_USERNAME = "keycloak-admin";
    public static final String LOCAL_ADMIN_PASSWORD = "keycloak-admin-local-dev";

    private static final String CERTS = "/protocol/openid-connect/certs";
    private static final Duration READY_TIMEOUT = Duration.ofMinutes(5);
    private static final Duration STOP_GRACE = Duration.ofSeconds(30);

    private final Path dir;
    private final Path cacheRoot;
    /** Chosen up front: the issuer, which names the port, is known before the server starts. */
    private final int port;
    private final Supplier<String> kafkaBootstrap;
    private final URI issuer;
    private final String jwksUrl;
    private final String adminUsername;
    private final String adminPassword;
    /** For the ready line: whether the last start built the server in the shared cache. */
    private volatile Path builtIn;

    private Keycloak(Path dir, Path cacheRoot, int port, Supplier<String> kafkaBootstrap, URI issuer, String jwksUrl,
                     String adminUsername, String adminPassword) {
        super("keycloak", dir == null);
        this.dir = dir;
        this.cacheRoot = cacheRoot;
        this.port = port;
        this.kafkaBootstrap = kafkaBootstrap;
        this.issuer = issuer;
        this.jwksUrl = jwksUrl;
        this.adminUsername = adminUsername;
        this.adminPassword = adminPassword;
    }

    /**
     * @param dir            this server's home, realm import and log
     * @param cacheRoot      where the unpacked distribution is kept for every run on the machine
     * @param port           0 for any free port
     * @param kafkaBootstrap the broker the event listener publishes to, asked for when the server starts
     */
    public static Keycloak embedded(Path dir, Path cacheRoot, int port, Supplier<String> kafkaBootstrap) {
        int chosen = Ports.resolve(port);
        // the keys by IP address: the server listens on 127.0.0.1 only, whatever localhost resolves to
        return new Keycloak(dir, cacheRoot, chosen, kafkaBootstrap, URI.create("http://localhost:" + chosen + "/realms/" + REALM),
                "http://" + Ports.HOST + ":" + chosen + "/realms/" + REALM + CERTS, LOCAL_ADMIN_USERNAME, LOCAL_ADMIN_PASSWORD);
    }

    /** @param issuer e.g. {@code http://keycloak:8080/realms/stay} */
    public static Keycloak external(String issuer, String adminUsername, String adminPassword) {
        String trimmed = issuer.endsWith("/") ? issuer.substring(0, issuer.length() - 1) : issuer;
        return new Keycloak(null, null, 0, null, URI.create(trimmed), trimmed + CERTS, adminUsername, adminPassword);
    }

    /**
     * Unpacks the distribution unless it is in the cache, then starts the server. Its first start there builds the
     * server for Stay's listener into the shared directory, so it runs, and is waited for, under the cache's lock.
     */
    @Override
    ChildRun launch() {
        KeycloakDistribution distribution = KeycloakDistribution.locate(cacheRoot);
        try (CacheLock cache = CacheLock.exclusive(cacheRoot, READY_TIMEOUT)) {
            boolean firstStart = !distribution.isBuilt();
            distribution.prepare();
            CacheLock.markInUse(distribution.home());
            distribution.removeOthersNotInUse();
            builtIn = firstStart ? distribution.home() : null;
            if (firstStart) {
                ChildRun server = spawn(distribution);
                runs(server);
                ready(server);
                distribution.markBuilt();
                return server;
            }
        }
        return spawn(distribution);
    }

    private ChildRun spawn(KeycloakDistribution distribution) {
        Path home = distribution.instanceHome(dir, realm());
        Map<String, String> env = new HashMap<>();
        // Keycloak reads KC_* and a few JAVA_* variables: none from the caller's shell
        System.getenv().keySet().stream()
                .filter(variable -> variable.startsWith("KC_") || variable.startsWith("QUARKUS_") || variable.startsWith("JAVA_OPTS"))
                .forEach(variable -> env.put(variable, null));
        env.put("JAVA_HOME", System.getProperty("java.home"));
        env.put("KC_BOOTSTRAP_ADMIN_USERNAME", adminUsername);
        env.put("KC_BOOTSTRAP_ADMIN_PASSWORD", adminPassword);
        env.put("STAY_KAFKA_BOOTSTRAP", kafkaBootstrap.get());
        List<String> command = new ArrayList<>(List.of("sh", home.resolve("bin/kc.sh").toString(), "start-dev",
                "--import-realm",
                "--db=dev-mem",
                "--http-host=" + Ports.HOST,
                "--http-port=" + port,
                "--hostname=http://localhost:" + port));
        ChildProcess server = ChildProcess.start("keycloak", command, env, dir, dir.resolve("keycloak.log"));
        return new ChildRun(server, OrphanGuard.watch(server.pid(), "TERM"), STOP_GRACE);
    }

    /** Ready is the realm's discovery document, with the issuer that tokens will carry. */
    @Override
    void ready(ChildRun launched) {
        String discovery = "http://" + Ports.HOST + ":" + port + "/realms/" + REALM + "/.well-known/openid-configuration";
        launched.process().awaitReady("keycloak at " + discovery, READY_TIMEOUT,
                () -> Http.okBody(discovery).filter(body -> body.contains("\"issuer\":\"" + issuer() + "\"")));
    }

    @Override
    String readyLine() {
        Path built = builtIn;
        return "keycloak ready on " + baseUrl() + (built != null ? ", first start from " + built : "");
    }

    private static byte[] realm() {
        try (InputStream in = Keycloak.class.getResourceAsStream("keycloak/stay-realm.json")) {
            if (in == null) {
                throw new IllegalStateException("dev/stay/devstack/engines/keycloak/stay-realm.json is missing: build devstack/engines with Maven");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** {@code http://localhost:<port>/realms/stay}: the {@code iss} of its tokens. */
    public String issuer() {
        return issuer.toString();
    }

    /** Keycloak's public URL, {@code http://localhost:<port>}: its admin console is at {@code /admin/}. */
    public String baseUrl() {
        String issuer = issuer();
        return issuer.substring(0, issuer.indexOf("/realms/"));
    }

    /** The realm's keys. Embedded: by IP address, as the server listens on 127.0.0.1 only, whatever {@code localhost} resolves to. */
    public String jwksUrl() {
        return jwksUrl;
    }

    public String tokenEndpoint() {
        return issuer() + "/protocol/openid-connect/token";
    }

    /** Port of the embedded server, chosen when it was created; 0 for an external one. */
    public int port() {
        return port;
    }

    /** An access token of {@code stay-web} for a user, by the direct access grant (this local realm only). */
    public String passwordToken(String username, String password) {
        return client().passwordToken(WEB_CLIENT, username, password);
    }

    /** An access token of a confidential client by the client-credentials grant, e.g. {@code partner-acme}. */
    public String clientCredentialsToken(String clientId, String secret) {
        return client().clientCredentialsToken(clientId, secret);
    }

    /** An access token of the server's admin (realm {@code master}) for Keycloak's admin REST API. */
    public String adminToken() {
        return client().adminToken(adminUsername, adminPassword);
    }

    /**
     * Signs a new user up through the registration form of {@code stay-web} (Keycloak emits {@code REGISTER}, the
     * listener publishes {@code user.registered}) and returns the new user's id.
     */
    public UUID register(String email, String password, String firstName, String lastName) {
        return register(email, password, firstName, lastName, Map.of());
    }

    /** The same, with further form fields: {@code Map.of("ownerApplication", "requested")} asks to become an owner. */
    public UUID register(String email, String password, String firstName, String lastName, Map<String, String> moreFields) {
        return client().register(WEB_CLIENT, email, password, firstName, lastName, moreFields);
    }

    /** What an admin does to make someone an owner: adds the realm role (e.g. {@code owner}) to the user. */
    public void grantRealmRole(UUID userId, String role) {
        client().grantRealmRole(adminToken(), userId, role);
    }

    /** The claims of an access token, unverified: for tests that look at what Keycloak issued. */
    public static Map<String, Object> claims(String accessToken) {
        return KeycloakClient.claims(accessToken);
    }

    /** What a subgraph or the router needs to check tokens: {@code STAY_OIDC_ISSUER}, {@code STAY_OIDC_JWKS_URL}, {@code STAY_API_AUDIENCE}. */
    public Map<String, String> environment() {
        return Map.of("STAY_OIDC_ISSUER", issuer(), "STAY_OIDC_JWKS_URL", jwksUrl(), "STAY_API_AUDIENCE", API_AUDIENCE);
    }

    private String realmName() {
        String issuer = issuer();
        return issuer.substring(issuer.lastIndexOf('/') + 1);
    }

    private KeycloakClient client() {
        return new KeycloakClient(baseUrl(), realmName());
    }

}
