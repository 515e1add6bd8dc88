package dev.stay.bench;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

/** The search run's figures as Markdown: each kind's three phases, OpenSearch's own {@code took}, and the ratios. */
final class SearchReport {

    private SearchReport() {
    }

    /** @param phases each kind's uncached, cached and OpenSearch-alone phases; @param took the engine phases' {@code took} */
    static String markdown(Map<SearchKind, Phase[]> phases, Map<Phase, List<Integer>> took,
                           Map<Phase, AtomicInteger> found) {
        StringBuilder out = new StringBuilder();
        out.append("| phase | requests | failed | with hotels | p50 | p95 | p99 | mean | max | req/s |\n");
        out.append("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|\n");
        for (Phase[] kind : phases.values()) {
            for (Phase phase : kind) {
                Phase.Result r = phase.result();
                AtomicInteger nonEmpty = found.get(phase);
                out.append(String.format(Locale.ROOT, "| %s | %d | %d | %s | %d | %d | %d | %.1f | %d | %.0f |%n",
                        r.phase(), r.requests(), r.failed(), nonEmpty == null ? "?" : nonEmpty.get(), r.p50(), r.p95(), r.p99(), r.mean(), r.max(),
                        r.throughput()));
            }
        }
        out.append("\nOpenSearch's own `took` (ms) in the OpenSearch-alone phases:\n\n");
        out.append("| kind | answers | p50 | p95 | p99 | mean | max |\n|---|---:|---:|---:|---:|---:|---:|\n");
        phases.forEach((kind, three) -> {
            int[] sorted = sorted(took.get(three[2]));
            out.append(String.format(Locale.ROOT, "| %s | %d | %d | %d | %d | %.1f | %d |%n", kind.label(), sorted.length,
                    rank(sorted, 50), rank(sorted, 95), rank(sorted, 99), Arrays.stream(sorted).average().orElse(Double.NaN),
                    sorted.length == 0 ? -1 : sorted[sorted.length - 1]));
        });
        out.append("\n| kind | cached ÷ uncached p50 | p95 | req/s | uncached router ÷ `took` p50 | p95 "
                + "| cached router ÷ `took` p50 | OpenSearch alone (client) ÷ `took` p50 |\n");
        out.append("|---|---:|---:|---:|---:|---:|---:|---:|\n");
        phases.forEach((kind, three) -> {
            Phase.Result uncached = three[0].result();
            Phase.Result cached = three[1].result();
            Phase.Result engine = three[2].result();
            int[] sorted = sorted(took.get(three[2]));
            out.append(String.format(Locale.ROOT, "| %s | %s | %s | %s | %s | %s | %s | %s |%n", kind.label(),
                    ratio(cached.p50(), uncached.p50()), ratio(cached.p95(), uncached.p95()),
                    ratio(cached.throughput(), uncached.throughput()), ratio(uncached.p50(), rank(sorted, 50)),
                    ratio(uncached.p95(), rank(sorted, 95)), ratio(cached.p50(), rank(sorted, 50)),
                    ratio(engine.p50(), rank(sorted, 50))));
        });
        return out.toString();
    }

    /** a ÷ b, or "n/a" when b is 0 or unknown (a {@code took} of 0 ms has no meaningful ratio). */
    private static String ratio(double a, double b) {
        return b > 0 && a >= 0 && !Double.isNaN(a) ? String.format(Locale.ROOT, "%.2f", a / b) : "n/a";
    }

    private static int[] sorted(List<Integer> values) {
        synchronized (values) {
            return values.stream().mapToInt(Integer::intValue).sorted().toArray();
        }
    }

    private static int rank(int[] sorted, int p) {
        return sorted.length == 0 ? -1 : sorted[Math.max(0, (int) Math.ceil(p / 100.0 * sorted.length) - 1)];
    }
}
