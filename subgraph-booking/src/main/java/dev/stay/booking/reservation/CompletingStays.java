package dev.stay.booking.reservation;

import java.time.Clock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Completes the stays whose check-out day is over, every {@code stay.booking.stay-end.complete-interval}, in
 * transactions of {@code batch-size} stays ({@link CompletedStays}), until none is left. Safe with several instances
 * running it at once. A completed stay may still be marked a no-show for some days ({@link NoShowMarking}).
 */
@Component
@EnableConfigurationProperties(StayEndProperties.class)
class CompletingStays {

    private static final Logger log = LoggerFactory.getLogger(CompletingStays.class);

    private final CompletedStays completed;
    private final StayEndProperties settings;
    private final Clock clock;

    CompletingStays(CompletedStays completed, StayEndProperties settings, Clock clock) {
        this.completed = completed;
        this.settings = settings;
        this.clock = clock;
    }

    /** @return how many stays were completed */
    @Scheduled(fixedDelayString = "${stay.booking.stay-end.complete-interval:PT10M}")
    int complete() {
        int total = 0;
        int batch;
        do {
            batch = completed.completeBatch(clock.instant(), settings.batchSize());
            total += batch;
        } while (batch == settings.batchSize());
        if (total > 0) {
            log.info("completed {} stays past their check-out", total);
        }
        return total;
    }
}
