package dev.stay.seed;

import java.io.PrintStream;
import java.time.Duration;
import java.util.Locale;

/**
 * Hotels loaded so far, their rate and the time left. On a terminal one line redrawn in place (at most ten times a
 * second); in a log or a pipe a line at every tenth of the way, so a long load leaves a readable trace.
 */
final class ProgressBar {

    private static final int WIDTH = 24;
    private static final long REDRAW_NANOS = 100_000_000L;

    private final PrintStream out;
    private final boolean redraw;
    private final long total;
    private final long startedWith;
    private final long startNanos;
    private long lastDrawNanos;
    private int lastTenth;
    private int lastLength;

    /** @param startedWith hotels an earlier run loaded already: counted as done, not in the rate */
    ProgressBar(PrintStream out, boolean redraw, long total, long startedWith) {
        this.out = out;
        this.redraw = redraw;
        this.total = total;
        this.startedWith = startedWith;
        this.startNanos = System.nanoTime();
        this.lastTenth = (int) (10 * startedWith / total);
    }

    void update(long done) {
        long now = System.nanoTime();
        if (redraw) {
            if (now - lastDrawNanos >= REDRAW_NANOS || done == total) {
                String line = line(done, now);
                out.print("\r" + line + " ".repeat(Math.max(0, lastLength - line.length())));
                out.flush();
                lastLength = line.length();
                lastDrawNanos = now;
            }
        } else {
            int tenth = (int) (10 * done / total);
            if (tenth > lastTenth) {
                out.println(line(done, now));
                out.flush();
                lastTenth = tenth;
            }
        }
    }

    /** Ends the redrawn line, so what follows starts on a line of its own. */
    void finish() {
        if (redraw && lastLength > 0) {
            out.println();
            out.flush();
        }
    }

    String line(long done, long now) {
        int filled = (int) (WIDTH * done / total);
        double seconds = (now - startNanos) / 1e9;
        double rate = seconds > 0 ? (done - startedWith) / seconds : 0;
        String eta = done >= total ? "done" : rate > 0 ? "ETA " + duration((total - done) / rate) : "ETA ?";
        return String.format(Locale.ROOT, "[seed] [%s%s] %3d%% %,d/%,d hotels  %,.0f hotels/s  %s",
                "#".repeat(filled), ".".repeat(WIDTH - filled), 100 * done / total, done, total, rate, eta);
    }

    /** {@code 42 s}, {@code 3 min 05 s}, {@code 1 h 02 min}. */
    static String duration(double seconds) {
        Duration d = Duration.ofMillis((long) (seconds * 1000));
        if (d.toMinutes() == 0) {
            return String.format(Locale.ROOT, "%.1f s", seconds);
        }
        if (d.toHours() == 0) {
            return String.format(Locale.ROOT, "%d min %02d s", d.toMinutes(), d.toSecondsPart());
        }
        return String.format(Locale.ROOT, "%d h %02d min", d.toHours(), d.toMinutesPart());
    }
}
