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

/** The booking run's figures as Markdown: one row per phase, the answers by type, then the ratios the README reports. */
final class BookingSummary {

    private final List<BookingPhase.Result> results;
    private final BenchSettings settings;
    private final Stays spread;
    private final Stays hot;

    BookingSummary(List<BookingPhase.Result> results, BenchSettings settings, Stays spread, Stays hot) {
        this.results = results;
        this.settings = settings;
        this.spread = spread;
        this.hot = hot;
    }

    String markdown() {
        var booking = settings.booking();
        StringBuilder out = new StringBuilder();
        out.append(String.format(Locale.ROOT, "Run of %s: %d s a phase after %d s of warm-up a path, %d clients (hot room: %d"
                        + " on %d rooms%s), spread over %s room types; latencies in ms%n%n",
                OffsetDateTime.now(ZoneOffset.UTC).truncatedTo(ChronoUnit.SECONDS), booking.phaseSeconds(),
                booking.warmUpSeconds(), settings.users(), booking.hotUsers(), booking.hotRooms(),
                hot == null ? "" : " of one room type, the night of " + hot.first().checkIn(),
                spread == null ? "?" : spread.roomTypes()));
        out.append("| phase | clients | requests | failed | p50 | p95 | p99 | mean | max | req/s |\n");
        out.append("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|\n");
        for (BookingPhase.Result r : results) {
            out.append(String.format(Locale.ROOT, "| %s | %d | %d | %d | %d | %d | %d | %.1f | %d | %.1f |%n", r.phase(),
                    r.users(), r.requests(), r.failed(), r.all().p50(), r.all().p95(), r.all().p99(), r.all().mean(),
                    r.all().max(), r.throughput()));
        }
        out.append("\n| phase | answer | count | p50 | p95 | mean |\n|---|---|---:|---:|---:|---:|\n");
        for (BookingPhase.Result r : results) {
            r.outcomes().forEach((outcome, l) -> out.append(String.format(Locale.ROOT, "| %s | %s | %d | %d | %d | %.1f |%n",
                    r.phase(), outcome, l.count(), l.p50(), l.p95(), l.mean())));
        }
        out.append("\n| ratio | p50 | p95 | mean | req/s |\n|---|---:|---:|---:|---:|\n");
        ratio(out, "router createBooking ÷ JDBC floor (spread)", results.get(0), results.get(1));
        ratio(out, "hot room ÷ spread (router)", results.get(2), results.get(0));
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

    private static void ratio(StringBuilder out, String label, BookingPhase.Result a, BookingPhase.Result b) {
        out.append(String.format(Locale.ROOT, "| %s | %.2f | %.2f | %.2f | %.2f |%n", label,
                (double) a.all().p50() / b.all().p50(), (double) a.all().p95() / b.all().p95(),
                a.all().mean() / b.all().mean(), a.throughput() / b.throughput()));
    }
}
