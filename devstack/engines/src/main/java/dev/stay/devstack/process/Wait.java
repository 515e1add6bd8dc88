package dev.stay.devstack.process;

import org.awaitility.core.ConditionTimeoutException;
import org.awaitility.core.TerminalFailureException;
import org.awaitility.pollinterval.IterativePollInterval;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;

import static org.awaitility.Awaitility.await;

/**
 * Polls a real condition (a port answering, a health check saying UP) with Awaitility until it holds or a deadline
 * passes. The pause between probes grows from 50 ms to 500 ms, so a fast engine is seen quickly and a slow one is not
 * hammered; a process that dies meanwhile ends the wait at once, with its own message (the end of its log), rather
 * than after the whole timeout.
 */
public final class Wait {

    private static final IterativePollInterval BACKING_OFF = IterativePollInterval.iterative(
            pause -> pause.multipliedBy(2).compareTo(Duration.ofMillis(500)) > 0 ? Duration.ofMillis(500) : pause.multipliedBy(2),
            Duration.ofMillis(50));

    private Wait() {
    }

    /**
     * @param probe      returns a value once the condition holds, empty until then
     * @param stillAlive called before each probe; throws when waiting makes no sense any more (the process died)
     */
    public static <T> T until(String what, Duration timeout, Supplier<Optional<T>> probe, Runnable stillAlive) {
        try {
            return await(what)
                    .atMost(timeout)
                    .pollDelay(Duration.ZERO)
                    .pollInterval(BACKING_OFF)
                    .pollInSameThread() // probes hold clients and file locks of the caller's thread
                    .failFast(stillAlive::run)
                    .until(probe::get, Optional::isPresent)
                    .orElseThrow();
        } catch (TerminalFailureException e) {
            throw e.getCause() instanceof RuntimeException cause ? cause : e;
        } catch (ConditionTimeoutException e) {
            throw new IllegalStateException(new TimeoutException(what + " not ready after " + Progress.format(timeout)));
        }
    }

    public static void isTrue(String what, Duration timeout, Supplier<Boolean> probe, Runnable stillAlive) {
        until(what, timeout, () -> probe.get() ? Optional.of(true) : Optional.empty(), stillAlive);
    }
}
