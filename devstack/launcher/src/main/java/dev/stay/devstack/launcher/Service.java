package dev.stay.devstack.launcher;

import dev.stay.devstack.process.ChildProcess;
import dev.stay.devstack.process.Http;
import dev.stay.devstack.process.OrphanGuard;
import dev.stay.devstack.process.WorkDir;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * A server process of the platform (a subgraph, the router): started with its environment, its output in
 * {@code <work dir>/logs/<name>.log}, ready when its health endpoint says so, and ended with this JVM in any case.
 */
final class Service {

    private static final Duration STOP_GRACE = Duration.ofSeconds(20);

    private final String name;
    private final String url;
    private final ChildProcess process;
    private final OrphanGuard guard;
    private volatile boolean stopping;

    private Service(String name, String url, ChildProcess process) {
        this.name = name;
        this.url = url;
        this.process = process;
        this.guard = OrphanGuard.watch(process.pid(), "TERM");
    }

    static Service start(String name, String url, List<String> command, Map<String, String> environment, Path workingDir, Path log) {
        WorkDir.deleteRecursively(log); // one run per log: the tail shown on failure is this run's
        return new Service(name, url, ChildProcess.start(name, command, environment, workingDir, log));
    }

    String name() {
        return name;
    }

    String url() {
        return url;
    }

    Path log() {
        return process.log();
    }

    long pid() {
        return process.pid();
    }

    /** Waits until {@code healthUrl} answers 200 with a body containing {@code expected}; fails early if the process dies. */
    void awaitHealthy(String healthUrl, String expected, Duration timeout) {
        process.awaitReady(name + " at " + healthUrl, timeout, () -> Http.okBody(healthUrl).filter(body -> body.contains(expected)));
    }

    /** Reports an exit that nobody asked for, e.g. a subgraph that crashed while the platform is up. */
    void onUnexpectedExit(Consumer<String> report) {
        process.process().onExit().thenAccept(exited -> {
            if (!stopping) {
                report.accept(name + " exited with code " + exited.exitValue() + "; end of " + log() + ":\n" + process.tail(20));
            }
        });
    }

    void stop() {
        stopping = true;
        guard.release();
        process.stop(STOP_GRACE);
    }
}
