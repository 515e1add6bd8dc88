package dev.stay.devstack;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * PostgreSQL with one database per subgraph ({@code catalog}, {@code booking}, {@code users}), each owned by the
 * login role {@code stay}. Embedded: the zonky PostgreSQL binaries, data under the work dir. External: a server
 * given by {@code STAY_DB_URL_BASE}, where those databases already exist.
 */
public final class Postgres implements Engine {

    public static final List<String> DATABASES = List.of("catalog", "booking", "users");

    /** Credentials of the embedded server, for local development only. */
    public static final String LOCAL_USER = "stay";
    public static final String LOCAL_PASSWORD = "stay-local-dev";

    private final Path dataDir;
    private final int requestedPort;
    private final String externalUrlBase;
    private final String user;
    private final String password;

    private EmbeddedPostgres server;
    private OrphanGuard guard;
    private int port;
    private boolean created;

    private Postgres(Path dataDir, int requestedPort, String externalUrlBase, String user, String password) {
        this.dataDir = dataDir;
        this.requestedPort = requestedPort;
        this.externalUrlBase = externalUrlBase;
        this.user = user;
        this.password = password;
    }

    /** @param port 0 for any free port */
    public static Postgres embedded(Path dataDir, int port) {
        return new Postgres(dataDir, port, null, LOCAL_USER, LOCAL_PASSWORD);
    }

    /** @param urlBase for example {@code jdbc:postgresql://db:5432}; the database name is appended */
    public static Postgres external(String urlBase, String user, String password) {
        String base = urlBase.endsWith("/") ? urlBase.substring(0, urlBase.length() - 1) : urlBase;
        return new Postgres(null, 0, base, user, password);
    }

    @Override
    public String name() {
        return "postgres";
    }

    @Override
    public boolean isExternal() {
        return externalUrlBase != null;
    }

    @Override
    public synchronized void start() {
        if (isExternal()) {
            throw Engine.externalCannot("started", name());
        }
        if (server != null) {
            return;
        }
        long started = System.nanoTime();
        if (port == 0) {
            port = Ports.resolve(requestedPort);
        }
        if (!created) {
            stopLeftOverServer();
            WorkDir.deleteRecursively(dataDir);
        }
        try {
            server = EmbeddedPostgres.builder()
                    .setPort(port)
                    .setDataDirectory(dataDir)
                    .setCleanDataDirectory(false) // kept across stop() and start(); emptied above on the first start
                    .setRegisterShutdownHook(false)
                    .setServerConfig("listen_addresses", Ports.HOST)
                    .setPGStartupWait(Duration.ofSeconds(60))
                    .start();
        } catch (IOException e) {
            throw new UncheckedIOException("PostgreSQL did not start in " + dataDir, e);
        }
        guard = OrphanGuard.watch(postmasterPid().orElseThrow(), "INT");
        if (!created) {
            createRoleAndDatabases();
            created = true;
        }
        Progress.done("devstack", "postgres ready on " + Ports.HOST + ":" + port, started);
    }

    /** The postmaster's pid, from the first line of {@code postmaster.pid} in the data dir. */
    private Optional<Long> postmasterPid() {
        Path pidFile = dataDir.resolve("postmaster.pid");
        try {
            return Files.exists(pidFile)
                    ? Files.readAllLines(pidFile).stream().findFirst().map(String::trim).map(Long::parseLong)
                    : Optional.empty();
        } catch (IOException | NumberFormatException e) {
            return Optional.empty();
        }
    }

    /** A server from an earlier run in the same work dir that was not stopped (its JVM was killed) holds the port. */
    private void stopLeftOverServer() {
        postmasterPid().flatMap(ProcessHandle::of)
                .filter(process -> process.info().command().map(command -> command.endsWith("postgres")).orElse(false))
                .ifPresent(process -> {
                    Progress.line("devstack", "stopping a PostgreSQL left over in " + dataDir + " (pid " + process.pid() + ")");
                    process.destroy();
                    process.onExit().orTimeout(30, TimeUnit.SECONDS).join();
                });
    }

    private void createRoleAndDatabases() {
        try (Connection connection = server.getPostgresDatabase().getConnection();
             Statement statement = connection.createStatement()) {
            statement.execute("CREATE ROLE " + user + " LOGIN PASSWORD '" + password + "'");
            for (String database : DATABASES) {
                statement.execute("CREATE DATABASE " + database + " OWNER " + user);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot create the role and databases", e);
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
        try {
            guard.release();
            server.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            server = null;
        }
    }

    @Override
    public synchronized boolean isRunning() {
        return isExternal() || server != null;
    }

    /** {@code jdbc:postgresql://127.0.0.1:PORT/<database>} */
    public String jdbcUrl(String database) {
        if (isExternal()) {
            return externalUrlBase + "/" + database;
        }
        return "jdbc:postgresql://" + Ports.HOST + ":" + port + "/" + database;
    }

    public String user() {
        return user;
    }

    public String password() {
        return password;
    }

    /** Port of the embedded server; 0 before its first start and for an external one. */
    public int port() {
        return port;
    }
}
