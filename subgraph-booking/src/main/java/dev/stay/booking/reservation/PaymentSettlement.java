package dev.stay.booking.reservation;

import dev.stay.booking.payment.PaymentProvider;
import dev.stay.booking.payment.PaymentProvider.Charge;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Applies what the provider said about a booking's charge, outside any transaction (a refund is an HTTP call):
 * succeeded confirms it, declined or no charge at all releases it, no clear answer leaves it held and unknown.
 * Money taken for a booking released meanwhile is given back at once.
 */
@Component
class PaymentSettlement {

    private static final Logger log = LoggerFactory.getLogger(PaymentSettlement.class);

    private final SettlingBooking settling;
    private final PaymentProvider provider;

    PaymentSettlement(SettlingBooking settling, PaymentProvider provider) {
        this.settling = settling;
        this.provider = provider;
    }

    /** The key every charge of this booking is sent with, so the provider charges it at most once. */
    static String chargeKey(UUID bookingId) {
        return "booking-" + bookingId + "-charge";
    }

    static String refundKey(UUID bookingId) {
        return "booking-" + bookingId + "-refund";
    }

    /**
     * @param releasedAs what the booking becomes when the provider holds no charge for it: PAYMENT_FAILED after a
     *     failed charge, EXPIRED for a hold that ran out
     * @return the status the booking has now
     */
    String apply(UUID bookingId, Charge charge, String releasedAs) {
        switch (charge.status()) {
            case SUCCEEDED -> {
                if (settling.confirm(bookingId, charge.chargeId()) == SettlingBooking.Confirmed.TOO_LATE) {
                    refund(bookingId, charge.chargeId());
                    return releasedAs;
                }
                return BookingStatus.CONFIRMED;
            }
            case DECLINED -> {
                settling.release(bookingId, BookingStatus.PAYMENT_FAILED, BookingStatus.DECLINED);
                return BookingStatus.PAYMENT_FAILED;
            }
            case NOT_FOUND -> {
                settling.release(bookingId, releasedAs, BookingStatus.NOT_CHARGED);
                return releasedAs;
            }
            default -> {
                settling.unknown(bookingId);
                return BookingStatus.HELD;
            }
        }
    }

    private void refund(UUID bookingId, String chargeId) {
        var booking = settling.find(bookingId).orElseThrow();
        if (provider.refund(refundKey(bookingId), chargeId, new java.math.BigDecimal(booking.totalPrice().amount()))) {
            settling.refunded(bookingId, chargeId);
        } else {
            log.error("booking {} was released but charged ({}), and the refund failed: refund it by hand",
                    bookingId, chargeId);
        }
    }
}
