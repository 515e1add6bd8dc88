package dev.stay.devstack;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

/**
 * The whole of Stay on one machine: the engines, the three subgraphs as {@code java -jar} processes, the supergraph
 * composed for their ports, and the router in front. {@code ./platform up} runs it until Ctrl-C; end-to-end tests
 * start it with free ports and close it when done:
 *
 * <pre>{@code
 * try (Platform stay = Platform.builder().freePorts().start()) {
 *     // query stay.routerUrl()
 * }
 * }</pre>
 */
public final class Platform implements AutoCloseable {

    private static final String PREFIX = "platform";

    private final PlatformOptions options;
    private final Path workDir;
    private final Map<String, Integer> ports = new LinkedHashMap<>();
    private final List<Service> subgraphs = new ArrayList<>();
    private Engines engines;
    private boolean ownsEngines;
    private Service router;
    private boolean closed;

    Platform(PlatformOptions options) {
        this.options = options;
        this.workDir = options.workDir();
    }

    public static PlatformOptions builder() {
        return new PlatformOptions();
    }

    /** Starts everything, in order; if a step fails, what was started is stopped again before the failure is thrown. */
    Platform startAll() {
        long started = System.nanoTime();
        try {
            Progress.line(PREFIX, "starting Stay from " + options.repoRoot() + ", work dir " + workDir);
            checkBuilt();
            startEngines();
            startSubgraphs();
            composeSupergraph();
            startRouter();
        } catch (RuntimeException e) {
            Progress.line(PREFIX, "start failed: " + e.getMessage());
            close();
            throw e;
        }
        printSummary(started);
        return this;
    }

    private void checkBuilt() {
        List<String> missing = new ArrayList<>();
        for (String subgraph : Engines.SUBGRAPHS) {
            if (!Files.isRegularFile(subgraphJar(subgraph))) {
                missing.add(options.repoRoot().relativize(subgraphJar(subgraph)).toString());
            }
        }
        if (!Files.isDirectory(gatewayBin().getParent())) {
            missing.add("router/node_modules (run router/build.sh)");
        }
        if (!missing.isEmpty()) {
            throw new IllegalStateException("not built yet: " + missing + "; build with ./mvnw -DskipTests install");
        }
    }

    private void startEngines() {
        if (options.engines() != null) {
            engines = options.engines();
            return;
        }
        engines = Engines.builder().workDir(workDir.resolve("engines")).ports(options.enginePorts())
                .environment(options.environment()).start();
        ownsEngines = true;
    }

    /** All three at once: most of a subgraph's start is waiting on its own JVM, and each waits for itself. */
    private void startSubgraphs() {
        for (String subgraph : Engines.SUBGRAPHS) {
            ports.put(subgraph, Ports.resolve(options.subgraphPorts().get(subgraph)));
        }
        long started = System.nanoTime();
        for (String subgraph : Engines.SUBGRAPHS) {
            int port = ports.get(subgraph);
            Map<String, String> env = new HashMap<>(engines.environmentFor(subgraph));
            env.put("SERVER_PORT", Integer.toString(port));
            env.put("STAY_DEMO_DATA", Boolean.toString(options.demoData()));
            List<String> command = new ArrayList<>();
            command.add(ChildJvm.javaExecutable());
            command.addAll(options.subgraphJvmOptions());
            command.add("-jar");
            command.add(subgraphJar(subgraph).toString());
            subgraphs.add(Service.start(subgraph, "http://" + Ports.HOST + ":" + port + "/graphql", command, env,
                    options.repoRoot(), logs().resolve(subgraph + ".log")));
        }
        List<CompletableFuture<Void>> waits = subgraphs.stream().map(service -> CompletableFuture.runAsync(() -> {
            service.awaitHealthy("http://" + Ports.HOST + ":" + ports.get(service.name()) + "/actuator/health",
                    "\"UP\"", options.startTimeout());
            Progress.done(PREFIX, service.name() + " up on " + service.url(), started);
        }, runnable -> Thread.ofPlatform().name("platform-wait-" + service.name()).daemon().start(runnable))).toList();
        List<String> failures = new ArrayList<>();
        for (CompletableFuture<Void> wait : waits) {
            try {
                wait.join();
            } catch (CompletionException e) {
                failures.add(e.getCause().getMessage());
            }
        }
        if (!failures.isEmpty()) {
            throw new IllegalStateException("subgraphs did not come up:\n" + String.join("\n\n", failures));
        }
    }

    /** Composes the supergraph for the ports the subgraphs have now (compose.mjs bakes the URLs into it). */
    private void composeSupergraph() {
        long started = System.nanoTime();
        Map<String, String> env = new HashMap<>();
        for (Service subgraph : subgraphs) {
            env.put("STAY_" + subgraph.name().toUpperCase(java.util.Locale.ROOT) + "_URL", subgraph.url());
        }
        ChildProcess compose = ChildProcess.start("compose", List.of(options.node(), routerDir().resolve("compose.mjs").toString(),
                "--out", supergraph().toString()), env, routerDir(), logs().resolve("compose.log"));
        int exit = compose.awaitExit(Duration.ofSeconds(120));
        if (exit != 0) {
            throw new IllegalStateException("composing the supergraph failed (exit " + exit + "):\n" + compose.tail(40));
        }
        Progress.done(PREFIX, "supergraph composed into " + supergraph(), started);
    }

    private void startRouter() {
        long started = System.nanoTime();
        int port = Ports.resolve(options.routerPort());
        ports.put("router", port);
        Map<String, String> env = new HashMap<>();
        env.put("STAY_SUPERGRAPH", supergraph().toString());
        env.put("STAY_ROUTER_HOST", Ports.HOST);
        env.put("STAY_ROUTER_PORT", Integer.toString(port));
        router = Service.start("router", "http://" + Ports.HOST + ":" + port + "/graphql",
                List.of(options.node(), gatewayBin().toString(), "supergraph", "--config-path", "gateway.config.mjs"),
                withoutGatewayOverrides(env), routerDir(), logs().resolve("router.log"));
        router.awaitHealthy("http://" + Ports.HOST + ":" + port + "/readiness", "", options.startTimeout());
        Progress.done(PREFIX, "router up on " + router.url(), started);
    }

    /** The gateway's generic HOST, PORT and FORK variables would win over STAY_ROUTER_*: a child must not inherit them. */
    private static Map<String, String> withoutGatewayOverrides(Map<String, String> env) {
        Map<String, String> cleaned = new HashMap<>(env);
        for (String name : List.of("HOST", "PORT", "FORK")) {
            cleaned.put(name, null);
        }
        return cleaned;
    }

    private void printSummary(long started) {
        Postgres postgres = engines.postgres();
        StringBuilder summary = new StringBuilder();
        row(summary, "router", router.url() + "  (GraphiQL in a browser)");
        subgraphs.forEach(subgraph -> row(summary, subgraph.name(), subgraph.url()));
        row(summary, "postgres", postgres.jdbcUrl("{catalog,booking,users}") + "  user " + postgres.user());
        row(summary, "kafka", engines.kafka().bootstrapServers());
        row(summary, "redis", engines.redis().url());
        row(summary, "opensearch", engines.openSearch().url());
        row(summary, "payment", engines.payment().url());
        row(summary, "notify", engines.notifications().url());
        row(summary, "logs", logs().toString());
        row(summary, "demo data", options.demoData() ? "loaded" : "off");
        System.out.print(summary);
        Progress.done(PREFIX, "Stay is up: http://localhost:" + ports.get("router") + "/graphql", started);
    }

    private static void row(StringBuilder summary, String name, String value) {
        summary.append(String.format("  %-11s %s%n", name, value));
    }

    /** Stops the router, then the subgraphs, then the engines it started; safe to call more than once. */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        long started = System.nanoTime();
        if (router != null) {
            router.stop();
        }
        List<Thread> stops = subgraphs.stream()
                .map(subgraph -> Thread.ofPlatform().name("platform-stop-" + subgraph.name()).start(subgraph::stop))
                .toList();
        for (Thread stop : stops) {
            try {
                stop.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        if (engines != null && ownsEngines) {
            engines.close();
        }
        Progress.done(PREFIX, "Stay stopped", started);
    }

    void reportUnexpectedExits() {
        subgraphs.forEach(subgraph -> subgraph.onUnexpectedExit(message -> Progress.line(PREFIX, message)));
        router.onUnexpectedExit(message -> Progress.line(PREFIX, message));
    }

    public String routerUrl() {
        return router.url();
    }

    public int routerPort() {
        return ports.get("router");
    }

    /** {@code http://127.0.0.1:PORT/graphql} of a subgraph, to call it directly, bypassing the router. */
    public String subgraphUrl(String subgraph) {
        return subgraphs.stream().filter(service -> service.name().equals(subgraph)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("unknown subgraph " + subgraph)).url();
    }

    public Engines engines() {
        return engines;
    }

    public Path workDir() {
        return workDir;
    }

    /** Where each process writes: {@code <name>.log} for catalog, booking, users, compose and router. */
    public Path logs() {
        return workDir.resolve("logs");
    }

    private Path subgraphJar(String subgraph) {
        return options.repoRoot().resolve("subgraph-" + subgraph).resolve("target")
                .resolve("subgraph-" + subgraph + "-" + PlatformOptions.VERSION + "-exec.jar");
    }

    private Path routerDir() {
        return options.repoRoot().resolve("router");
    }

    private Path gatewayBin() {
        return routerDir().resolve("node_modules/@graphql-hive/gateway/dist/bin.js");
    }

    private Path supergraph() {
        return workDir.resolve("supergraph.graphql");
    }

    /** {@code up [--no-demo]} or {@code help}; see {@link PlatformCommand}. */
    public static void main(String[] args) {
        System.exit(PlatformCommand.run(args));
    }
}
