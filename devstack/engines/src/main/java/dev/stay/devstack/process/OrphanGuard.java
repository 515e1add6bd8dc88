package dev.stay.devstack.process;

import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * Ends a native engine process (PostgreSQL, Redis) when this JVM ends, however it ends. A JVM killed with SIGKILL
 * runs no shutdown hook, and PostgreSQL's postmaster is not even its child; so a small {@code sh} watches a pipe
 * from this JVM, and when the pipe closes (the JVM is gone) it signals the engine.
 */
public final class OrphanGuard {

    private final Process watcher;

    private OrphanGuard(Process watcher) {
        this.watcher = watcher;
    }

    /** @param signal the signal that stops the engine quickly and cleanly, e.g. {@code INT} for PostgreSQL */
    public static OrphanGuard watch(long pid, String signal) {
        try {
            Process watcher = new ProcessBuilder("sh", "-c", "read unused; kill -s " + signal + " " + pid + " 2>/dev/null")
                    .redirectInput(ProcessBuilder.Redirect.PIPE)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                    .redirectError(ProcessBuilder.Redirect.DISCARD)
                    .start();
            return new OrphanGuard(watcher);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start the watcher of pid " + pid, e);
        }
    }

    /** The engine was stopped the normal way: the watcher goes without signalling anything. */
    public void release() {
        watcher.destroyForcibly();
    }
}
