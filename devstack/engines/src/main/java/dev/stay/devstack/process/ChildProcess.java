package dev.stay.devstack.process;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * A process started by the devstack: its output goes to one log file, and stopping it stops its descendants too,
 * so nothing is left behind listening on a port.
 */
public final class ChildProcess {

    /**
     * {@code setsid} puts the process in a session of its own, so a Ctrl-C in the terminal reaches only the JVM
     * that started it, which then stops everything in order (router, subgraphs, engines) instead of all at once.
     */
    private static final List<String> OWN_SESSION = Files.isExecutable(Path.of("/usr/bin/setsid"))
            ? List.of("/usr/bin/setsid") : List.of();

    private final String name;
    private final Process process;
    private final Path log;

    private ChildProcess(String name, Process process, Path log) {
        this.name = name;
        this.process = process;
        this.log = log;
    }

    public static ChildProcess start(String name, List<String> command, Map<String, String> environment, Path workingDir, Path log) {
        try {
            Files.createDirectories(log.getParent());
            List<String> fullCommand = new ArrayList<>(OWN_SESSION);
            fullCommand.addAll(command);
            ProcessBuilder builder = new ProcessBuilder(fullCommand)
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
                    .redirectInput(ProcessBuilder.Redirect.PIPE);
            if (workingDir != null) {
                builder.directory(workingDir.toFile());
            }
            // a null value removes an inherited variable
            environment.forEach((variable, value) -> {
                if (value == null) {
                    builder.environment().remove(variable);
                } else {
                    builder.environment().put(variable, value);
                }
            });
            return new ChildProcess(name, builder.start(), log);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start " + name + ": " + String.join(" ", command), e);
        }
    }

    public String name() {
        return name;
    }

    public long pid() {
        return process.pid();
    }

    public Path log() {
        return log;
    }

    public Process process() {
        return process;
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    /** Throws, with the end of the log, when the process has exited: used while waiting for it to become ready. */
    public void checkAlive() {
        if (!process.isAlive()) {
            throw new IllegalStateException(name + " exited with code " + process.exitValue() + "; end of " + log + ":\n" + tail(40));
        }
    }

    /**
     * Waits until {@code probe} gives a value: fails at once, with the end of the log, if the process exits meanwhile,
     * and at the deadline with the end of the log too, since a process that runs but never gets ready says why there.
     */
    public <T> T awaitReady(String what, Duration timeout, Supplier<Optional<T>> probe) {
        try {
            return Wait.until(what, timeout, probe, this::checkAlive);
        } catch (IllegalStateException e) {
            if (isAlive()) {
                throw new IllegalStateException(e.getMessage() + "; end of " + log + ":\n" + tail(40), e);
            }
            throw e;
        }
    }

    /** Exit code once the process has ended. */
    public int awaitExit(Duration timeout) {
        try {
            if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                throw new IllegalStateException(name + " still running after " + Progress.format(timeout) + "; end of " + log + ":\n" + tail(40));
            }
            return process.exitValue();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for " + name, e);
        }
    }

    /**
     * Asks the process and its descendants to end (SIGTERM), then kills what is still alive after the grace period.
     * Descendants are collected first, so none is orphaned.
     */
    public void stop(Duration grace) {
        List<ProcessHandle> family = new ArrayList<>(process.descendants().toList());
        family.add(process.toHandle());
        family.forEach(ProcessHandle::destroy);
        long deadline = System.nanoTime() + grace.toNanos();
        for (ProcessHandle handle : family) {
            awaitExit(handle, Math.max(0, deadline - System.nanoTime()));
        }
        for (ProcessHandle handle : family) {
            if (handle.isAlive()) {
                Progress.line("devstack", name + ": pid " + handle.pid() + " still running after " + Progress.format(grace) + ", killing it");
                handle.destroyForcibly();
                awaitExit(handle, TimeUnit.SECONDS.toNanos(10));
            }
        }
    }

    private static void awaitExit(ProcessHandle handle, long nanos) {
        try {
            handle.onExit().get(nanos, TimeUnit.NANOSECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (Exception e) {
            // still alive: the caller decides
        }
    }

    /**
     * The last lines of the log, read from its end so a large log costs nothing. Stack frames are left out: the
     * messages around them say what went wrong, and forty lines of {@code at ...} would push those out.
     */
    public String tail(int lines) {
        if (!Files.exists(log)) {
            return "(no log)";
        }
        try (RandomAccessFile file = new RandomAccessFile(log.toFile(), "r")) {
            long length = file.length();
            long from = Math.max(0, length - 64 * 1024);
            byte[] bytes = new byte[(int) (length - from)];
            file.seek(from);
            file.readFully(bytes);
            List<String> all = new String(bytes, StandardCharsets.UTF_8).lines()
                    .filter(line -> !line.startsWith("\tat ") && !line.matches("\\s+\\.\\.\\. \\d+ (common frames omitted|more)"))
                    .toList();
            return String.join("\n", all.subList(Math.max(0, all.size() - lines), all.size()));
        } catch (IOException e) {
            return "(cannot read " + log + ": " + e.getMessage() + ")";
        }
    }
}
