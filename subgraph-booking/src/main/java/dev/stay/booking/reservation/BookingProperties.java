package dev.stay.booking.reservation;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code stay.booking.*}. The schedules themselves are {@code stay.booking.sweep-interval} and
 * {@code stay.booking.reconcile-interval} (ISO-8601 durations, default PT30S).
 *
 * @param holdFor how long rooms stay held while a payment is settled
 * @param reconcileAfter how long a payment stays unknown before the provider is asked again: longer than the
 *     provider needs to finish a charge it was still working on
 * @param idempotencyRetention how long an idempotency key and its answer are kept (at least 24 hours)
 * @param idempotencyWait how long a replay waits for the first request with its key to answer
 * @param batchSize how many bookings a sweep or a reconciliation settles at a time
 * @param refundAttempts how many times a refund is sent before the booking's payment is REFUND_FAILED (then only an
 *     admin's {@code retryRefund} sends it again)
 * @param refundBackoff the pause after the first refund the provider did not take; it doubles after each one
 * @param refundBackoffMax the longest pause between two attempts
 */
@ConfigurationProperties("stay.booking")
record BookingProperties(
        @DefaultValue("15m") Duration holdFor,
        @DefaultValue("1m") Duration reconcileAfter,
        @DefaultValue("48h") Duration idempotencyRetention,
        @DefaultValue("15s") Duration idempotencyWait,
        @DefaultValue("100") int batchSize,
        @DefaultValue("8") int refundAttempts,
        @DefaultValue("1m") Duration refundBackoff,
        @DefaultValue("6h") Duration refundBackoffMax) {

    BookingProperties {
        if (refundAttempts < 1) {
            throw new IllegalArgumentException("stay.booking.refund-attempts must be at least 1");
        }
        if (idempotencyRetention.compareTo(Duration.ofHours(24)) < 0) {
            throw new IllegalArgumentException("stay.booking.idempotency-retention must be at least 24 hours");
        }
    }
}
