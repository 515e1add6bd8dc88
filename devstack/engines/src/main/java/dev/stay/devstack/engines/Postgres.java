package dev.stay.devstack.engines;

import dev.stay.devstack.process.OrphanGuard;
import dev.stay.devstack.process.Ports;
import dev.stay.devstack.process.Progress;
import dev.stay.devstack.process.WorkDir;
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
public final class Postgres extends Engine<Postgres.Server> {

    public static final List<String> DATABASES = List.of("catalog", "booking", "users");

    /** Credentials of the embedded server, for local development only. */
    public static final String LOCAL_USER = "stay";
    public static final String LOCAL_PASSWORD = "stay-local-dev";

    private final Path dataDir;
    private final int port;
    private final String urlBase;
    private final String user;
    private final String password;
    /** Whether the role and the databases exist: from the first start on, kept with the data directory. */
    private boolean created;

    private Postgres(Path dataDir, int port, String urlBase, String user, String password) {
        super("postgres", dataDir == null);
        this.dataDir = dataDir;
        this.port = port;
        this.urlBase = urlBase;
        this.user = user;
        this.password = password;
    }

    /** @param port 0 for any free port */
    public static Postgres embedded(Path dataDir, int port) {
        int chosen = Ports.resolve(port);
        return new Postgres(dataDir, chosen, "jdbc:postgresql://" + Ports.HOST + ":" + chosen, LOCAL_USER, LOCAL_PASSWORD);
    }

    /** @param urlBase for example {@code jdbc:postgresql://db:5432}; the database name is appended */
    public static Postgres external(String urlBase, String user, String password) {
        String base = urlBase.endsWith("/") ? urlBase.substring(0, urlBase.length() - 1) : urlBase;
        return new Postgres(null, 0, base, user, password);
    }

    /** The data directory is kept across {@link #stop()} and {@link #start()}; it is emptied before the first start only. */
    @Override
    void prepare() {
        stopLeftOverServer();
        WorkDir.deleteRecursively(dataDir);
    }

    @Override
    Server launch() {
        try {
            EmbeddedPostgres server = EmbeddedPostgres.builder()
                    .setPort(port)
                    .setDataDirectory(dataDir)
                    .setCleanDataDirectory(false)
                    .setRegisterShutdownHook(false)
                    .setServerConfig("listen_addresses", Ports.HOST)
                    .setPGStartupWait(Duration.ofSeconds(60))
                    .start();
            return new Server(server, OrphanGuard.watch(postmasterPid().orElseThrow(), "INT"));
        } catch (IOException e) {
            throw new UncheckedIOException("PostgreSQL did not start in " + dataDir, e);
        }
    }

    /** The server accepts connections once started; the first time, it also gets the role and databases. */
    @Override
    void ready(Server launched) {
        if (!created) {
            createRoleAndDatabases(launched.server());
            created = true;
        }
    }

    @Override
    String readyLine() {
        return "postgres ready on " + Ports.HOST + ":" + port;
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

    private void createRoleAndDatabases(EmbeddedPostgres server) {
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

    /** {@code jdbc:postgresql://127.0.0.1:PORT/<database>} */
    public String jdbcUrl(String database) {
        return urlBase + "/" + database;
    }

    public String user() {
        return user;
    }

    public String password() {
        return password;
    }

    /** Port of the embedded server; 0 for an external one. */
    public int port() {
        return port;
    }

    /** The running server, and the watcher that stops it if this JVM is killed. */
    record Server(EmbeddedPostgres server, OrphanGuard guard) implements Running {

        @Override
        public boolean isAlive() {
            return true; // stopped only through stop()
        }

        @Override
        public void stop() {
            guard.release();
            try {
                server.close();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }
}
