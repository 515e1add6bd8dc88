package dev.stay.devstack.process;

import java.time.Duration;
import java.util.Locale;

/** One line per finished step, with its duration, so a slow start shows where the time went. */
public final class Progress {

    private Progress() {
    }

    public static void line(String prefix, String text) {
        System.out.println("[" + prefix + "] " + text);
        System.out.flush();
    }

    public static void done(String prefix, String text, long startNanos) {
        line(prefix, text + " (" + seconds(startNanos) + ")");
    }

    public static String seconds(long startNanos) {
        return format(Duration.ofNanos(System.nanoTime() - startNanos));
    }

    public static String format(Duration duration) {
        return String.format(Locale.ROOT, "%.1f s", duration.toMillis() / 1000.0);
    }
}
