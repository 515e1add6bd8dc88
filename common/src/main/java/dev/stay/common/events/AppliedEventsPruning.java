package dev.stay.common.events;

import static java.util.concurrent.TimeUnit.MILLISECONDS;

import java.time.Clock;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

/**
 * Keeps {@code applied_event} from growing without end: every {@code stay.events.prune-interval} it forgets the
 * events applied longer ago than {@code stay.events.applied-retention}, which the broker no longer holds.
 */
public class AppliedEventsPruning implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(AppliedEventsPruning.class);

    private final AppliedEvents applied;
    private final EventsProperties settings;
    private final Clock clock;

    private ScheduledThreadPoolExecutor scheduler; // guarded by this

    public AppliedEventsPruning(AppliedEvents applied, EventsProperties settings, Clock clock) {
        this.applied = applied;
        this.settings = settings;
        this.clock = clock;
    }

    /** @return how many applied events were forgotten */
    public int prune() {
        return applied.deleteAppliedBefore(clock.instant().minus(settings.appliedRetention()));
    }

    private void pruneQuietly() {
        try {
            int deleted = prune();
            if (deleted > 0) {
                log.info("applied events: forgot {} applied more than {} ago", deleted, settings.appliedRetention());
            }
        } catch (RuntimeException e) {
            log.warn("applied events: pruning failed, next time then: {}", e.toString());
        }
    }

    @Override
    public synchronized void start() {
        if (scheduler != null) {
            return;
        }
        applied.requireTable();
        scheduler = new ScheduledThreadPoolExecutor(1, Thread.ofPlatform().name("applied-events-pruning").daemon()
                .factory());
        scheduler.setExecuteExistingDelayedTasksAfterShutdownPolicy(false);
        long interval = settings.pruneInterval().toMillis();
        scheduler.scheduleWithFixedDelay(this::pruneQuietly, interval, interval, MILLISECONDS);
    }

    @Override
    public synchronized void stop() {
        if (scheduler != null) {
            scheduler.shutdownNow();
            scheduler = null;
        }
    }

    @Override
    public synchronized boolean isRunning() {
        return scheduler != null;
    }
}
