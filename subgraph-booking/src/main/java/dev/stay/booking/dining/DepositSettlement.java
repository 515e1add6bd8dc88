package dev.stay.booking.dining;

import dev.stay.booking.payment.PaymentProvider;
import java.math.BigDecimal;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Applies what the provider said about a reservation's deposit, outside any transaction (a refund is an HTTP call):
 * succeeded confirms it, declined or no charge at all releases its table, no clear answer leaves it held. A deposit
 * taken for a reservation released meanwhile is given back at once.
 */
@Component
class DepositSettlement {

    private static final Logger log = LoggerFactory.getLogger(DepositSettlement.class);

    private final SettlingReservation settling;
    private final PaymentProvider provider;
    private final Reservations reservations;

    DepositSettlement(SettlingReservation settling, PaymentProvider provider, Reservations reservations) {
        this.settling = settling;
        this.provider = provider;
        this.reservations = reservations;
    }

    /** The key the deposit of this reservation is charged with, so that the provider charges it at most once. */
    static String depositKey(UUID reservationId) {
        return "reservation-" + reservationId + "-deposit";
    }

    static String lateChargeRefundKey(UUID reservationId) {
        return "reservation-" + reservationId + "-deposit-refund";
    }

    /**
     * @param releasedAs what the reservation becomes when the provider holds no charge for it: PAYMENT_FAILED after
     *     a failed charge, EXPIRED for a hold that ran out
     * @return the status the reservation has now
     */
    String apply(UUID id, PaymentProvider.Charge charge, String releasedAs) {
        switch (charge.status()) {
            case SUCCEEDED -> {
                if (settling.confirm(id, charge.chargeId()) == SettlingReservation.Confirmed.TOO_LATE) {
                    giveBack(id, charge.chargeId());
                    return reservations.find(id).orElseThrow().status();
                }
                return "CONFIRMED";
            }
            case DECLINED -> {
                settling.release(id, "PAYMENT_FAILED", "DECLINED");
                return reservations.find(id).orElseThrow().status();
            }
            case NOT_FOUND -> {
                settling.release(id, releasedAs, "NOT_CHARGED");
                return reservations.find(id).orElseThrow().status();
            }
            default -> {
                settling.unknown(id);
                return reservations.find(id).orElseThrow().status();
            }
        }
    }

    /** @return whether the provider took the refund of a charge that came too late */
    boolean giveBack(UUID id, String chargeId) {
        TableReservation r = reservations.find(id).orElseThrow();
        if ("REFUNDED".equals(r.payment().status())) {
            return true;
        }
        if (provider.refund(lateChargeRefundKey(id), chargeId, new BigDecimal(r.deposit().amount()))) {
            settling.refundedLateCharge(id, chargeId);
            return true;
        }
        log.error("reservation {} was released but its deposit was charged ({}), and the refund was not taken: "
                + "the webhook's next delivery or an admin sends it again", id, chargeId);
        return false;
    }
}
