package dev.stay.devstack;

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

/**
 * Redis as a cache only (no persistence): {@code redis-server} from the PATH when there is one, else the binary
 * shipped in {@code com.github.codemonstur:embedded-redis}. Stopping and starting it again keeps the port, which is
 * how tests show that reads still answer while the cache is down.
 */
public final class Redis implements Engine {

    private static final Duration READY_TIMEOUT = Duration.ofSeconds(30);
    private static final Duration STOP_GRACE = Duration.ofSeconds(10);

    /** Extracted once per JVM: a restart should not copy 10 MB again. */
    private static String bundledExecutable;

    private final Path dir;
    private final int requestedPort;
    private final URI externalUrl;

    private int port;
    private ChildProcess server;
    private OrphanGuard guard;

    private Redis(Path dir, int requestedPort, URI externalUrl) {
        this.dir = dir;
        this.requestedPort = requestedPort;
        this.externalUrl = externalUrl;
    }

    /** @param port 0 for any free port */
    public static Redis embedded(Path dir, int port) {
        return new Redis(dir, port, null);
    }

    /** @param url {@code redis://host:port} */
    public static Redis external(String url) {
        return new Redis(null, 0, URI.create(url));
    }

    @Override
    public String name() {
        return "redis";
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
        if (server != null && server.isAlive()) {
            return;
        }
        long started = System.nanoTime();
        if (port == 0) {
            port = Ports.resolve(requestedPort);
            WorkDir.deleteRecursively(dir);
            WorkDir.create(dir);
        }
        String executable = executable();
        server = ChildProcess.start("redis", List.of(executable,
                "--port", Integer.toString(port),
                "--bind", Ports.HOST,
                "--save", "",
                "--appendonly", "no",
                "--dir", dir.toString(),
                "--maxmemory", "256mb",
                "--maxmemory-policy", "allkeys-lru"), Map.of(), dir, dir.resolve("redis.log"));
        guard = OrphanGuard.watch(server.pid(), "TERM");
        Wait.isTrue("redis on " + Ports.HOST + ":" + port, READY_TIMEOUT, this::answersPing, server::checkAlive);
        Progress.done("devstack", "redis ready on " + Ports.HOST + ":" + port
                + (executable.equals("redis-server") ? "" : " (bundled redis-server)"), started);
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
            socket.connect(new InetSocketAddress(Ports.HOST, port), 500);
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

    @Override
    public synchronized void stop() {
        if (isExternal()) {
            throw Engine.externalCannot("stopped", name());
        }
        if (server == null) {
            return;
        }
        guard.release();
        server.stop(STOP_GRACE);
        server = null;
        Progress.line("devstack", "redis stopped");
    }

    @Override
    public synchronized boolean isRunning() {
        return isExternal() || (server != null && server.isAlive());
    }

    /** {@code redis://127.0.0.1:PORT} */
    public String url() {
        return isExternal() ? externalUrl.toString() : "redis://" + Ports.HOST + ":" + port;
    }

    public String host() {
        return isExternal() ? externalUrl.getHost() : Ports.HOST;
    }

    public int port() {
        return isExternal() ? externalUrl.getPort() : port;
    }
}
