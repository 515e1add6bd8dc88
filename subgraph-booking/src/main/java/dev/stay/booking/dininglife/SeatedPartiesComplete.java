package dev.stay.booking.dininglife;

import dev.stay.booking.dining.TableReservation;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.Optional;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * A party seated and never closed: {@code stay.dining.lifecycle.auto-complete-after} (6 hours) after its end, the job
 * completes it as the owner would, the deposit refunded ({@link LifecycleSteps#complete}, {@link DepositRefunds}).
 * Only SEATED ones: a CONFIRMED reservation past its end may be a no-show, which only the restaurant can tell, so it
 * waits for its owner (no-show or complete) for the no-show window. Each reservation is locked and its status
 * checked again in its own transaction, so instances running the job at once, or an owner completing it meanwhile,
 * complete it once.
 */
@Component
class SeatedPartiesComplete {

    private static final Logger log = LoggerFactory.getLogger(SeatedPartiesComplete.class);

    private final TableReservations reservations;
    private final LifecycleSteps steps;
    private final DepositRefunds refunds;
    private final LifecycleProperties settings;
    private final Clock clock;

    SeatedPartiesComplete(TableReservations reservations, LifecycleSteps steps, DepositRefunds refunds,
                          LifecycleProperties settings, Clock clock) {
        this.reservations = reservations;
        this.steps = steps;
        this.refunds = refunds;
        this.settings = settings;
        this.clock = clock;
    }

    /** @return how many reservations this round completed */
    @Scheduled(fixedDelayString = "${stay.dining.lifecycle.auto-complete-interval:PT5M}")
    int run() {
        int completed = 0;
        OffsetDateTime endedBefore = OffsetDateTime.now(clock).minus(settings.autoCompleteAfter());
        for (UUID id : reservations.seatedEndedBefore(endedBefore, settings.batchSize())) {
            try {
                var answer = steps.complete(Optional.empty(), id, null);
                if (answer instanceof ReservationStatusPayload.ReservationUpdated updated) {
                    completed++;
                    if (updated.refundPending()) {
                        refunds.send(id);
                    }
                }
            } catch (RuntimeException e) {
                log.warn("seated reservation {} not completed this round: {}", id, e.toString());
            }
        }
        if (completed > 0) {
            log.info("{} seated reservations completed {} after their end", completed, settings.autoCompleteAfter());
        }
        return completed;
    }
}
