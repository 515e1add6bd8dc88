package dev.stay.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * One phase of the booking bench: a number of clients booking for a fixed time, each sending its next booking as
 * soon as its last one is answered; what each answer was (the payload's type: {@code BookingConfirmed},
 * {@code SoldOut}...) and how long it took. Throughput is counted over the phase's own time, from its first request
 * to its last answer.
 */
final class BookingPhase {

    static final String FAILED = "failed";

    private final String name;
    private final int users;
    private final List<Integer> latencies = new ArrayList<>();
    private final Map<String, List<Integer>> byOutcome = new TreeMap<>();
    private long startedNanos = -1;
    private long endedNanos;

    BookingPhase(String name, int users) {
        this.name = name;
        this.users = users;
    }

    String name() {
        return name;
    }

    int users() {
        return users;
    }

    synchronized void started() {
        if (startedNanos < 0) {
            startedNanos = System.nanoTime();
        }
    }

    /** @param outcome the answer's type, or {@link #FAILED} (an error, no answer, a check that did not hold) */
    synchronized void record(int latencyMillis, String outcome) {
        if (latencyMillis >= 0) {
            latencies.add(latencyMillis);
        }
        byOutcome.computeIfAbsent(outcome, o -> new ArrayList<>()).add(Math.max(latencyMillis, 0));
        endedNanos = System.nanoTime();
    }

    synchronized Result result() {
        int requests = byOutcome.values().stream().mapToInt(List::size).sum();
        double seconds = startedNanos < 0 ? Double.NaN : (endedNanos - startedNanos) / 1e9;
        Map<String, Latencies> outcomes = new TreeMap<>();
        byOutcome.forEach((outcome, times) -> outcomes.put(outcome, Latencies.of(times)));
        Latencies all = Latencies.of(latencies);
        int failed = outcomes.containsKey(FAILED) ? outcomes.get(FAILED).count() : 0;
        return new Result(name, users, requests, failed, seconds, requests / seconds, all, outcomes);
    }

    /** What one phase measured; latencies in milliseconds. */
    record Result(String phase, int users, int requests, int failed, double seconds, double throughput, Latencies all,
                  Map<String, Latencies> outcomes) {

        int count(String outcome) {
            return outcomes.containsKey(outcome) ? outcomes.get(outcome).count() : 0;
        }
    }

    record Latencies(int count, int p50, int p95, int p99, double mean, int max) {

        static Latencies of(List<Integer> times) {
            int[] sorted = times.stream().mapToInt(Integer::intValue).sorted().toArray();
            if (sorted.length == 0) {
                return new Latencies(0, -1, -1, -1, Double.NaN, -1);
            }
            return new Latencies(sorted.length, percentile(sorted, 50), percentile(sorted, 95), percentile(sorted, 99),
                    java.util.Arrays.stream(sorted).average().orElse(Double.NaN), sorted[sorted.length - 1]);
        }

        /** Nearest rank: the smallest latency that at least p percent of the answers did not exceed. */
        private static int percentile(int[] sorted, int p) {
            int rank = (int) Math.ceil(p / 100.0 * sorted.length);
            return sorted[Math.max(0, rank - 1)];
        }
    }
}
