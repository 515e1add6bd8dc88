package dev.stay.devstack.engines;

import dev.stay.devstack.process.ChildProcess;
import dev.stay.devstack.process.OrphanGuard;
import dev.stay.devstack.process.Progress;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

/**
 * One infrastructure engine of the platform. Whether it is embedded (started and stopped by this process) or external
 * (an endpoint from the environment, only pointed at) is chosen once, when it is made, and its endpoint is fixed then
 * too. The start, stop and wait of every embedded engine is this one skeleton; an engine says only how it prepares
 * its files the first time, how it launches, and when it is ready.
 *
 * <p>A stop may come while a start is still waiting (Ctrl-C during {@code ./platform up}, engines closed while
 * Keycloak starts): it ends what was launched at once, and the start fails instead of leaving an engine behind.
 *
 * @param <R> what a launch runs, until it is stopped
 */
public abstract class Engine<R extends Engine.Running> implements AutoCloseable {

    private final String name;
    private final boolean external;
    private final Object starting = new Object();
    private final AtomicReference<R> running = new AtomicReference<>();
    /** Counts stops: a start that sees it move was stopped while it started. */
    private final AtomicLong stops = new AtomicLong();
    /** Guarded by {@link #starting}. */
    private long stopsWhenStarting;
    private boolean prepared;

    Engine(String name, boolean external) {
        this.name = name;
        this.external = external;
    }

    public String name() {
        return name;
    }

    /** True when the endpoint came from the environment: such an engine is never started or stopped here. */
    public boolean isExternal() {
        return external;
    }

    /** Starts an embedded engine unless it runs, and returns once clients can use it. Refused for an external one. */
    public final void start() {
        refuseIfExternal("started");
        synchronized (starting) {
            if (isRunning()) {
                return;
            }
            long started = System.nanoTime();
            stopsWhenStarting = stops.get();
            try {
                if (!prepared) {
                    prepare();
                    prepared = true;
                }
                R launched = launch();
                runs(launched);
                ready(launched);
            } catch (RuntimeException e) {
                halt();
                throw e;
            }
            Progress.done("devstack", readyLine(), started);
        }
    }

    /**
     * Stops an embedded engine (at once, even while it is starting). Stopping an external one is refused, so a test
     * that means to take an engine away cannot pass against one it cannot touch.
     */
    public final void stop() {
        refuseIfExternal("stopped");
        stops.incrementAndGet();
        long started = System.nanoTime();
        if (halt()) {
            Progress.done("devstack", name + " stopped", started);
        }
    }

    public final boolean isRunning() {
        R launched = running.get();
        return external || (launched != null && launched.isAlive());
    }

    /** Stops the engine if this process started it. */
    @Override
    public final void close() {
        if (!external) {
            stop();
        }
    }

    /** Once, before the first launch: a clean data directory, generated configuration. */
    void prepare() {
    }

    /** Launches the engine, without waiting for it; what it returns is what {@link #stop()} ends. */
    abstract R launch();

    /** Returns once the launched engine serves clients; throws when it cannot (it died, it timed out). */
    abstract void ready(R launched);

    /** The line printed once it is ready, e.g. {@code redis ready on 127.0.0.1:16379}. */
    abstract String readyLine();

    /**
     * Makes {@code launched} what a stop ends, as soon as there is something to end: an engine that waits for its
     * process inside {@link #launch()} (Keycloak's first start) calls it before waiting. Throws if a stop came meanwhile.
     */
    final void runs(R launched) {
        running.set(launched);
        if (stops.get() != stopsWhenStarting) {
            halt();
            throw new IllegalStateException(name + " was stopped while it started");
        }
    }

    /** What runs now; null when stopped or external. */
    final R current() {
        return running.get();
    }

    private boolean halt() {
        R launched = running.getAndSet(null);
        if (launched == null) {
            return false;
        }
        launched.stop();
        return true;
    }

    private void refuseIfExternal(String what) {
        if (external) {
            throw new IllegalStateException(name + " is external (configured by environment): it cannot be " + what + " from here");
        }
    }

    /** What a launch runs: a process, a server in this JVM. */
    interface Running {

        boolean isAlive();

        void stop();
    }

    /**
     * An engine in a process of its own, stopped with a grace period; {@code guard} (may be null) ends it with this
     * JVM when nothing else would.
     */
    record ChildRun(ChildProcess process, OrphanGuard guard, Duration grace) implements Running {

        @Override
        public boolean isAlive() {
            return process.isAlive();
        }

        @Override
        public void stop() {
            if (guard != null) {
                guard.release();
            }
            process.stop(grace);
        }
    }
}
