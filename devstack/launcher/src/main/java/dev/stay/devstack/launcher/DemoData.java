package dev.stay.devstack.launcher;

import dev.stay.devstack.engines.Engines;
import dev.stay.devstack.engines.Postgres;
import dev.stay.devstack.process.ChildJvm;
import dev.stay.devstack.process.OrphanGuard;
import dev.stay.devstack.process.Progress;

import java.io.Console;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Loads the demo world into the catalog, booking and users databases once the subgraphs have migrated them: the
 * seed loader ({@code dev.stay.seed.Seed}, module {@code seed/}) in a JVM of its own, from {@code seed/target/classes}
 * and the classpath Maven writes to {@code seed/target/classpath.txt}. The devstack cannot depend on the seed module
 * (its tests use the devstack), hence a process rather than a call. Its progress goes to the console and to
 * {@code logs/seed.log}.
 */
final class DemoData {

    private static final List<String> OWN_SESSION = Files.isExecutable(Path.of("/usr/bin/setsid"))
            ? List.of("/usr/bin/setsid") : List.of();

    private volatile Process process;
    private volatile OrphanGuard guard;
    private volatile String loaded;

    static Path classpathFile(Path repoRoot) {
        return repoRoot.resolve("seed").resolve("target").resolve("classpath.txt");
    }

    /** Runs the loader to its end; throws, naming the log, when it fails. */
    void load(PlatformOptions options, Engines engines, Path logs) {
        long started = System.nanoTime();
        DemoScale scale = options.demoScale();
        Postgres postgres = engines.postgres();
        Path log = logs.resolve("seed.log");
        List<String> command = new ArrayList<>(OWN_SESSION);
        command.add(ChildJvm.javaExecutable());
        // a short load is over before the optimising compiler would pay off; a long one wants it
        command.addAll(scale == DemoScale.SMALL ? List.of("-XX:TieredStopAtLevel=1", "-Xmx512m") : List.of("-Xmx1g"));
        command.addAll(List.of("-cp", classpath(options.repoRoot()), "dev.stay.seed.Seed", "--size", scale.size(),
                "--progress", isTerminal() ? "bar" : "lines"));
        for (String database : Postgres.DATABASES) {
            command.addAll(List.of("--" + database + "-db", postgres.jdbcUrl(database)));
        }
        Progress.line("platform", "loading the demo data: " + scale.description());
        ProcessBuilder builder = new ProcessBuilder(command).directory(options.repoRoot().toFile()).redirectErrorStream(true);
        builder.environment().put("STAY_DB_USER", postgres.user());
        builder.environment().put("STAY_DB_PASSWORD", postgres.password());
        int exit;
        try {
            Files.createDirectories(logs);
            process = builder.start();
            guard = OrphanGuard.watch(process.pid(), "TERM");
            try (InputStream output = process.getInputStream(); OutputStream file = Files.newOutputStream(log)) {
                relay(output, file);
            }
            exit = process.waitFor();
            guard.release();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot run the seed loader: " + String.join(" ", command), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while loading the demo data", e);
        }
        if (exit != 0) {
            throw new IllegalStateException("the demo data did not load: the seed loader exited with code " + exit + ", see " + log);
        }
        loaded = scale.description() + ", loaded in " + Progress.seconds(started);
        Progress.done("platform", "demo data loaded", started);
    }

    /** What was loaded and how long it took, for the summary; null before a load. */
    String loaded() {
        return loaded;
    }

    /** Ends a load that is still running (a stop while starting). */
    void stop() {
        Process running = process;
        if (running != null && running.isAlive()) {
            running.destroy();
            try {
                if (!running.waitFor(10, TimeUnit.SECONDS)) {
                    running.destroyForcibly();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            guard.release();
        }
    }

    private static String classpath(Path repoRoot) {
        Path file = classpathFile(repoRoot);
        try {
            return repoRoot.resolve("seed").resolve("target").resolve("classes") + File.pathSeparator
                    + Files.readString(file).trim();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file + "; build with ./mvnw -DskipTests install", e);
        }
    }

    /** Copies the loader's output as it comes, partial lines included: a progress bar redraws its line with \r. */
    private static void relay(InputStream output, OutputStream file) throws IOException {
        byte[] buffer = new byte[8192];
        for (int read; (read = output.read(buffer)) != -1; ) {
            System.out.write(buffer, 0, read);
            System.out.flush();
            file.write(buffer, 0, read);
        }
    }

    /**
     * Whether this JVM writes to a terminal, where the loader may redraw a progress bar. On Java 22 and later
     * {@link Console} exists for pipes too and says so itself ({@code isTerminal}, called by name: this compiles for
     * Java 21); on 21 there is a console only for a terminal.
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
