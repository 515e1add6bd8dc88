package dev.stay.bench;

import dev.stay.common.security.RouterSignature;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.function.Function;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * One phase of the run: a fixed number of property-page requests to one endpoint, the hotels taken in order by
 * whichever of the phase's virtual users is free, and what the phase measured.
 *
 * <p>The throughput is counted here, over the phase's own time from its first request to its last answer:
 * Gatling's report divides a request name's count by the duration of the whole run, which would dilute each
 * of several phases run one after another.
 */
final class Phase {

    private final String name;
    private final String url;
    private final Function<String, String> bodies;
    private final RouterSignature signature;
    private final List<String> hotelIds;
    private final int requests;

    private final AtomicInteger taken = new AtomicInteger();
    private final int[] latencies;
    private int answered;
    private int recorded;
    private int failed;
    private long startedNanos;
    private long endedNanos;
    private Long redisKeysAfter;

    /** @param signature the router's signature to put on each request (a subgraph called directly), or null */
    Phase(String name, String url, GraphQlDocument document, RouterSignature signature, List<String> hotelIds, int requests) {
        this(name, url, (Function<String, String>) document::body, signature, hotelIds, requests);
    }

    /** @param bodies the request body for an item of {@code items} (a hotel id, or what a search asks) */
    Phase(String name, String url, Function<String, String> bodies, RouterSignature signature, List<String> items,
          int requests) {
        List<String> hotelIds = items;
        this.name = name;
        this.url = url;
        this.bodies = bodies;
        this.signature = signature;
        this.hotelIds = List.copyOf(hotelIds);
        this.requests = requests;
        this.latencies = new int[requests];
    }

    /** Each hotel once, so that after a FLUSHALL every request of the phase misses the cache. */
    static Phase eachHotelOnce(String name, String url, GraphQlDocument document, RouterSignature signature, List<String> hotelIds) {
        return new Phase(name, url, document, signature, hotelIds, hotelIds.size());
    }

    String name() {
        return name;
    }

    String url() {
        return url;
    }

    boolean signed() {
        return signature != null;
    }

    int requests() {
        return requests;
    }

    /** The body of the next request, or null when the phase has sent all of its requests. */
    byte[] nextBody() {
        int n = taken.getAndIncrement();
        if (n >= requests) {
            return null;
        }
        if (n == 0) {
            synchronized (this) {
                startedNanos = System.nanoTime();
            }
        }
        return bodies.apply(hotelIds.get(n % hotelIds.size())).getBytes(StandardCharsets.UTF_8);
    }

    /** The {@code X-Stay-Signature} header for this exact body, as the router would sign it now. */
    String sign(byte[] body) {
        return signature.sign(body, Instant.now());
    }

    /** @param latencyMillis the response time, or -1 when there was no response at all */
    synchronized void record(int latencyMillis, boolean ok) {
        if (latencyMillis >= 0) {
            latencies[answered++] = latencyMillis;
        }
        if (!ok) {
            failed++;
        }
        if (++recorded == requests) {
            endedNanos = System.nanoTime();
        }
    }

    synchronized void redisKeysAfter(long keys) {
        redisKeysAfter = keys;
    }

    /** The figures; a phase cut short (the run's time bound) counts what it sent and has no throughput. */
    synchronized Result result() {
        int[] sorted = Arrays.copyOf(latencies, answered);
        Arrays.sort(sorted);
        boolean complete = recorded == requests;
        double seconds = complete ? (endedNanos - startedNanos) / 1e9 : Double.NaN;
        return new Result(name, recorded, failed, percentile(sorted, 50), percentile(sorted, 95), percentile(sorted, 99),
                Arrays.stream(sorted).average().orElse(Double.NaN), sorted.length == 0 ? -1 : sorted[sorted.length - 1],
                seconds, complete ? requests / seconds : Double.NaN, redisKeysAfter);
    }

    /** Nearest rank: the smallest latency that at least p percent of the answers did not exceed. */
    private static int percentile(int[] sorted, int p) {
        if (sorted.length == 0) {
            return -1;
        }
        int rank = (int) Math.ceil(p / 100.0 * sorted.length);
        return sorted[Math.max(0, rank - 1)];
    }

    /** What one phase measured; latencies in milliseconds, as Gatling records them. */
    record Result(String phase, int requests, int failed, int p50, int p95, int p99, double mean, int max,
                  double seconds, double throughput, Long redisKeysAfter) {}
}
