package dev.stay.booking.reservation;

import dev.stay.booking.payment.PaymentProvider;
import java.time.OffsetDateTime;
import java.util.UUID;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Settles the held bookings whose charge had no clear answer (timeout, reset, 5xx), once
 * {@code stay.booking.reconcile-after} has passed: the provider is asked by the charge's idempotency key and its
 * answer confirms the booking, or releases it when it declined or holds no charge.
 */
@Component
class PaymentReconciliation {

    private final BookingRepository bookings;
    private final PaymentProvider provider;
    private final PaymentSettlement settlement;
    private final BookingProperties settings;

    PaymentReconciliation(BookingRepository bookings, PaymentProvider provider, PaymentSettlement settlement,
                          BookingProperties settings) {
        this.bookings = bookings;
        this.provider = provider;
        this.settlement = settlement;
        this.settings = settings;
    }

    /** @return how many bookings were settled */
    @Scheduled(fixedDelayString = "${stay.booking.reconcile-interval:PT30S}")
    int reconcile() {
        int settled = 0;
        OffsetDateTime before = OffsetDateTime.now().minus(settings.reconcileAfter());
        for (UUID id : bookings.unknownPayments(before, settings.batchSize())) {
            PaymentProvider.Charge charge = provider.find(PaymentSettlement.chargeKey(id));
            if (!settlement.apply(id, charge, BookingStatus.PAYMENT_FAILED).equals(BookingStatus.HELD)) {
                settled++;
            }
        }
        return settled;
    }
}
