package dev.stay.bench;

import dev.stay.devstack.engines.Keycloak;
import dev.stay.devstack.engines.Postgres;
import dev.stay.devstack.launcher.Platform;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;

/**
 * Stay for one benchmark run: the devstack's platform with the demo data on free ports, its subgraphs in JVMs
 * set up for throughput rather than a fast start; with {@code -Dstay.bench.scale} more hotels on top, then the search
 * index rebuilt and timed ({@link BenchScale}). Once everything is up it writes what the simulation needs into
 * a directory ({@code stack.properties}: endpoints and signing secret; {@code hotel-ids.txt}: the demo hotels) and
 * runs until it is stopped (SIGTERM or Ctrl-C), when it stops the platform.
 *
 * <p>It runs in a JVM of its own, with the devstack's classpath, rather than inside the load generator: the
 * engines' JVMs inherit the launcher's classpath, and Gatling's JVM then measures only what it sends.
 */
public final class BenchStack {

    /**
     * Full tiered compilation and a fixed heap. The devstack's default stops at the client compiler, which starts
     * fast but runs slower code; a benchmark wants the code a production JVM would run.
     */
    static final List<String> SUBGRAPH_JVM_OPTIONS = List.of("-Xms1g", "-Xmx1g");

    /**
     * Every virtual user sends from 127.0.0.1, and each bench guest books far more than a person would: the budgets
     * per address and per user would measure the rate limits, not Stay. {@code NODE_ENV=production} as in the image.
     */
    static final Map<String, String> ROUTER_ENVIRONMENT = Map.of("STAY_RATE_LIMIT_ANONYMOUS_PER_MINUTE", "100000000",
            "STAY_RATE_LIMIT_USER_PER_MINUTE", "100000000",
            "STAY_RATE_LIMIT_MUTATIONS_PER_MINUTE", "100000000",
            "NODE_ENV", "production");

    /**
     * The routers' settings for this run: {@link #ROUTER_ENVIRONMENT}, and with {@code -Dstay.bench.routerTraces=off} no
     * trace viewer (an empty {@code STAY_TRACES_URL}: the routers make no spans and send no traceparent; the subgraphs
     * still trace every request, straight or routed).
     */
    static Map<String, String> routerEnvironment() {
        String traces = System.getProperty("stay.bench.routerTraces", "on");
        if (!traces.equals("on") && !traces.equals("off")) {
            throw new IllegalArgumentException("-Dstay.bench.routerTraces must be on or off, not " + traces);
        }
        Map<String, String> env = new java.util.HashMap<>(ROUTER_ENVIRONMENT);
        if (traces.equals("off")) {
            env.put("STAY_TRACES_URL", "");
        }
        return Map.copyOf(env);
    }

    /** Guests signed up for the run: each virtual user of the booking bench books as one of them. */
    static final int GUESTS = 64;
    static final String GUEST_PASSWORD = "bench-guest-local-dev";

    private BenchStack() {
    }

    public static void main(String[] args) throws IOException, SQLException, InterruptedException {
        if (args.length != 1) {
            System.err.println("usage: BenchStack <output dir>");
            System.exit(2);
        }
        Path out = Path.of(args[0]).toAbsolutePath();
        BenchScale scale = BenchScale.fromSystemProperties(); // a wrong scale fails before anything starts
        Map<String, String> routers = routerEnvironment(); // so does a wrong routerTraces
        if (System.getProperty("logback.configurationFile") == null) {
            System.setProperty("logback.configurationFile", "dev/stay/devstack/launcher-logback.xml");
        }
        Platform stay = Platform.builder().freePorts().subgraphJvmOptions(SUBGRAPH_JVM_OPTIONS)
                .routerEnvironment(routers)
                .start();
        Runtime.getRuntime().addShutdownHook(new Thread(stay::close, "bench-stack-stop"));
        // the same router with the other query planner, for RouterOverheadSimulation; idle in the other simulations
        RustRouter rustRouter = RustRouter.start(stay, Path.of("").toAbsolutePath(), routers);
        Runtime.getRuntime().addShutdownHook(new Thread(rustRouter::close, "bench-stack-stop-rust-router"));

        // the platform loaded and indexed the demo's 2,000 hotels; a larger scale is loaded on top, and the index is
        // rebuilt here in any case, timed, so that every run reports the re-index rate it saw
        long loadStarted = System.nanoTime();
        if (scale.beyondDemo()) {
            System.out.println("[bench] loading the demo world up to --size " + scale.size());
            scale.load(Path.of("").toAbsolutePath(), stay.engines().postgres(), stay.logs());
        }
        double loadSeconds = (System.nanoTime() - loadStarted) / 1e9;
        String management = BenchScale.read(stay.workDir().resolve("catalog.management"));
        BenchScale.Reindex reindex = BenchScale.reindex(management);
        System.out.printf(java.util.Locale.ROOT, "[bench] re-indexed %,d hotels in %.0f s: %,d documents a second%n",
                reindex.documents(), reindex.seconds(), reindex.documentsPerSecond());

        List<String> hotels = publishedDemoHotels(stay.engines().postgres());
        if (hotels.isEmpty()) {
            throw new IllegalStateException("the catalog holds no published demo hotel");
        }
        Files.createDirectories(out);
        Files.write(out.resolve("hotel-ids.txt"), hotels);
        Files.write(out.resolve("guests.txt"), registerGuests(stay.engines().keycloak(), GUESTS));
        Map<String, String> endpoints = new LinkedHashMap<>();
        endpoints.put("stay.bench.routerUrl", stay.routerUrl());
        endpoints.put("stay.bench.catalogUrl", stay.subgraphUrl("catalog"));
        // RouterOverheadSimulation: the second router, and every process whose CPU time it reads from /proc
        endpoints.put("stay.bench.rustRouterUrl", rustRouter.url());
        endpoints.put("stay.bench.routerTraces", System.getProperty("stay.bench.routerTraces", "on"));
        endpoints.put("stay.bench.pid.router", Long.toString(stay.pid("router")));
        endpoints.put("stay.bench.pid.router-rust", Long.toString(rustRouter.pid()));
        for (String subgraph : List.of("catalog", "booking", "users")) {
            endpoints.put("stay.bench.pid." + subgraph, Long.toString(stay.pid(subgraph)));
        }
        endpoints.put("stay.bench.redisUrl", stay.engines().redis().url());
        endpoints.put("stay.bench.signingSecret", stay.routerSigningSecret());
        endpoints.put("stay.bench.hotelIds", out.resolve("hotel-ids.txt").toString());
        endpoints.put("stay.bench.logs", stay.logs().toString());
        endpoints.put("stay.bench.openSearchUrl", stay.engines().openSearch().url()); // search's own took
        // the search bench's scale, re-index and heap figures
        endpoints.put("stay.bench.scale", scale.size());
        endpoints.put("stay.bench.loadSeconds", String.format(java.util.Locale.ROOT, "%.0f", loadSeconds));
        endpoints.put("stay.bench.reindexDocuments", Long.toString(reindex.documents()));
        endpoints.put("stay.bench.reindexSeconds", String.format(java.util.Locale.ROOT, "%.1f", reindex.seconds()));
        endpoints.put("stay.bench.reindexDocumentsPerSecond", Long.toString(reindex.documentsPerSecond()));
        endpoints.put("stay.bench.catalogManagementUrl", management);
        // createBooking: the guests sign in at Keycloak; the floor writes straight to booking's database
        endpoints.put("stay.bench.tokenUrl", stay.engines().keycloak().tokenEndpoint());
        endpoints.put("stay.bench.guests", out.resolve("guests.txt").toString());
        endpoints.put("stay.bench.guestPassword", GUEST_PASSWORD);
        endpoints.put("stay.bench.bookingJdbcUrl", stay.engines().postgres().jdbcUrl("booking"));
        endpoints.put("stay.bench.bookingDbUser", stay.engines().postgres().user());
        endpoints.put("stay.bench.bookingDbPassword", stay.engines().postgres().password());
        // reserveTable: the cities of the catalog's restaurants, for the dated restaurant search
        endpoints.put("stay.bench.catalogJdbcUrl", stay.engines().postgres().jdbcUrl("catalog"));
        // plain key=value lines (no escapes), for bench/run to pass on as -D options; written whole, then moved,
        // so that whoever waits for the file never reads half of it
        Path pending = out.resolve("stack.properties.pending");
        Files.write(pending, endpoints.entrySet().stream().map(entry -> entry.getKey() + "=" + entry.getValue()).toList());
        Path ready = out.resolve("stack.properties");
        Files.move(pending, ready, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> ready.toFile().delete(), "bench-stack-forget"));
        System.out.println("[bench] " + hotels.size() + " demo hotels published; endpoints in " + ready);
        new CountDownLatch(1).await();
    }

    /**
     * The demo hotels in the order of the demo world, n = 0, 1, ... while hotel n is published. Their ids are
     * name-based ({@code DemoWorld}), so the same on every run; the catalog says how many it loaded.
     */
    static List<String> publishedDemoHotels(Postgres postgres) throws SQLException {
        Set<UUID> published = new HashSet<>();
        try (Connection db = DriverManager.getConnection(postgres.jdbcUrl("catalog"), postgres.user(), postgres.password());
             Statement statement = db.createStatement();
             ResultSet rows = statement.executeQuery("SELECT id FROM property WHERE status = 'PUBLISHED'")) {
            while (rows.next()) {
                published.add(rows.getObject(1, UUID.class));
            }
        }
        List<String> hotels = new ArrayList<>();
        for (int n = 0; published.contains(demoHotel(n)); n++) {
            hotels.add(demoHotel(n).toString());
        }
        return hotels;
    }

    /**
     * Signs guests up through Keycloak's registration form, as people do, so that each has an account of its own
     * (and its own {@code sub}: the router counts budgets and the booking subgraph idempotency keys per user).
     */
    static List<String> registerGuests(Keycloak keycloak, int count) {
        String run = Long.toString(System.currentTimeMillis(), 36);
        List<String> usernames = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            String email = "bench-guest-" + run + "-" + i + "@stay.example";
            keycloak.register(email, GUEST_PASSWORD, "Bench", "Guest " + i);
            usernames.add(email);
        }
        return usernames;
    }

    private static UUID demoHotel(int n) {
        return UUID.nameUUIDFromBytes(("stay-demo:hotel:" + n).getBytes(StandardCharsets.UTF_8));
    }
}
