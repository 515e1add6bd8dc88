package dev.stay.seed;

import static org.jooq.impl.DSL.currentCatalog;
import static org.jooq.impl.DSL.function;
import static org.jooq.impl.DSL.inline;
import static org.jooq.impl.DSL.name;

import dev.stay.seed.world.DemoWorld;
import java.io.PrintStream;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Deque;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.jooq.DSLContext;
import org.jooq.SQLDialect;
import org.jooq.Table;
import org.jooq.conf.Settings;
import org.jooq.impl.DSL;

/**
 * One load of the demo world into the three databases. The world is generated once, a batch of 1,000 hotels at a
 * time, and each database gets its part of every batch in a transaction of its own, on a thread of its own; the
 * generator runs a few batches ahead. A database that holds some batches from an earlier run (an interrupted one,
 * or a smaller size: each size is the start of the larger ones) continues after them, and one that holds them all
 * is left alone.
 */
final class SeedRun {

    static final int BLOCKS_PER_BATCH = 10;
    /** Batches generated but not yet written everywhere: enough to keep every database busy, little memory. */
    private static final int AHEAD = 3;

    private final SeedOptions options;
    private final PrintStream out;
    private final boolean terminal;

    SeedRun(SeedOptions options, PrintStream out, boolean terminal) {
        this.options = options;
        this.out = out;
        this.terminal = terminal;
    }

    /** Loads what is missing; throws when a database cannot be reached or refuses a write. */
    Result run() throws SQLException, InterruptedException, ExecutionException {
        long started = System.nanoTime();
        DemoWorld world = options.world();
        int batches = Math.ceilDiv(world.blockCount(), BLOCKS_PER_BATCH);
        say(String.format(Locale.ROOT, "%s: %,d hotels with %,d rooms, %,d restaurants, %,d owners, into %s",
                sizeName(), world.hotelCount(), world.roomCount(), world.restaurantCount(), world.ownerCount(),
                String.join(", ", options.databaseUrls().values())));
        List<Connection> connections = new ArrayList<>();
        try {
            List<Target> targets = targets(connections);
            int[] from = new int[targets.size()];
            List<String> state = new ArrayList<>();
            for (int t = 0; t < targets.size(); t++) {
                from[t] = batchesThere(targets.get(t), world, batches);
                state.add(targets.get(t).name() + " " + (from[t] == 0 ? "empty" : from[t] == batches ? "complete"
                        : String.format(Locale.ROOT, "has %,d hotels", hotelsIn(world, from[t]))));
            }
            int start = Arrays.stream(from).min().orElseThrow();
            if (start == batches) {
                say("already there (" + String.join(", ", state) + "): nothing to load");
                return new Result(0, 0, started, sizes(connections));
            }
            say("loading (" + String.join(", ", state) + ")");
            long rows = load(world, targets, from, start, batches);
            for (int t = 0; t < targets.size(); t++) {
                for (Table<?> table : targets.get(t).tables()) {
                    DSL.using(connections.get(t), SQLDialect.POSTGRES).query("ANALYZE {0}", table).execute();
                }
            }
            return new Result(world.hotelCount() - hotelsIn(world, start), rows, started, sizes(connections));
        } finally {
            for (Connection connection : connections) {
                connection.close();
            }
        }
    }

    /** One connection and one target for each database, in {@link SeedOptions#DATABASES} order. */
    private List<Target> targets(List<Connection> connections) throws SQLException {
        List<Target> targets = new ArrayList<>();
        for (String database : SeedOptions.DATABASES) {
            Connection connection = connect(options.url(database));
            connections.add(connection);
            DSLContext db = DSL.using(connection, SQLDialect.POSTGRES, new Settings().withExecuteLogging(false));
            // a crash loses at most the last batches, which the next run loads again
            db.set(name("synchronous_commit"), inline("off")).execute();
            targets.add(switch (database) {
                case "catalog" -> new CatalogTarget(db);
                case "booking" -> new BookingTarget(db);
                default -> new UsersTarget(db);
            });
        }
        return targets;
    }

    /** A batch handed to the writers: one write per database that lacks it. */
    private record InFlight(int batch, List<Future<Long>> writes) {}

    /** Batches {@code start} to the last; a database gets those from its own {@code from} on. Returns the rows written. */
    private long load(DemoWorld world, List<Target> targets, int[] from, int start, int batches)
            throws InterruptedException, ExecutionException {
        List<ExecutorService> writers = targets.stream().map(target -> Executors.newSingleThreadExecutor(
                Thread.ofPlatform().name("seed-" + target.name()).factory())).toList();
        try {
            ProgressBar progress = new ProgressBar(out, terminal, world.hotelCount(), hotelsIn(world, start));
            long rows = 0;
            Deque<InFlight> inFlight = new ArrayDeque<>();
            for (int batch = start; batch < batches; batch++) {
                List<DemoWorld.Block> blocks = blocks(world, batch);
                List<Future<Long>> writes = new ArrayList<>();
                for (int t = 0; t < targets.size(); t++) {
                    Target target = targets.get(t);
                    if (batch >= from[t]) {
                        writes.add(writers.get(t).submit(() -> target.write(blocks)));
                    }
                }
                inFlight.add(new InFlight(batch, writes));
                while (inFlight.size() > AHEAD || (batch == batches - 1 && !inFlight.isEmpty())) {
                    InFlight done = inFlight.poll();
                    for (Future<Long> write : done.writes()) {
                        rows += write.get();
                    }
                    progress.update(hotelsIn(world, done.batch() + 1));
                }
            }
            progress.finish();
            return rows;
        } finally {
            writers.forEach(ExecutorService::shutdownNow);
        }
    }

    /**
     * What a load did, and the size of each database after it.
     *
     * @param databaseBytes catalog, booking, users
     */
    record Result(long hotelsLoaded, long rowsWritten, long startNanos, List<Long> databaseBytes) {}

    String sizeName() {
        return switch (options.sizeName()) {
            case "small" -> "small set";
            case "seed" -> "seed scale";
            default -> "custom size";
        };
    }

    /** How many batches a database has from an earlier run: a binary search, since loads write batches in order. */
    private static int batchesThere(Target target, DemoWorld world, int batches) {
        int low = 0;
        int high = batches; // batches before low are there; batches from high on are not
        while (low < high) {
            int middle = (low + high) >>> 1;
            int end = Math.min(world.blockCount(), (middle + 1) * BLOCKS_PER_BATCH);
            if (target.holds(end * DemoWorld.HOTELS_PER_BLOCK - 1, end * DemoWorld.OWNERS_PER_BLOCK - 1)) {
                low = middle + 1;
            } else {
                high = middle;
            }
        }
        return low;
    }

    private static long hotelsIn(DemoWorld world, int batches) {
        return Math.min(world.hotelCount(), (long) batches * BLOCKS_PER_BATCH * DemoWorld.HOTELS_PER_BLOCK);
    }

    private static List<DemoWorld.Block> blocks(DemoWorld world, int batch) {
        List<DemoWorld.Block> blocks = new ArrayList<>(BLOCKS_PER_BATCH);
        for (int b = batch * BLOCKS_PER_BATCH; b < Math.min(world.blockCount(), (batch + 1) * BLOCKS_PER_BATCH); b++) {
            blocks.add(world.block(b));
        }
        return blocks;
    }

    private Connection connect(String url) throws SQLException {
        Properties properties = new Properties();
        properties.setProperty("user", options.user());
        properties.setProperty("password", options.password());
        properties.setProperty("ApplicationName", "stay-seed");
        // the driver sends a JDBC batch of inserts as multi-row inserts
        properties.setProperty("reWriteBatchedInserts", "true");
        try {
            return DriverManager.getConnection(url, properties);
        } catch (SQLException e) {
            throw new SQLException("cannot connect to " + url + " as " + options.user() + ": " + e.getMessage(), e.getSQLState(), e);
        }
    }

    private static List<Long> sizes(List<Connection> connections) {
        return connections.stream()
                .map(connection -> DSL.using(connection, SQLDialect.POSTGRES)
                        .select(function("pg_database_size", Long.class, currentCatalog())).fetchOne().value1())
                .toList();
    }

    private void say(String text) {
        out.println("[seed] " + text);
        out.flush();
    }
}
