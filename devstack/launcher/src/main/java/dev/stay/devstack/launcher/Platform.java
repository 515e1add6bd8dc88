package dev.stay.devstack.launcher;

import dev.stay.devstack.engines.Engines;
import dev.stay.devstack.engines.Keycloak;
import dev.stay.devstack.process.Progress;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

/**
 * The whole of Stay on one machine: the engines (Keycloak included), the three subgraphs as {@code java -jar}
 * processes, the demo data loaded into their databases ({@link DemoData}), the supergraph composed for their ports,
 * and the router in front. The router and the subgraphs share
 * the engines' request-signing secret ({@link Engines#routerSigningSecret()}). {@code ./platform up} runs it until
 * Ctrl-C; end-to-end tests start it on free ports and close it when done:
 *
 * <pre>{@code
 * try (Platform stay = Platform.builder().freePorts().start()) {
 *     // send GraphQL to stay.routerUrl()
 * }
 * }</pre>
 */
public final class Platform implements AutoCloseable {

    private final PlatformOptions options;
    private final Subgraphs subgraphs = new Subgraphs();
    private final DemoData demoData = new DemoData();
    private final Router router = new Router();
    private volatile Engines engines;
    private volatile boolean closed;

    Platform(PlatformOptions options) {
        this.options = options;
    }

    public static PlatformOptions builder() {
        return new PlatformOptions();
    }

    /** {@code up [--no-demo]} or {@code help}: see {@link PlatformCommand}. */
    public static void main(String[] args) {
        System.exit(PlatformCommand.run(args));
    }

    /** Starts everything in order; if a step fails, what was started is stopped again and the failure thrown. */
    Platform startAll() {
        long started = System.nanoTime();
        try {
            Progress.line("platform", "starting Stay from " + options.repoRoot() + ", work dir " + workDir());
            checkBuilt();
            engines = options.engines() != null ? options.engines()
                    : Engines.builder().workDir(workDir().resolve("engines")).ports(options.enginePorts())
                            .cacheDir(options.repoRoot().resolve(".platform").resolve("cache"))
                            .environment(options.environment()).create();
            // the platform runs everything: OpenSearch and the provider stubs too, named in the subgraphs' environment
            engines.startEverything();
            notClosed();
            // Keycloak takes longest: it starts while the subgraphs do, which need its issuer only when a token comes
            CompletableFuture<Keycloak> keycloak = engines.startKeycloak();
            subgraphs.start(options, engines, logs());
            notClosed();
            paymentCallsBack();
            writeCatalogManagementUrl();
            if (options.demoData()) { // the subgraphs have migrated their databases
                demoData.load(options, engines, logs());
                notClosed();
                // the loader writes the databases directly, so no event announced its hotels: index them all
                SearchReindex.run(subgraphs.managementUrl("catalog"), System.out, System.console() != null);
                notClosed();
            }
            Router.compose(options, subgraphs, supergraph(), logs());
            router.start(options, supergraph(), routerEnvironment(await(keycloak)), logs());
        } catch (RuntimeException e) {
            Progress.line("platform", "start failed: " + e.getMessage());
            close();
            throw e;
        }
        printSummary(started);
        return this;
    }

    /**
     * The payment stub calls booking back as the real provider does (after its {@code tok_timeout} charge, whose
     * answer booking stopped waiting for), signed with booking's webhook key: the local profile's published one
     * unless {@code STAY_PAYMENT_WEBHOOK_SECRET} sets another. An external provider is told by its own settings.
     */
    private void paymentCallsBack() {
        if (engines.payment().isExternal()) {
            return;
        }
        String secret = System.getenv().getOrDefault("STAY_PAYMENT_WEBHOOK_SECRET", "");
        engines.payment().callBackTo(java.net.URI.create(subgraphs.url("booking")).resolve("/webhooks/payments"),
                secret.isBlank() ? "stay-local-dev-payment-webhook-secret" : secret);
    }

    /** For {@code ./platform reindex}, which runs in another process while this one is up. */
    private void writeCatalogManagementUrl() {
        try {
            Files.createDirectories(workDir());
            Files.writeString(SearchReindex.managementFile(workDir()), subgraphs.managementUrl("catalog"));
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static Keycloak await(CompletableFuture<Keycloak> keycloak) {
        try {
            return keycloak.join();
        } catch (CompletionException e) {
            throw e.getCause() instanceof RuntimeException cause ? cause : e;
        }
    }

    /** The router checks tokens as the subgraphs do, counts rate limits in Redis and signs what it forwards. */
    private Map<String, String> routerEnvironment(Keycloak keycloak) {
        Map<String, String> env = new HashMap<>(keycloak.environment());
        env.put("STAY_REDIS_URL", engines.redis().url());
        env.put("STAY_ROUTER_SIGNING_SECRET", engines.routerSigningSecret());
        env.put("STAY_ROUTER_PROFILE", options.routerProfile()); // null: not inherited either
        env.put("STAY_TRACES_URL", engines.traceViewer().url()); // the router's spans, like the subgraphs'
        env.putAll(options.routerEnvironment());
        return env;
    }

    /** A stop that came while starting (Ctrl-C) ends the start: nothing new is launched after it. */
    private void notClosed() {
        if (closed) {
            throw new IllegalStateException("stopped while starting");
        }
    }

    private void checkBuilt() {
        List<String> missing = new ArrayList<>();
        for (String subgraph : Engines.SUBGRAPHS) {
            Path jar = Subgraphs.jar(options.repoRoot(), subgraph);
            if (!Files.isRegularFile(jar)) {
                missing.add(options.repoRoot().relativize(jar).toString());
            }
        }
        if (!Files.isRegularFile(Router.gatewayBin(options.repoRoot()))) {
            missing.add("router/node_modules (router/build.sh installs it)");
        }
        if (options.demoData() && !Files.isRegularFile(DemoData.classpathFile(options.repoRoot()))) {
            missing.add(options.repoRoot().relativize(DemoData.classpathFile(options.repoRoot())).toString());
        }
        if (!missing.isEmpty()) {
            throw new IllegalStateException("not built yet: " + String.join(", ", missing) + "; build with ./mvnw -DskipTests install");
        }
    }

    private void printSummary(long started) {
        System.out.print(Summary.of(routerUrl(), router.metricsUrl(), subgraphs.services(), engines, logs(),
                options.demoData() ? demoData.loaded() : null));
        Progress.done("platform", "Stay is up: http://localhost:" + routerPort() + "/graphql", started);
    }

    /** Prints it when a subgraph or the router ends while the platform is up (a crash, a kill). */
    void reportUnexpectedExits() {
        subgraphs.services().forEach(subgraph -> subgraph.onUnexpectedExit(message -> Progress.line("platform", message)));
        router.service().onUnexpectedExit(message -> Progress.line("platform", message));
    }

    /** Stops the router, then the subgraphs, then the engines if it started them; safe to call more than once. */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        long started = System.nanoTime();
        demoData.stop();
        router.stop();
        subgraphs.stop();
        if (engines != null && options.engines() == null) {
            engines.close();
        }
        Progress.done("platform", "Stay stopped", started);
    }

    /** {@code http://127.0.0.1:PORT/graphql}: the one endpoint clients use. */
    public String routerUrl() {
        return router.service().url();
    }

    public int routerPort() {
        return router.port();
    }

    /** {@code http://127.0.0.1:PORT/graphql} of a subgraph, to call it directly, bypassing the router. */
    public String subgraphUrl(String subgraph) {
        return subgraphs.url(subgraph);
    }

    /**
     * The operating-system process id of the router ({@code router}) or of a subgraph ({@code catalog}...), e.g. for a
     * benchmark that reads the CPU time each process used.
     */
    public long pid(String process) {
        if ("router".equals(process)) {
            return router.service().pid();
        }
        return subgraphs.services().stream().filter(service -> service.name().equals(process)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no process " + process)).pid();
    }

    public Engines engines() {
        return engines;
    }

    /**
     * The secret the router signs forwarded requests with and the subgraphs check: a test that calls a subgraph
     * directly ({@link #subgraphUrl(String)}) signs with it too.
     */
    public String routerSigningSecret() {
        return engines.routerSigningSecret();
    }

    public Path workDir() {
        return options.workDir();
    }

    /** Where each process writes: {@code <name>.log} for catalog, booking, users, compose and router. */
    public Path logs() {
        return workDir().resolve("logs");
    }

    private Path supergraph() {
        return workDir().resolve("supergraph.graphql");
    }
}
