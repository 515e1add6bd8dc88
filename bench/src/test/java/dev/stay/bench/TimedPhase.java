package dev.stay.bench;

import dev.stay.common.security.RouterSignature;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

/**
 * One phase of {@code RouterOverheadSimulation}: a number of virtual users sending one kind of request to one endpoint
 * for a fixed time, each sending its next request as soon as its last one is answered (a closed system), the items
 * (hotels, searches) taken in turn; with the latencies, the throughput over the phase's own time and the CPU seconds
 * each process of the platform used meanwhile.
 */
final class TimedPhase {

    /** What is loaded: a request of the one-subgraph page, the federated page or the dated search. */
    enum Workload { PAGE, FEDERATED, SEARCH }

    /** Where the request goes: the catalog subgraph itself (signed as the router signs), or a router runtime. */
    enum Target { DIRECT, JAVASCRIPT, RUST }

    private final Workload workload;
    private final Target target;
    private final int users;
    private final String url;
    private final Function<String, String> bodies;
    private final RouterSignature signature;
    private final List<String> items;

    private final AtomicInteger taken = new AtomicInteger();
    private int[] latencies = new int[4096];
    private int answered;
    private int recorded;
    private int failed;
    private long startedNanos;
    private long endedNanos;
    private final Map<String, Double> cpuBefore = new LinkedHashMap<>();
    private final Map<String, Double> cpuUsed = new LinkedHashMap<>();

    /** @param signature the router's signature to put on each request (a subgraph called directly), or null */
    TimedPhase(Workload workload, Target target, int users, String url, Function<String, String> bodies,
               RouterSignature signature, List<String> items) {
        this.workload = workload;
        this.target = target;
        this.users = users;
        this.url = url;
        this.bodies = bodies;
        this.signature = signature;
        this.items = List.copyOf(items);
    }

    String name() {
        return workload.name().toLowerCase() + " · " + target.name().toLowerCase() + " · " + users + " users";
    }

    Workload workload() {
        return workload;
    }

    Target target() {
        return target;
    }

    int users() {
        return users;
    }

    String url() {
        return url;
    }

    boolean signed() {
        return signature != null;
    }

    /** The body of the next request: the next item in turn. */
    byte[] nextBody() {
        int n = taken.getAndIncrement();
        if (n == 0) {
            synchronized (this) {
                startedNanos = System.nanoTime();
            }
        }
        return bodies.apply(items.get(Math.floorMod(n, items.size()))).getBytes(StandardCharsets.UTF_8);
    }

    /** The {@code X-Stay-Signature} header for this exact body, as the router would sign it now. */
    String sign(byte[] body) {
        return signature.sign(body, Instant.now());
    }

    /** @param latencyMillis the response time, or -1 when there was no response at all */
    synchronized void record(int latencyMillis, boolean ok) {
        if (latencyMillis >= 0) {
            if (answered == latencies.length) {
                latencies = Arrays.copyOf(latencies, answered * 2);
            }
            latencies[answered++] = latencyMillis;
        }
        if (!ok) {
            failed++;
        }
        recorded++;
        endedNanos = System.nanoTime();
    }

    void cpuBefore(Map<String, ProcessCpu> processes) {
        processes.forEach((name, process) -> cpuBefore.put(name, process.seconds()));
    }

    void cpuAfter(Map<String, ProcessCpu> processes) {
        processes.forEach((name, process) -> cpuUsed.put(name, process.seconds() - cpuBefore.get(name)));
    }

    synchronized Result result() {
        int[] sorted = Arrays.copyOf(latencies, answered);
        Arrays.sort(sorted);
        double seconds = (endedNanos - startedNanos) / 1e9;
        return new Result(this, recorded, failed, percentile(sorted, 50), percentile(sorted, 95),
                percentile(sorted, 99), Arrays.stream(sorted).average().orElse(Double.NaN), seconds,
                seconds > 0 ? answered / seconds : Double.NaN, Map.copyOf(cpuUsed));
    }

    /** Nearest rank: the smallest latency that at least p percent of the answers did not exceed. */
    private static int percentile(int[] sorted, int p) {
        if (sorted.length == 0) {
            return -1;
        }
        int rank = (int) Math.ceil(p / 100.0 * sorted.length);
        return sorted[Math.max(0, rank - 1)];
    }

    /** What one phase measured; latencies in milliseconds, CPU in seconds by process name. */
    record Result(TimedPhase phase, int requests, int failed, int p50, int p95, int p99, double mean, double seconds,
                  double throughput, Map<String, Double> cpu) {

        /** CPU milliseconds a process spent per answered request. */
        double cpuMillisPerRequest(String process) {
            Double used = cpu.get(process);
            return used == null || requests == 0 ? Double.NaN : used * 1000 / requests;
        }
    }
}
