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
 */
@ConfigurationProperties("stay.booking")
record BookingProperties(
        @DefaultValue("15m") Duration holdFor,
        @DefaultValue("1m") Duration reconcileAfter,
        @DefaultValue("48h") Duration idempotencyRetention,
        @DefaultValue("15s") Duration idempotencyWait,
        @DefaultValue("100") int batchSize) {

    BookingProperties {
        if (idempotencyRetention.compareTo(Duration.ofHours(24)) < 0) {
            throw new IllegalArgumentException("stay.booking.idempotency-retention must be at least 24 hours");
        }
    }
}
