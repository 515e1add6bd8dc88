package dev.stay.bench;

import dev.stay.devstack.launcher.Platform;
import dev.stay.devstack.process.ChildProcess;
import dev.stay.devstack.process.Http;
import dev.stay.devstack.process.OrphanGuard;
import dev.stay.devstack.process.Ports;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A second router in front of the platform's subgraphs, the same as the platform's in every setting (same supergraph,
 * identity provider, Redis, signing secret, trace viewer, the bench's lifted rate limits, {@code NODE_ENV=production})
 * except its query planner: Hive's Rust planner ({@code STAY_ROUTER_PLANNER=rust}). So one run measures both router
 * runtimes against the same subgraphs, data and machine. Started by the devstack's {@link ChildProcess} with an
 * {@link OrphanGuard}, so it ends with the bench stack even if that is killed outright.
 */
final class RustRouter implements AutoCloseable {

    private static final Duration READY = Duration.ofMinutes(2);

    private final ChildProcess process;
    private final OrphanGuard guard;
    private final String url;

    private RustRouter(ChildProcess process, String url) {
        this.process = process;
        this.guard = OrphanGuard.watch(process.pid(), "TERM");
        this.url = url;
    }

    /** @param routerEnvironment what the bench gives the platform's router on top of the platform's own settings */
    static RustRouter start(Platform stay, Path repoRoot, Map<String, String> routerEnvironment) {
        int port = Ports.free();
        Map<String, String> env = new HashMap<>(stay.engines().keycloak().environment());
        env.put("STAY_REDIS_URL", stay.engines().redis().url());
        env.put("STAY_ROUTER_SIGNING_SECRET", stay.routerSigningSecret());
        env.put("STAY_TRACES_URL", stay.engines().traceViewer().url());
        env.put("STAY_SUPERGRAPH", stay.workDir().resolve("supergraph.graphql").toString());
        env.put("STAY_ROUTER_HOST", Ports.HOST);
        env.put("STAY_ROUTER_PORT", Integer.toString(port));
        env.put("STAY_ROUTER_METRICS_PORT", Integer.toString(Ports.free())); // the platform's router serves metrics too
        env.put("LOG_JSON", "1");
        env.put("NODE_ENV", "production");
        env.put("HOST", null);
        env.put("PORT", null);
        env.put("FORK", null);
        env.put("STAY_ROUTER_PROFILE", null);
        env.putAll(routerEnvironment);
        env.put("STAY_ROUTER_PLANNER", "rust");
        Path routerDir = repoRoot.resolve("router");
        ChildProcess node = ChildProcess.start("router-rust", List.of("node",
                        routerDir.resolve("node_modules/@graphql-hive/gateway/dist/bin.js").toString(), "supergraph",
                        "--config-path", "gateway.config.mjs"),
                env, routerDir, stay.logs().resolve("router-rust.log"));
        RustRouter router = new RustRouter(node, "http://" + Ports.HOST + ":" + port + "/graphql");
        try {
            node.awaitReady("the Rust-planner router", READY,
                    () -> Http.okBody("http://" + Ports.HOST + ":" + port + "/readiness"));
        } catch (RuntimeException e) {
            router.close();
            throw e;
        }
        return router;
    }

    String url() {
        return url;
    }

    long pid() {
        return process.pid();
    }

    @Override
    public void close() {
        guard.release();
        process.stop(Duration.ofSeconds(10));
    }
}
