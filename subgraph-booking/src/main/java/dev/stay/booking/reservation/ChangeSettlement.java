package dev.stay.booking.reservation;

import dev.stay.booking.payment.PaymentProvider.Charge;
import java.util.UUID;
import org.springframework.stereotype.Component;

/**
 * Applies what the provider said about a change's extra charge, outside any transaction (a refund is an HTTP call),
 * as {@link PaymentSettlement} does for a booking's charge: succeeded moves the booking, declined or no charge at all
 * keeps it on its dates, no clear answer leaves the change open for {@link PaymentReconciliation}. A charge that
 * went through for a change let go meanwhile is given back ({@link Refunds}).
 */
@Component
class ChangeSettlement {

    /** Where the change stands for the guest. */
    enum Settled { PAID, NOT_PAID, OPEN }

    private final SettlingChange settling;
    private final Refunds refunds;

    ChangeSettlement(SettlingChange settling, Refunds refunds) {
        this.settling = settling;
        this.refunds = refunds;
    }

    Settled apply(UUID bookingId, int change, Charge charge) {
        String status = switch (charge.status()) {
            case SUCCEEDED -> {
                String now = settling.paid(bookingId, change, charge.chargeId());
                if (!now.equals(BookingChanges.PAID) && settling.chargedTooLate(bookingId, change)) {
                    refunds.send(bookingId);
                }
                yield now;
            }
            case DECLINED -> settling.notPaid(bookingId, change, BookingChanges.DECLINED);
            case NOT_FOUND -> settling.notPaid(bookingId, change, BookingChanges.NOT_CHARGED);
            case UNKNOWN -> settling.unknown(bookingId, change);
        };
        return switch (status) {
            case BookingChanges.PAID -> Settled.PAID;
            case BookingChanges.DECLINED, BookingChanges.NOT_CHARGED -> Settled.NOT_PAID;
            default -> Settled.OPEN;
        };
    }
}
