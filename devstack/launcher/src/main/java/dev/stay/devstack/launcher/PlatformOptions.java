package dev.stay.devstack.launcher;

import dev.stay.devstack.engines.EnginePorts;
import dev.stay.devstack.engines.Engines;
import dev.stay.devstack.process.Checkout;
import dev.stay.devstack.process.WorkDir;

import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** How to start the {@link Platform}: ports, demo data, work dir, and engines to reuse. */
public final class PlatformOptions {

    /**
     * Subgraph JVMs start fast on a two-core machine with the client compiler only and a modest heap; a benchmark
     * that wants peak throughput passes its own options.
     */
    public static final List<String> DEVELOPMENT_JVM_OPTIONS = List.of("-Xms64m", "-Xmx768m", "-XX:TieredStopAtLevel=1");

    private Path repoRoot;
    private Path workDir;
    private boolean demoData = true;
    private DemoScale demoScale = DemoScale.SMALL;
    private int routerPort = 4000;
    private final Map<String, Integer> subgraphPorts = new LinkedHashMap<>(Map.of("catalog", 4001, "booking", 4002, "users", 4003));
    private Engines engines;
    private EnginePorts enginePorts = EnginePorts.ANY;
    private Map<String, String> environment = System.getenv();
    private Duration startTimeout = Duration.ofMinutes(3);
    private List<String> subgraphJvmOptions = DEVELOPMENT_JVM_OPTIONS;
    private String node = "node";
    private String routerProfile;
    private Map<String, String> routerEnvironment = Map.of();

    PlatformOptions() {
    }

    /** The checkout; by default the nearest directory above the current one holding {@code schema/} and {@code pom.xml}. */
    public PlatformOptions repoRoot(Path repoRoot) {
        this.repoRoot = repoRoot.toAbsolutePath().normalize();
        return this;
    }

    /**
     * Engine data, logs and the supergraph. By default {@code .platform/run-<pid>} in the checkout, so tests and a
     * running {@code platform up} (in {@code .platform/up}) never share one; those of ended processes are removed.
     */
    public PlatformOptions workDir(Path workDir) {
        this.workDir = workDir.toAbsolutePath().normalize();
        return this;
    }

    /**
     * Whether the demo world is loaded (the seed loader, once the subgraphs have migrated their databases); on by
     * default, at the {@linkplain #demoScale(DemoScale) small scale}.
     */
    public PlatformOptions demoData(boolean demoData) {
        this.demoData = demoData;
        return this;
    }

    /** How much demo data is loaded: {@link DemoScale#SMALL} (2,000 hotels, the default) or {@link DemoScale#SEED}. */
    public PlatformOptions demoScale(DemoScale demoScale) {
        this.demoScale = demoScale;
        return this;
    }

    /** 0 for any free port; 4000 by default. */
    public PlatformOptions routerPort(int port) {
        this.routerPort = port;
        return this;
    }

    /** 0 for any free port; catalog 4001, booking 4002, users 4003 by default. */
    public PlatformOptions subgraphPort(String subgraph, int port) {
        if (!subgraphPorts.containsKey(subgraph)) {
            throw new IllegalArgumentException("unknown subgraph " + subgraph);
        }
        subgraphPorts.put(subgraph, port);
        return this;
    }

    /** Router, subgraphs and engines on free ports, as tests want: several platforms can run side by side. */
    public PlatformOptions freePorts() {
        routerPort = 0;
        subgraphPorts.replaceAll((subgraph, port) -> 0);
        enginePorts = EnginePorts.ANY;
        return this;
    }

    /**
     * Engines already running (e.g. {@link Engines#shared()}): used as they are, with OpenSearch and the provider stubs
     * started in them if nobody asked for them yet, and left running by {@link Platform#close()}.
     */
    public PlatformOptions engines(Engines engines) {
        this.engines = engines;
        return this;
    }

    public PlatformOptions enginePorts(EnginePorts enginePorts) {
        this.enginePorts = enginePorts;
        return this;
    }

    /** Where external engine endpoints are looked up (see {@link Engines}); the process environment by default. */
    public PlatformOptions environment(Map<String, String> environment) {
        this.environment = Map.copyOf(environment);
        return this;
    }

    /** How long each subgraph and the router may take to report healthy; 3 minutes by default. */
    public PlatformOptions startTimeout(Duration startTimeout) {
        this.startTimeout = startTimeout;
        return this;
    }

    public PlatformOptions subgraphJvmOptions(List<String> options) {
        this.subgraphJvmOptions = List.copyOf(options);
        return this;
    }

    /** The Node.js executable for composing and for the router; {@code node} from the PATH by default. */
    public PlatformOptions node(String node) {
        this.node = node;
        return this;
    }

    /**
     * {@code STAY_ROUTER_PROFILE} of the router: {@code local} relaxes its production checks (Redis, the signing
     * secret's strength), as {@code ./platform up} wants. Unset by default: tests meet the router's production rules.
     */
    public PlatformOptions routerProfile(String profile) {
        this.routerProfile = profile;
        return this;
    }

    /** More settings for the router, e.g. a lower {@code STAY_RATE_LIMIT_MUTATIONS_PER_MINUTE} for a test. */
    public PlatformOptions routerEnvironment(Map<String, String> environment) {
        this.routerEnvironment = Map.copyOf(environment);
        return this;
    }

    /** Starts the platform; on failure everything started is stopped again and the cause thrown. */
    public Platform start() {
        return create().startAll();
    }

    /** A platform not started yet, so a caller can register its shutdown before starting it. */
    Platform create() {
        if (repoRoot == null) {
            repoRoot = Checkout.root(Path.of("").toAbsolutePath());
        }
        if (workDir == null) {
            workDir = WorkDir.forThisProcess(repoRoot.resolve(".platform"));
        }
        WorkDir.create(workDir);
        return new Platform(this);
    }

    Path repoRoot() {
        return repoRoot;
    }

    Path workDir() {
        return workDir;
    }

    boolean demoData() {
        return demoData;
    }

    DemoScale demoScale() {
        return demoScale;
    }

    int routerPort() {
        return routerPort;
    }

    Map<String, Integer> subgraphPorts() {
        return subgraphPorts;
    }

    Engines engines() {
        return engines;
    }

    EnginePorts enginePorts() {
        return enginePorts;
    }

    Map<String, String> environment() {
        return environment;
    }

    Duration startTimeout() {
        return startTimeout;
    }

    List<String> subgraphJvmOptions() {
        return subgraphJvmOptions;
    }

    String node() {
        return node;
    }

    String routerProfile() {
        return routerProfile;
    }

    Map<String, String> routerEnvironment() {
        return routerEnvironment;
    }
}
