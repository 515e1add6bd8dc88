package dev.stay.booking.reservation;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Currency;

/**
 * What a no-show costs and gives back: the policy's share of the total ({@code noShowPenaltyPercent}, rounded to the
 * currency's decimals), never more than the guest paid; the rest of what was paid is refunded. So what was charged,
 * less what is refunded, is the fee: the money reconciles whatever was changed or refunded before.
 *
 * @param fee what the hotel keeps
 * @param refund what goes back to the guest
 */
record NoShowFee(BigDecimal fee, BigDecimal refund) {

    /**
     * @param total the booking's total, on which the share is counted
     * @param paid what the guest paid and was not given back (charged minus refunded)
     */
    static NoShowFee of(BigDecimal total, BigDecimal paid, String currency, int percent) {
        int digits = Math.max(Currency.getInstance(currency).getDefaultFractionDigits(), 0);
        BigDecimal share = total.multiply(BigDecimal.valueOf(percent))
                .divide(BigDecimal.valueOf(100), digits, RoundingMode.HALF_EVEN);
        BigDecimal kept = share.min(paid).max(BigDecimal.ZERO).setScale(digits, RoundingMode.HALF_EVEN);
        BigDecimal refund = paid.subtract(kept).max(BigDecimal.ZERO).setScale(digits, RoundingMode.HALF_EVEN);
        return new NoShowFee(kept, refund);
    }
}
