package dev.stay.bench;

import dev.stay.bench.TimedPhase.Result;
import dev.stay.bench.TimedPhase.Target;
import dev.stay.bench.TimedPhase.Workload;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * {@code RouterOverheadSimulation}'s figures as Markdown: every phase with its latencies, throughput and the CPU each
 * process spent; then, per workload and concurrency, each router against the direct call (throughput ratio, p50
 * overhead in ms, the router's CPU per request) and the Rust planner against the JavaScript one; and whether the
 * platform's goal held: router throughput at least {@value #GOAL_THROUGHPUT}× direct, and a p50 overhead of at most
 * {@value #GOAL_P50_MS} ms at the lowest concurrency.
 */
final class OverheadReport {

    static final double GOAL_THROUGHPUT = 0.5;
    static final int GOAL_P50_MS = 5;

    private final List<Result> results;
    private final Collection<String> processes;
    private final int hotels;
    private final int searches;
    private final int phaseSeconds;
    private final int warmUpSeconds;
    private final String loadBefore;

    /** @param loadBefore the 1-minute load average when the simulation started */
    OverheadReport(List<Result> results, Collection<String> processes, int hotels, int searches, int phaseSeconds,
                   int warmUpSeconds, String loadBefore) {
        this.loadBefore = loadBefore;
        this.results = results;
        this.processes = processes;
        this.hotels = hotels;
        this.searches = searches;
        this.phaseSeconds = phaseSeconds;
        this.warmUpSeconds = warmUpSeconds;
    }

    String markdown() {
        StringBuilder out = new StringBuilder();
        out.append(String.format(Locale.ROOT, "Run of %s: %d s a phase after %d s of warm-up a path; %d hotels, %d dated "
                        + "searches in turn; router spans %s; load average (1 min) %s before, %s after; latencies in ms, CPU in seconds%n%n",
                OffsetDateTime.now(ZoneOffset.UTC).truncatedTo(ChronoUnit.SECONDS), phaseSeconds, warmUpSeconds, hotels,
                searches, System.getProperty("stay.bench.routerTraces", "on"), loadBefore, loadAverage()));
        out.append("| workload | to | users | requests | failed | p50 | p95 | p99 | mean | req/s |");
        processes.forEach(process -> out.append(" CPU ").append(process).append(" |"));
        out.append("\n|---|---|---:|---:|---:|---:|---:|---:|---:|---:|");
        processes.forEach(process -> out.append("---:|"));
        out.append('\n');
        for (Result r : results) {
            out.append(String.format(Locale.ROOT, "| %s | %s | %d | %d | %d | %d | %d | %d | %.1f | %.0f |",
                    label(r.phase().workload()), label(r.phase().target()), r.phase().users(), r.requests(), r.failed(),
                    r.p50(), r.p95(), r.p99(), r.mean(), r.throughput()));
            processes.forEach(process -> out.append(String.format(Locale.ROOT, " %.1f |", r.cpu().getOrDefault(process, Double.NaN))));
            out.append('\n');
        }
        out.append("\n| workload | users | router | req/s ÷ direct | p50 − direct (ms) | router CPU ms a request | "
                + "catalog CPU ms a request, direct → through it | goal (≥ ").append(GOAL_THROUGHPUT)
                .append("× and, at the lowest concurrency, ≤ ").append(GOAL_P50_MS).append(" ms) |\n|---|---:|---|---:|---:|---:|---|---|\n");
        int lowest = results.stream().mapToInt(r -> r.phase().users()).min().orElse(0);
        for (Result router : results) {
            Optional<Result> direct = find(router.phase().workload(), Target.DIRECT, router.phase().users());
            if (router.phase().target() == Target.DIRECT || direct.isEmpty()) {
                continue;
            }
            double ratio = router.throughput() / direct.get().throughput();
            int overhead = router.p50() - direct.get().p50();
            boolean holds = ratio >= GOAL_THROUGHPUT && (router.phase().users() != lowest || overhead <= GOAL_P50_MS);
            out.append(String.format(Locale.ROOT, "| %s | %d | %s | %.2f | %d | %.2f | %.2f → %.2f | %s |%n",
                    label(router.phase().workload()), router.phase().users(), label(router.phase().target()), ratio, overhead,
                    router.cpuMillisPerRequest(cpuOf(router.phase().target())), direct.get().cpuMillisPerRequest("catalog"),
                    router.cpuMillisPerRequest("catalog"), holds ? "holds" : "does not hold"));
        }
        out.append("\n| workload | users | Rust ÷ JavaScript req/s | Rust − JavaScript p50 (ms) | router CPU ms a request, JavaScript | Rust |\n");
        out.append("|---|---:|---:|---:|---:|---:|\n");
        for (Result js : results) {
            if (js.phase().target() != Target.JAVASCRIPT) {
                continue;
            }
            find(js.phase().workload(), Target.RUST, js.phase().users()).ifPresent(rust -> out.append(String.format(Locale.ROOT,
                    "| %s | %d | %.2f | %d | %.2f | %.2f |%n", label(js.phase().workload()), js.phase().users(),
                    rust.throughput() / js.throughput(), rust.p50() - js.p50(), js.cpuMillisPerRequest("router"),
                    rust.cpuMillisPerRequest("router-rust"))));
        }
        return out.toString();
    }

    void writeTo(Path file) {
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            Files.writeString(file, markdown());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private Optional<Result> find(Workload workload, Target target, int users) {
        return results.stream().filter(r -> r.phase().workload() == workload && r.phase().target() == target
                && r.phase().users() == users).findFirst();
    }

    private static String cpuOf(Target target) {
        return target == Target.RUST ? "router-rust" : "router";
    }

    private static String label(Workload workload) {
        return switch (workload) {
            case PAGE -> "page, catalog only";
            case FEDERATED -> "page + owner + availability";
            case SEARCH -> "search, city + dates";
        };
    }

    private static String label(Target target) {
        return switch (target) {
            case DIRECT -> "catalog, direct";
            case JAVASCRIPT -> "router, JS planner";
            case RUST -> "router, Rust planner";
        };
    }

    /** The 1-minute load average now. */
    static String loadAverage() {
        try {
            return Files.readString(Path.of("/proc/loadavg")).split(" ")[0];
        } catch (IOException e) {
            return "?";
        }
    }
}
