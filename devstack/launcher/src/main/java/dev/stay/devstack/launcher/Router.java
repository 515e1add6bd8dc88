package dev.stay.devstack.launcher;

import dev.stay.devstack.process.ChildProcess;
import dev.stay.devstack.process.Ports;
import dev.stay.devstack.process.Progress;

import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The federation router ({@code router/}, Hive Gateway on Node): the supergraph composed for the subgraphs' actual
 * URLs, then the gateway serving it, ready when {@code /readiness} answers (the supergraph is loaded).
 */
final class Router {

    private Service service;
    private int port;
    private int metricsPort;

    static Path gatewayBin(Path repoRoot) {
        return repoRoot.resolve("router/node_modules/@graphql-hive/gateway/dist/bin.js");
    }

    /** {@code compose.mjs} bakes the subgraph URLs into the supergraph, so it runs once their ports are known. */
    static void compose(PlatformOptions options, Subgraphs subgraphs, Path supergraph, Path logs) {
        long started = System.nanoTime();
        Map<String, String> env = new HashMap<>();
        for (Service subgraph : subgraphs.services()) {
            env.put("STAY_" + subgraph.name().toUpperCase(Locale.ROOT) + "_URL", subgraph.url());
        }
        Path routerDir = options.repoRoot().resolve("router");
        ChildProcess compose = ChildProcess.start("compose", List.of(options.node(), routerDir.resolve("compose.mjs").toString(),
                "--out", supergraph.toString()), env, routerDir, logs.resolve("compose.log"));
        int exit = compose.awaitExit(Duration.ofMinutes(2));
        if (exit != 0) {
            throw new IllegalStateException("composing the supergraph failed (exit " + exit + "):\n" + compose.tail(40));
        }
        Progress.done("platform", "supergraph composed into " + supergraph, started);
    }

    /** @param environment what the router checks requests with: the identity provider, Redis, the signing secret */
    void start(PlatformOptions options, Path supergraph, Map<String, String> environment, Path logs) {
        long started = System.nanoTime();
        port = Ports.resolve(options.routerPort());
        Map<String, String> env = new HashMap<>(environment);
        env.put("STAY_SUPERGRAPH", supergraph.toString());
        env.put("STAY_ROUTER_HOST", Ports.HOST);
        env.put("STAY_ROUTER_PORT", Integer.toString(port));
        // its log as JSON lines, with the gateway's own switch (read before its configuration is)
        env.putIfAbsent("LOG_JSON", "1");
        // as deployed (router/Dockerfile): the libraries it loads take their production paths
        env.putIfAbsent("NODE_ENV", "production");
        // Prometheus on a loopback port of its own (the router's src/observability.mjs)
        metricsPort = Ports.free();
        env.putIfAbsent("STAY_ROUTER_METRICS_PORT", Integer.toString(metricsPort));
        metricsPort = Integer.parseInt(env.get("STAY_ROUTER_METRICS_PORT"));
        // the gateway's generic HOST, PORT and FORK would win over STAY_ROUTER_*: not inherited
        env.put("HOST", null);
        env.put("PORT", null);
        env.put("FORK", null);
        service = Service.start("router", "http://" + Ports.HOST + ":" + port + "/graphql",
                List.of(options.node(), gatewayBin(options.repoRoot()).toString(), "supergraph", "--config-path", "gateway.config.mjs"),
                env, options.repoRoot().resolve("router"), logs.resolve("router.log"));
        service.awaitHealthy("http://" + Ports.HOST + ":" + port + "/readiness", "", options.startTimeout());
        Progress.done("platform", "router up on " + service.url(), started);
    }

    int port() {
        return port;
    }

    /** Where Prometheus scrapes the router. */
    String metricsUrl() {
        return "http://" + Ports.HOST + ":" + metricsPort + "/metrics";
    }

    Service service() {
        return service;
    }

    void stop() {
        if (service != null) {
            service.stop();
        }
    }
}
