package dev.stay.booking.dining;

import dev.stay.booking.payment.PaymentProvider;
import java.time.OffsetDateTime;
import java.util.UUID;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Settles the deposits that had no clear answer (timeout, reset, 5xx) once {@code stay.dining.reconcile-after} has
 * passed, by asking the provider by the deposit's key: a charge confirms the reservation, a decline or no charge at
 * all releases its table, no answer leaves it for the next round (and for the sweeper once its hold runs out).
 */
@Component
class DepositReconciliation {

    private final SettlingReservation settling;
    private final PaymentProvider provider;
    private final DepositSettlement settlement;
    private final DiningProperties settings;

    DepositReconciliation(SettlingReservation settling, PaymentProvider provider, DepositSettlement settlement,
                          DiningProperties settings) {
        this.settling = settling;
        this.provider = provider;
        this.settlement = settlement;
        this.settings = settings;
    }

    /** @return how many reservations were settled */
    @Scheduled(fixedDelayString = "${stay.dining.reconcile-interval:PT30S}")
    int reconcile() {
        int settled = 0;
        OffsetDateTime before = OffsetDateTime.now().minus(settings.reconcileAfter());
        for (UUID id : settling.unknownDeposits(before, settings.batchSize())) {
            PaymentProvider.Charge charge = provider.find(DepositSettlement.depositKey(id));
            if (!settlement.apply(id, charge, "PAYMENT_FAILED").equals("HELD")) {
                settled++;
            }
        }
        return settled;
    }
}
