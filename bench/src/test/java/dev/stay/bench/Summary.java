package dev.stay.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;

/** The run's figures as Markdown: one row per phase, then the ratios the README reports. */
final class Summary {

    private final List<Phase.Result> results;
    private final BenchSettings settings;

    Summary(List<Phase.Result> results, BenchSettings settings) {
        this.results = results;
        this.settings = settings;
    }

    String markdown() {
        StringBuilder out = new StringBuilder();
        out.append(String.format(Locale.ROOT, "Run of %s: %d hotels, %d concurrent users, %d warm-up requests per path; latencies in ms%n%n",
                OffsetDateTime.now(ZoneOffset.UTC).truncatedTo(ChronoUnit.SECONDS), settings.hotelIds().size(),
                settings.users(), settings.warmUpRequests()));
        out.append("| phase | requests | failed | p50 | p95 | p99 | mean | max | req/s | Redis keys after |\n");
        out.append("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|\n");
        for (Phase.Result r : results) {
            out.append(String.format(Locale.ROOT, "| %s | %d | %d | %d | %d | %d | %.1f | %d | %.0f | %s |%n", r.phase(),
                    r.requests(), r.failed(), r.p50(), r.p95(), r.p99(), r.mean(), r.max(), r.throughput(),
                    r.redisKeysAfter() == null ? "?" : r.redisKeysAfter()));
        }
        out.append("\n| ratio | p50 | p95 | mean | req/s |\n|---|---:|---:|---:|---:|\n");
        ratio(out, "warm ÷ cold (router, full page)", "warm: router", "cold: router");
        ratio(out, "warm ÷ cold (straight to catalog)", "warm: straight to catalog", "cold: straight to catalog");
        ratio(out, "router ÷ straight (catalog fields, warm)", "warm: router, catalog fields", "warm: straight to catalog");
        ratio(out, "router full page ÷ straight catalog fields (warm)", "warm: router", "warm: straight to catalog");
        ratio(out, "with availability ÷ without (router, warm)", "warm: router, with availability", "warm: router");
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

    private void ratio(StringBuilder out, String label, String phase, String base) {
        Phase.Result a = result(phase);
        Phase.Result b = result(base);
        out.append(String.format(Locale.ROOT, "| %s | %.2f | %.2f | %.2f | %.2f |%n", label,
                (double) a.p50() / b.p50(), (double) a.p95() / b.p95(), a.mean() / b.mean(), a.throughput() / b.throughput()));
    }

    private Phase.Result result(String phase) {
        return results.stream().filter(r -> r.phase().equals(phase)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no phase " + phase));
    }
}
