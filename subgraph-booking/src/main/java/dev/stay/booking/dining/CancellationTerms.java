package dev.stay.booking.dining;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;

/**
 * What cancelling gives back: everything paid when the restaurant (its owner or an admin) cancels, or when the guest
 * does at least {@code depositRefundableHours} before the time; nothing after that.
 */
final class CancellationTerms {

    private CancellationTerms() {}

    static BigDecimal refund(BigDecimal paid, boolean byRestaurant, int refundableHours, Instant startsAt, Instant now) {
        if (byRestaurant) {
            return paid;
        }
        return now.isAfter(startsAt.minus(Duration.ofHours(refundableHours))) ? BigDecimal.ZERO : paid;
    }
}
