package dev.stay.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Locale;

/** The restaurant run's figures as Markdown: reserving (router and floor, answers by type), dated search, ratios. */
record ReserveTableSummary(BookingPhase.Result router, BookingPhase.Result floor, Phase.Result uncached,
                           Phase.Result cached, BenchSettings settings, Visits spread, int searches, LocalDate searchDay) {

    String markdown() {
        var booking = settings.booking();
        StringBuilder out = new StringBuilder();
        out.append(String.format(Locale.ROOT, "Run of %s: %d s a phase after %d s of warm-up a path, %d clients, "
                        + "parties of %d, spread over %s visits at %s restaurants; dated search: %d searches (cities × "
                        + "%s) on %s; latencies in ms%n%n",
                OffsetDateTime.now(ZoneOffset.UTC).truncatedTo(ChronoUnit.SECONDS), booking.phaseSeconds(),
                booking.warmUpSeconds(), settings.users(), ReserveTableSimulation.PARTY,
                spread == null ? "?" : spread.size(), spread == null ? "?" : spread.restaurants(), searches,
                String.join(", ", ReserveTableSimulation.SEARCH_TIMES), searchDay));
        out.append("| phase | clients | requests | failed | p50 | p95 | p99 | mean | max | req/s |\n");
        out.append("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|\n");
        for (BookingPhase.Result r : new BookingPhase.Result[] {router, floor}) {
            out.append(String.format(Locale.ROOT, "| %s | %d | %d | %d | %d | %d | %d | %.1f | %d | %.1f |%n", r.phase(),
                    r.users(), r.requests(), r.failed(), r.all().p50(), r.all().p95(), r.all().p99(), r.all().mean(),
                    r.all().max(), r.throughput()));
        }
        for (Phase.Result r : new Phase.Result[] {uncached, cached}) {
            out.append(String.format(Locale.ROOT, "| %s | %d | %d | %d | %d | %d | %d | %.1f | %d | %.1f |%n", r.phase(),
                    settings.users(), r.requests(), r.failed(), r.p50(), r.p95(), r.p99(), r.mean(), r.max(),
                    r.throughput()));
        }
        out.append("\n| phase | answer | count | p50 | p95 | mean |\n|---|---|---:|---:|---:|---:|\n");
        for (BookingPhase.Result r : new BookingPhase.Result[] {router, floor}) {
            r.outcomes().forEach((outcome, l) -> out.append(String.format(Locale.ROOT, "| %s | %s | %d | %d | %d | %.1f |%n",
                    r.phase(), outcome, l.count(), l.p50(), l.p95(), l.mean())));
        }
        out.append("\n| ratio | p50 | p95 | mean | req/s |\n|---|---:|---:|---:|---:|\n");
        ratio(out, "router reserveTable ÷ JDBC floor (spread)", router.all().p50(), floor.all().p50(), router.all().p95(),
                floor.all().p95(), router.all().mean(), floor.all().mean(), router.throughput(), floor.throughput());
        ratio(out, "cached ÷ uncached (dated search, router)", cached.p50(), uncached.p50(), cached.p95(), uncached.p95(),
                cached.mean(), uncached.mean(), cached.throughput(), uncached.throughput());
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

    private static void ratio(StringBuilder out, String label, double p50, double p50Base, double p95, double p95Base,
                              double mean, double meanBase, double throughput, double throughputBase) {
        out.append(String.format(Locale.ROOT, "| %s | %.2f | %.2f | %.2f | %.2f |%n", label, p50 / p50Base,
                p95 / p95Base, mean / meanBase, throughput / throughputBase));
    }
}
