package dev.stay.booking.reservation;

import dev.stay.booking.payment.ChargeOutcomes;
import dev.stay.booking.payment.PaymentProvider;
import java.math.BigDecimal;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.stereotype.Component;

/**
 * The provider's webhook settles a booking's charge through {@link PaymentSettlement}, as the charge's own answer,
 * the reconciliation and the sweeper do. It acts only where there is something left to do: a held booking (confirmed
 * or released), or a released one whose charge succeeded after all and was not given back yet (refunded). Anything
 * else (confirmed already, a failure arriving after the success, cancelled) is UNCHANGED, so a duplicate or an event
 * out of order changes nothing twice.
 */
@Component
class WebhookSettlement implements ChargeOutcomes {

    private static final Pattern CHARGE_KEY = Pattern.compile("booking-([0-9a-f-]{36})-charge");

    private final BookingRepository bookings;
    private final PaymentSettlement settlement;

    WebhookSettlement(BookingRepository bookings, PaymentSettlement settlement) {
        this.bookings = bookings;
        this.settlement = settlement;
    }

    @Override
    public Applied apply(String idempotencyKey, PaymentProvider.Charge charge, BigDecimal amount, String currency) {
        Optional<Booking> found = bookingCharged(idempotencyKey);
        if (found.isEmpty()) {
            return Applied.UNKNOWN_PAYMENT;
        }
        Booking booking = found.get();
        boolean succeeded = charge.status() == PaymentProvider.Status.SUCCEEDED;
        boolean held = booking.status().equals(BookingStatus.HELD);
        boolean releasedUnpaid = succeeded && released(booking.status())
                && !booking.payment().status().equals(BookingStatus.REFUNDED);
        if (!held && !releasedUnpaid) {
            return Applied.UNCHANGED;
        }
        if (!currency.equals(booking.totalPrice().currency()) || amount.compareTo(booking.total()) != 0) {
            return Applied.AMOUNT_MISMATCH;
        }
        settlement.apply(booking.id(), charge, BookingStatus.PAYMENT_FAILED);
        Booking now = bookings.find(booking.id()).orElseThrow();
        if (now.status().equals(BookingStatus.CONFIRMED)) {
            return held ? Applied.CONFIRMED : Applied.UNCHANGED;
        }
        if (succeeded) {
            return now.payment().status().equals(BookingStatus.REFUNDED) ? Applied.REFUNDED
                    : Applied.REFUND_NOT_TAKEN;
        }
        return held && released(now.status()) ? Applied.RELEASED : Applied.UNCHANGED;
    }

    /** The booking charged under this key: only a booking's own charge key, spelt as Stay spells it. */
    private Optional<Booking> bookingCharged(String idempotencyKey) {
        Matcher key = CHARGE_KEY.matcher(idempotencyKey);
        if (!key.matches()) {
            return Optional.empty();
        }
        try {
            UUID id = UUID.fromString(key.group(1));
            return PaymentSettlement.chargeKey(id).equals(idempotencyKey) ? bookings.find(id) : Optional.empty();
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    private static boolean released(String status) {
        return status.equals(BookingStatus.EXPIRED) || status.equals(BookingStatus.PAYMENT_FAILED);
    }
}
