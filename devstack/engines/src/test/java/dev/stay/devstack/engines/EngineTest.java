package dev.stay.devstack.engines;

import org.junit.jupiter.api.Test;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The one start/stop skeleton every embedded engine shares, with an engine that runs nothing but a flag. */
class EngineTest {

    @Test
    void preparesOnceStartsOnceAndStartsAgainAfterAStop() {
        FakeEngine engine = new FakeEngine(false);

        engine.start();
        engine.start();
        engine.stop();
        engine.start();

        assertThat(engine.prepared).hasValue(1);
        assertThat(engine.launched).hasValue(2);
        assertThat(engine.isRunning()).isTrue();
        engine.close();
        assertThat(engine.isRunning()).isFalse();
    }

    @Test
    void aStopWhileItStartsEndsWhatWasLaunchedAndFailsTheStart() throws Exception {
        FakeEngine engine = new FakeEngine(false);
        engine.holdReady = new CountDownLatch(1);
        AtomicReference<Throwable> startFailure = new AtomicReference<>();
        Thread starting = Thread.ofPlatform().start(() -> {
            try {
                engine.start();
            } catch (RuntimeException e) {
                startFailure.set(e);
            }
        });
        assertThat(engine.waiting.await(5, TimeUnit.SECONDS)).isTrue();

        engine.stop();
        engine.holdReady.countDown();
        starting.join(5_000);

        assertThat(engine.current()).isNull();
        assertThat(engine.isRunning()).isFalse();
        assertThat(engine.stoppedRuns).hasValue(1);
        assertThat(startFailure.get()).isInstanceOf(IllegalStateException.class).hasMessageContaining("not ready");
    }

    @Test
    void anExternalEngineRunsAlreadyAndRefusesToBeStartedOrStopped() {
        FakeEngine engine = new FakeEngine(true);

        assertThat(engine.isRunning()).isTrue();
        assertThatThrownBy(engine::start).isInstanceOf(IllegalStateException.class).hasMessageContaining("external");
        assertThatThrownBy(engine::stop).isInstanceOf(IllegalStateException.class).hasMessageContaining("external");
        engine.close();
        assertThat(engine.launched).hasValue(0);
    }

    private static final class FakeEngine extends Engine<FakeEngine.Flag> {

        final AtomicInteger prepared = new AtomicInteger();
        final AtomicInteger launched = new AtomicInteger();
        final AtomicInteger stoppedRuns = new AtomicInteger();
        final CountDownLatch waiting = new CountDownLatch(1);
        volatile CountDownLatch holdReady = new CountDownLatch(0);

        FakeEngine(boolean external) {
            super("fake", external);
        }

        @Override
        void prepare() {
            prepared.incrementAndGet();
        }

        @Override
        Flag launch() {
            launched.incrementAndGet();
            return new Flag(this);
        }

        @Override
        void ready(Flag launched) {
            waiting.countDown();
            try {
                holdReady.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            if (!launched.isAlive()) {
                throw new IllegalStateException("fake exited: not ready");
            }
        }

        @Override
        String readyLine() {
            return "fake ready";
        }

        static final class Flag implements Running {

            private final FakeEngine engine;
            private volatile boolean alive = true;

            Flag(FakeEngine engine) {
                this.engine = engine;
            }

            @Override
            public boolean isAlive() {
                return alive;
            }

            @Override
            public void stop() {
                alive = false;
                engine.stoppedRuns.incrementAndGet();
            }
        }
    }
}
