package dev.stay.booking.dining;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code stay.dining.*}: table reservations' payment timings. The schedules are {@code stay.dining.sweep-interval},
 * {@code stay.dining.reconcile-interval} and {@code stay.dining.refund-retry-interval} (default PT30S, PT30S, PT1M).
 *
 * @param holdFor how long a table stays held while its deposit is settled
 * @param reconcileAfter how long a deposit stays unknown before the provider is asked again
 * @param batchSize how many reservations a sweep, a reconciliation or a refund retry settles at a time
 * @param refundAttempts how many times a refund is sent before the payment is REFUND_FAILED
 * @param refundBackoff the pause after the first refund not taken; it doubles after each one, up to refundBackoffMax
 */
@ConfigurationProperties("stay.dining")
record DiningProperties(
        @DefaultValue("10m") Duration holdFor,
        @DefaultValue("1m") Duration reconcileAfter,
        @DefaultValue("100") int batchSize,
        @DefaultValue("8") int refundAttempts,
        @DefaultValue("1m") Duration refundBackoff,
        @DefaultValue("6h") Duration refundBackoffMax) {

    DiningProperties {
        if (refundAttempts < 1) {
            throw new IllegalArgumentException("stay.dining.refund-attempts must be at least 1");
        }
    }
}
