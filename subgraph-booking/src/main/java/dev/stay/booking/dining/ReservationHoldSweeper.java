package dev.stay.booking.dining;

import dev.stay.booking.db.tables.records.TableReservationRecord;
import dev.stay.booking.payment.PaymentProvider;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Releases tables held past their expiry ({@code reservation.expired}). A held reservation's deposit is pending or
 * unknown, so the provider is asked first by the deposit's key: a charge it holds confirms the reservation instead, a
 * decline fails it, no answer leaves it held for the next sweep. Safe with several instances: each leases the holds
 * it takes ({@code SKIP LOCKED}, {@link SettlingReservation#leaseExpiredHolds}).
 */
@Component
class ReservationHoldSweeper {

    private static final Logger log = LoggerFactory.getLogger(ReservationHoldSweeper.class);
    static final Duration LEASE = Duration.ofMinutes(1);

    private final SettlingReservation settling;
    private final PaymentProvider provider;
    private final DepositSettlement settlement;
    private final DiningProperties settings;

    ReservationHoldSweeper(SettlingReservation settling, PaymentProvider provider, DepositSettlement settlement,
                           DiningProperties settings) {
        this.settling = settling;
        this.provider = provider;
        this.settlement = settlement;
        this.settings = settings;
    }

    /** @return how many holds were settled (expired, confirmed or failed) */
    @Scheduled(fixedDelayString = "${stay.dining.sweep-interval:PT30S}")
    int sweep() {
        int settled = 0;
        for (TableReservationRecord hold : settling.leaseExpiredHolds(LEASE, settings.batchSize())) {
            PaymentProvider.Charge charge = provider.find(DepositSettlement.depositKey(hold.getId()));
            if (!settlement.apply(hold.getId(), charge, "EXPIRED").equals("HELD")) {
                settled++;
            }
        }
        if (settled > 0) {
            log.info("settled {} expired table holds", settled);
        }
        return settled;
    }
}
