package dev.stay.booking.reservation;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Currency;

/**
 * What cancelling a booking gives back, at an instant and by whom: the one function behind both
 * {@code Booking.cancellationQuote} and {@code cancelBooking}, so that what the guest is shown is what they get.
 * Before the free-cancellation deadline everything paid comes back; after it the penalty (a share of the booking's
 * total, rounded to the currency's decimals) is kept; a non-refundable rate gives nothing back. The hotel's owner or
 * an admin cancelling refunds in full whatever the policy: the guest did not choose to cancel.
 */
record CancellationRefund(BigDecimal refund, BigDecimal penalty, String currency, OffsetDateTime freeUntil,
                          int penaltyPercent, boolean refundable) {

    /**
     * @param total the booking's total, on which the penalty is counted
     * @param paid what the guest has paid and not been given back (charged minus refunded)
     * @param byGuest false when the hotel's owner or an admin cancels
     */
    static CancellationRefund at(Instant now, BigDecimal total, BigDecimal paid, String currency, boolean refundable,
                                 OffsetDateTime freeUntil, int penaltyPercent, boolean byGuest) {
        int digits = Math.max(Currency.getInstance(currency).getDefaultFractionDigits(), 0);
        BigDecimal kept;
        if (!byGuest || (refundable && now.isBefore(freeUntil.toInstant()))) {
            kept = BigDecimal.ZERO;
        } else if (!refundable) {
            kept = paid;
        } else {
            kept = total.multiply(BigDecimal.valueOf(penaltyPercent))
                    .divide(BigDecimal.valueOf(100), digits, RoundingMode.HALF_EVEN).min(paid);
        }
        return new CancellationRefund(paid.subtract(kept).setScale(digits, RoundingMode.HALF_EVEN),
                kept.setScale(digits, RoundingMode.HALF_EVEN), currency, refundable ? freeUntil : null,
                refundable ? penaltyPercent : 100, refundable);
    }
}
