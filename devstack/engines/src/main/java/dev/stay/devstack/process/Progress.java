package dev.stay.devstack;

import java.time.Duration;
import java.util.Locale;

/** One line per finished step, with its duration, so a slow start shows where the time went. */
final class Progress {

    private Progress() {
    }

    static void line(String prefix, String text) {
        System.out.println("[" + prefix + "] " + text);
        System.out.flush();
    }

    static void done(String prefix, String text, long startNanos) {
        line(prefix, text + " (" + seconds(startNanos) + ")");
    }

    static String seconds(long startNanos) {
        return format(Duration.ofNanos(System.nanoTime() - startNanos));
    }

    static String format(Duration duration) {
        return String.format(Locale.ROOT, "%.1f s", duration.toMillis() / 1000.0);
    }
}
