package dev.stay.booking.reservation;

import dev.stay.booking.payment.PaymentProvider;
import java.time.OffsetDateTime;
import java.util.UUID;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Settles the payments that had no clear answer (timeout, reset, 5xx), once {@code stay.booking.reconcile-after} has
 * passed, by asking the provider by the charge's idempotency key: a held booking's charge confirms it, or releases
 * it when the provider declined or holds no charge; a change of dates' extra charge moves the booking to its new
 * dates, or gives the new nights back ({@link ChangeSettlement}). A change still pending after
 * {@code stay.booking.hold-for} (its request died before the provider answered) is asked about the same way.
 */
@Component
class PaymentReconciliation {

    private final BookingRepository bookings;
    private final BookingChanges changes;
    private final PaymentProvider provider;
    private final PaymentSettlement settlement;
    private final ChangeSettlement changeSettlement;
    private final BookingProperties settings;

    PaymentReconciliation(BookingRepository bookings, BookingChanges changes, PaymentProvider provider,
                          PaymentSettlement settlement, ChangeSettlement changeSettlement,
                          BookingProperties settings) {
        this.bookings = bookings;
        this.changes = changes;
        this.provider = provider;
        this.settlement = settlement;
        this.changeSettlement = changeSettlement;
        this.settings = settings;
    }

    /** @return how many bookings and changes were settled */
    @Scheduled(fixedDelayString = "${stay.booking.reconcile-interval:PT30S}")
    int reconcile() {
        int settled = 0;
        OffsetDateTime now = OffsetDateTime.now();
        OffsetDateTime before = now.minus(settings.reconcileAfter());
        for (UUID id : bookings.unknownPayments(before, settings.batchSize())) {
            PaymentProvider.Charge charge = provider.find(PaymentSettlement.chargeKey(id));
            if (!settlement.apply(id, charge, BookingStatus.PAYMENT_FAILED).equals(BookingStatus.HELD)) {
                settled++;
            }
        }
        for (var open : changes.open(before, now.minus(settings.holdFor()), settings.batchSize())) {
            PaymentProvider.Charge charge = provider.find(MovingStay.chargeKey(open.bookingId(), open.change()));
            if (changeSettlement.apply(open.bookingId(), open.change(), charge) != ChangeSettlement.Settled.OPEN) {
                settled++;
            }
        }
        return settled;
    }
}
