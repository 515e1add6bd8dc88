package dev.stay.common.outbox;

import static java.util.concurrent.TimeUnit.MILLISECONDS;

import java.time.Duration;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

/**
 * Runs the {@link OutboxRelay} on a thread of its own while the application runs: every
 * {@code stay.outbox.poll-interval} when all goes well, backing off up to a few seconds while the broker or the
 * database is away; and deletes the published events past their retention every {@code stay.outbox.cleanup-interval}.
 */
public class OutboxSchedule implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(OutboxSchedule.class);
    private static final Duration MAX_BACKOFF = Duration.ofSeconds(5);

    private final OutboxRelay relay;
    private final OutboxProperties settings;

    private ScheduledThreadPoolExecutor scheduler; // guarded by this
    private int failuresInARow; // the scheduler's thread only

    public OutboxSchedule(OutboxRelay relay, OutboxProperties settings) {
        this.relay = relay;
        this.settings = settings;
    }

    @Override
    public synchronized void start() {
        if (scheduler != null) {
            return;
        }
        relay.requireTable();
        scheduler = new ScheduledThreadPoolExecutor(1, Thread.ofPlatform().name("outbox-relay").daemon().factory());
        scheduler.setExecuteExistingDelayedTasksAfterShutdownPolicy(false);
        scheduler.execute(this::relay);
        long cleanup = settings.cleanupInterval().toMillis();
        scheduler.scheduleWithFixedDelay(this::deleteExpired, cleanup, cleanup, MILLISECONDS);
    }

    private void relay() {
        Duration next;
        try {
            OutboxRelay.Drained drained = relay.drain();
            next = drained.failure() == null ? succeeded() : failed(drained.failure());
        } catch (RuntimeException e) {
            next = failed(e);
        }
        try {
            synchronized (this) {
                if (scheduler != null) {
                    scheduler.schedule(this::relay, next.toMillis(), MILLISECONDS);
                }
            }
        } catch (RejectedExecutionException stopping) {
            // stopped meanwhile
        }
    }

    private Duration succeeded() {
        if (failuresInARow > 0) {
            log.info("outbox: publishing again after {} failed attempts", failuresInARow);
            failuresInARow = 0;
        }
        return settings.pollInterval();
    }

    private Duration failed(Exception e) {
        failuresInARow++;
        if (failuresInARow == 1) {
            log.warn("outbox: publishing failed, the events stay in the outbox and are retried: {}", e.toString());
        } else {
            log.debug("outbox: attempt {} failed: {}", failuresInARow, e.toString());
        }
        long backoff = settings.pollInterval().toMillis() << Math.min(failuresInARow, 10);
        return Duration.ofMillis(Math.min(backoff, MAX_BACKOFF.toMillis()));
    }

    private void deleteExpired() {
        try {
            int deleted = relay.deleteExpired();
            if (deleted > 0) {
                log.info("outbox: deleted {} events published more than {} ago", deleted, settings.retention());
            }
        } catch (RuntimeException e) {
            log.warn("outbox: deleting published events failed, next time then: {}", e.toString());
        }
    }

    /** Lets a round in progress finish (it is bounded by the send timeout), then stops. */
    @Override
    public void stop() {
        ScheduledThreadPoolExecutor stopping;
        synchronized (this) {
            stopping = scheduler;
            scheduler = null;
        }
        if (stopping == null) {
            return;
        }
        stopping.shutdown();
        try {
            if (!stopping.awaitTermination(settings.sendTimeout().plusSeconds(10).toMillis(), MILLISECONDS)) {
                stopping.shutdownNow();
            }
        } catch (InterruptedException e) {
            stopping.shutdownNow();
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public synchronized boolean isRunning() {
        return scheduler != null;
    }
}
