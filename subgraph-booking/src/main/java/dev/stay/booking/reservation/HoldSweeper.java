package dev.stay.booking.reservation;

import dev.stay.booking.db.tables.records.BookingRecord;
import dev.stay.booking.payment.PaymentProvider;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Releases holds past their expiry, as {@code booking.expired}. A held booking's payment is pending or unknown, so
 * the provider is asked first, by the charge's key: a charge it holds confirms the booking instead, a decline fails
 * it, and no answer leaves it held for the next sweep. Safe with several instances: each leases the holds it takes
 * ({@link SettlingBooking#leaseExpiredHolds}).
 */
@Component
class HoldSweeper {

    private static final Logger log = LoggerFactory.getLogger(HoldSweeper.class);
    /** How long a swept hold is left to the instance that took it before another may take it again. */
    static final Duration LEASE = Duration.ofMinutes(1);

    private final SettlingBooking settling;
    private final PaymentProvider provider;
    private final PaymentSettlement settlement;
    private final BookingProperties settings;

    HoldSweeper(SettlingBooking settling, PaymentProvider provider, PaymentSettlement settlement,
                BookingProperties settings) {
        this.settling = settling;
        this.provider = provider;
        this.settlement = settlement;
        this.settings = settings;
    }

    /** @return how many holds were settled (expired, confirmed or failed) */
    @Scheduled(fixedDelayString = "${stay.booking.sweep-interval:PT30S}")
    int sweep() {
        int settled = 0;
        for (BookingRecord hold : settling.leaseExpiredHolds(LEASE, settings.batchSize())) {
            PaymentProvider.Charge charge = provider.find(PaymentSettlement.chargeKey(hold.getId()));
            if (!settlement.apply(hold.getId(), charge, BookingStatus.EXPIRED).equals(BookingStatus.HELD)) {
                settled++;
            }
        }
        if (settled > 0) {
            log.info("settled {} expired holds", settled);
        }
        return settled;
    }
}
