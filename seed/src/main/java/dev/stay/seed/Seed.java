package dev.stay.seed;

import java.io.Console;
import java.io.PrintStream;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutionException;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Loads the demo world into the catalog, booking and users databases, the whole of it or what an earlier run left
 * out: {@code seed --size small} (2,000 hotels, what {@code ./platform up} loads) or {@code --size seed} (500,000
 * hotels, 10,000,000 rooms). See {@link SeedOptions#USAGE}; the subgraphs' migrations must have run.
 */
public final class Seed {

    /** Held, so the level set on it stays: java.util.logging keeps its loggers weakly. */
    private static final Logger JOOQ_LOG = Logger.getLogger("org.jooq");

    private Seed() {
    }

    public static void main(String[] args) {
        // the loader reports on the console itself; without SLF4J, jOOQ logs through java.util.logging, where only
        // its warnings are of interest
        JOOQ_LOG.setLevel(Level.WARNING);
        System.exit(run(List.of(args), System.out));
    }

    /** @return the process exit code: 0 loaded (or already there), 1 failed, 2 bad arguments */
    static int run(List<String> args, PrintStream out) {
        if (args.contains("--help") || args.contains("-h")) {
            out.print(SeedOptions.USAGE);
            return 0;
        }
        SeedOptions options;
        try {
            options = SeedOptions.parse(args, System.getenv());
        } catch (IllegalArgumentException e) {
            System.err.print("seed: " + e.getMessage() + "\n\n" + SeedOptions.USAGE);
            return 2;
        }
        // jOOQ's banner and tips have no place in a loader's output
        System.setProperty("org.jooq.no-logo", "true");
        System.setProperty("org.jooq.no-tips", "true");
        boolean bar = switch (options.progress()) {
            case BAR -> true;
            case LINES -> false;
            case AUTO -> isTerminal();
        };
        try {
            SeedRun.Result result = new SeedRun(options, out, bar).run();
            List<Long> bytes = result.databaseBytes();
            String took = ProgressBar.duration((System.nanoTime() - result.startNanos()) / 1e9);
            out.printf(Locale.ROOT, "[seed] %s in %s: %,d hotels, %,d rows; databases now catalog %s, booking %s, users %s%n",
                    result.hotelsLoaded() == 0 ? "nothing loaded" : "loaded", took, result.hotelsLoaded(),
                    result.rowsWritten(), megabytes(bytes.get(0)), megabytes(bytes.get(1)), megabytes(bytes.get(2)));
            out.flush();
            return 0;
        } catch (Exception e) {
            if (e instanceof InterruptedException) {
                Thread.currentThread().interrupt();
            }
            Throwable cause = e instanceof ExecutionException && e.getCause() != null ? e.getCause() : e;
            out.println();
            out.println("[seed] failed: " + cause);
            out.flush();
            return 1;
        }
    }

    private static String megabytes(long bytes) {
        return String.format(Locale.ROOT, "%,.0f MB", bytes / 1e6);
    }

    /**
     * Whether the output is a terminal a progress bar can redraw. On Java 22 and later {@link Console} exists for
     * pipes too and says so itself ({@code isTerminal}, called by name: this compiles for Java 21); on 21 there is a
     * console only for a terminal.
     */
    private static boolean isTerminal() {
        Console console = System.console();
        if (console == null) {
            return false;
        }
        try {
            return (Boolean) Console.class.getMethod("isTerminal").invoke(console);
        } catch (ReflectiveOperationException e) {
            return true;
        }
    }
}
