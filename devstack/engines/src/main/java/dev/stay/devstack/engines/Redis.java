package dev.stay.devstack.engines;

import dev.stay.devstack.process.ChildProcess;
import dev.stay.devstack.process.OrphanGuard;
import dev.stay.devstack.process.Ports;
import dev.stay.devstack.process.WorkDir;
import redis.embedded.core.ExecutableProvider;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Redis as a cache only (no persistence): {@code redis-server} from the PATH when there is one, else the binary
 * shipped in {@code com.github.codemonstur:embedded-redis}. Stopping and starting it again keeps the port, which is
 * how tests show that reads still answer while the cache is down.
 */
public final class Redis extends Engine<Engine.ChildRun> {

    private static final Duration READY_TIMEOUT = Duration.ofSeconds(30);
    private static final Duration STOP_GRACE = Duration.ofSeconds(10);

    /** Extracted once per JVM: a restart should not copy 10 MB again. */
    private static String bundledExecutable;

    private final Path dir;
    private final URI url;

    private Redis(Path dir, URI url) {
        super("redis", dir == null);
        this.dir = dir;
        this.url = url;
    }

    /** @param port 0 for any free port */
    public static Redis embedded(Path dir, int port) {
        return new Redis(dir, URI.create("redis://" + Ports.HOST + ":" + Ports.resolve(port)));
    }

    /** @param url {@code redis://host:port}, credentials and database included as given */
    public static Redis external(String url) {
        return new Redis(null, URI.create(url));
    }

    @Override
    void prepare() {
        WorkDir.deleteRecursively(dir);
        WorkDir.create(dir);
    }

    @Override
    ChildRun launch() {
        ChildProcess server = ChildProcess.start("redis", List.of(executable(),
                "--port", Integer.toString(port()),
                "--bind", Ports.HOST,
                "--save", "",
                "--appendonly", "no",
                "--dir", dir.toString(),
                "--maxmemory", "256mb",
                "--maxmemory-policy", "allkeys-lru"), Map.of(), dir, dir.resolve("redis.log"));
        return new ChildRun(server, OrphanGuard.watch(server.pid(), "TERM"), STOP_GRACE);
    }

    @Override
    void ready(ChildRun launched) {
        launched.process().awaitReady("redis on " + url, READY_TIMEOUT, () -> answersPing() ? Optional.of(url) : Optional.empty());
    }

    @Override
    String readyLine() {
        return "redis ready on " + host() + ":" + port() + (executable().equals("redis-server") ? "" : " (bundled redis-server)");
    }

    private static synchronized String executable() {
        for (String path : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
            if (!path.isBlank() && Files.isExecutable(Path.of(path, "redis-server"))) {
                return "redis-server";
            }
        }
        if (bundledExecutable != null) {
            return bundledExecutable;
        }
        try {
            File bundled = ExecutableProvider.newJarResourceProvider().get();
            bundled.setExecutable(true);
            bundledExecutable = bundled.getAbsolutePath();
            return bundledExecutable;
        } catch (IOException e) {
            throw new UncheckedIOException("no redis-server on PATH and the bundled one cannot be extracted", e);
        }
    }

    /** Speaks the protocol: a port that accepts is not yet a server that answers. */
    private boolean answersPing() {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(Ports.HOST, port()), 500);
            socket.setSoTimeout(1_000);
            OutputStream out = socket.getOutputStream();
            out.write("PING\r\n".getBytes(StandardCharsets.US_ASCII));
            out.flush();
            InputStream in = socket.getInputStream();
            byte[] reply = in.readNBytes(7);
            return new String(reply, StandardCharsets.US_ASCII).equals("+PONG\r\n");
        } catch (IOException e) {
            return false;
        }
    }

    /** {@code redis://127.0.0.1:PORT} */
    public String url() {
        return url.toString();
    }

    public String host() {
        return url.getHost();
    }

    public int port() {
        return url.getPort();
    }
}
