package dev.stay.devstack.engines;

import dev.stay.devstack.process.ChildJvm;
import dev.stay.devstack.process.ChildProcess;
import dev.stay.devstack.process.Http;
import dev.stay.devstack.process.OrphanGuard;
import dev.stay.devstack.process.Ports;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;

/**
 * The trace viewer: Zipkin's server (its runnable jar, which the build resolves from Maven Central like the other
 * engines' artifacts), keeping spans in memory, with its UI and API on one loopback port. The router and the
 * subgraphs send it their spans in Zipkin's format ({@code STAY_TRACES_URL}); Zipkin's server takes no OTLP.
 */
public final class TraceViewer extends Engine<Engine.ChildRun> {

    private static final Duration READY_TIMEOUT = Duration.ofSeconds(90);
    private static final Duration STOP_GRACE = Duration.ofSeconds(10);
    private static final List<String> JVM_OPTIONS = List.of("-Xms64m", "-Xmx512m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1");

    /**
     * How many spans the viewer keeps before it drops the oldest traces. A span with its SQL statement takes a few
     * kilobytes of Zipkin's heap, so this bound, not the heap, must give way first: at 200,000 spans in 384 MB a long
     * test run filled the heap and the viewer stopped answering. 40,000 spans are the last few hundred requests.
     */
    static final int KEPT_SPANS = 40_000;

    private final Path dir;
    private final int port;
    private final String url;

    private TraceViewer(Path dir, int port, String url) {
        super("zipkin", dir == null);
        this.dir = dir;
        this.port = port;
        this.url = url;
    }

    /** @param port 0 for any free port */
    public static TraceViewer embedded(Path dir, int port) {
        int chosen = Ports.resolve(port);
        return new TraceViewer(dir, chosen, "http://" + Ports.HOST + ":" + chosen);
    }

    public static TraceViewer external(String url) {
        return new TraceViewer(null, 0, url.endsWith("/") ? url.substring(0, url.length() - 1) : url);
    }

    @Override
    ChildRun launch() {
        List<String> command = new ArrayList<>();
        command.add(ChildJvm.javaExecutable());
        command.addAll(JVM_OPTIONS);
        command.addAll(List.of("-jar", serverJar().toString()));
        // in memory, bounded: a developer's recent traces; loopback only; no self-tracing, no collector but HTTP
        Map<String, String> env = Map.of(
                "STORAGE_TYPE", "mem",
                "MEM_MAX_SPANS", Integer.toString(KEPT_SPANS),
                "QUERY_PORT", Integer.toString(port),
                "ARMERIA_PORTS_0_IP", Ports.HOST,
                "ARMERIA_PORTS_0_PORT", Integer.toString(port),
                "COLLECTOR_SCRIBE_ENABLED", "false",
                "SELF_TRACING_ENABLED", "false",
                "JAVA_OPTS", "");
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        ChildProcess server = ChildProcess.start("zipkin", command, env, dir, dir.resolve("zipkin.log"));
        return new ChildRun(server, OrphanGuard.watch(server.pid(), "TERM"), STOP_GRACE);
    }

    /** Ready is Zipkin's own health check answering UP. */
    @Override
    void ready(ChildRun launched) {
        launched.process().awaitReady("zipkin at " + url, READY_TIMEOUT,
                () -> Http.okBody(url + "/health").filter(body -> body.contains("UP")));
    }

    @Override
    String readyLine() {
        return "trace viewer (zipkin) ready on " + url;
    }

    /** {@code http://127.0.0.1:PORT}: the UI under {@code /zipkin/}, the API under {@code /api/v2/}. */
    public String url() {
        return url;
    }

    /** The runnable jar the build resolved, else where Maven keeps it in the local repository. */
    static Path serverJar() {
        Properties build = new Properties();
        try (InputStream in = TraceViewer.class.getResourceAsStream("zipkin.properties")) {
            if (in == null) {
                throw new IllegalStateException("dev/stay/devstack/engines/zipkin.properties is missing: build devstack/engines with Maven");
            }
            build.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        String version = build.getProperty("version");
        Path resolved = Path.of(build.getProperty("jar", "zipkin-server-" + version + "-exec.jar"));
        if (Files.isRegularFile(resolved)) {
            return resolved;
        }
        String repository = System.getProperty("maven.repo.local",
                Path.of(System.getProperty("user.home"), ".m2", "repository").toString());
        Path local = Path.of(repository, "io", "zipkin", "zipkin-server", version, "zipkin-server-" + version + "-exec.jar");
        if (Files.isRegularFile(local)) {
            return local;
        }
        throw new IllegalStateException("Zipkin's server is missing (" + resolved + ", " + local
                + "); get it with ./mvnw -pl devstack/engines dependency:resolve");
    }
}
