package dev.stay.devstack;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;

/**
 * Polls a real condition (a port answering, a health check saying UP) until it holds or a deadline passes.
 * The pause between probes grows from 50 ms to 500 ms, so a fast engine is seen quickly and a slow one is not hammered.
 */
final class Wait {

    private Wait() {
    }

    /**
     * @param probe returns a value once the condition holds, empty until then
     * @param stillAlive called before each probe; throws when waiting makes no sense any more (the process died)
     */
    static <T> T until(String what, Duration timeout, Supplier<Optional<T>> probe, Runnable stillAlive) {
        long deadline = System.nanoTime() + timeout.toNanos();
        long pauseMillis = 50;
        while (true) {
            stillAlive.run();
            Optional<T> result = probe.get();
            if (result.isPresent()) {
                return result.get();
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException(new TimeoutException(what + " not ready after " + Progress.format(timeout)));
            }
            try {
                TimeUnit.MILLISECONDS.sleep(pauseMillis);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while waiting for " + what, e);
            }
            pauseMillis = Math.min(500, pauseMillis * 2);
        }
    }

    static boolean isTrue(String what, Duration timeout, Supplier<Boolean> probe, Runnable stillAlive) {
        return until(what, timeout, () -> probe.get() ? Optional.of(true) : Optional.empty(), stillAlive);
    }
}
