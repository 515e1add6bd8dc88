package dev.stay.devstack.process;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Waiting for an engine: the value once it is there, the process's own failure at once, a timeout that says what. */
class WaitTest {

    @Test
    void returnsWhatTheProbeFoundOnceItFindsIt() {
        AtomicInteger probes = new AtomicInteger();

        String found = Wait.until("the third probe", Duration.ofSeconds(5),
                () -> probes.incrementAndGet() == 3 ? Optional.of("ready") : Optional.empty(), () -> { });

        assertThat(found).isEqualTo("ready");
        assertThat(probes).hasValue(3);
    }

    @Test
    void aProcessThatDiedEndsTheWaitAtOnceWithItsOwnMessage() {
        long started = System.nanoTime();

        assertThatThrownBy(() -> Wait.until("a dead engine", Duration.ofSeconds(30), Optional::empty, () -> {
            throw new IllegalStateException("engine exited with code 1");
        })).isInstanceOf(IllegalStateException.class).hasMessage("engine exited with code 1");
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(5));
    }

    @Test
    void aConditionThatNeverHoldsTimesOutNamingWhatWasAwaited() {
        assertThatThrownBy(() -> Wait.isTrue("a port that never opens", Duration.ofMillis(300), () -> false, () -> { }))
                .isInstanceOf(IllegalStateException.class)
                .hasCauseInstanceOf(TimeoutException.class)
                .hasMessageContaining("a port that never opens not ready after 0.3 s");
    }
}
