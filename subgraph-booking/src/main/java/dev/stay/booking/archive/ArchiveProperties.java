package dev.stay.booking.archive;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code stay.archive.*}. The schedules themselves are {@code stay.archive.move-interval} (default PT5M) and
 * {@code stay.archive.partition-interval} (PT6H), ISO-8601 durations.
 *
 * @param keepLive how long an ended booking stays in the live tables after it ended (at least a day)
 * @param batchSize how many bookings one move transaction takes
 * @param monthsAhead how many months' partitions are created ahead of the current one
 */
@ConfigurationProperties("stay.archive")
record ArchiveProperties(
        @DefaultValue("30d") Duration keepLive,
        @DefaultValue("500") int batchSize,
        @DefaultValue("3") int monthsAhead) {

    ArchiveProperties {
        if (keepLive.compareTo(Duration.ofDays(1)) < 0) {
            throw new IllegalArgumentException("stay.archive.keep-live must be at least a day");
        }
        if (batchSize < 1 || batchSize > 10_000) {
            throw new IllegalArgumentException("stay.archive.batch-size must be from 1 to 10000");
        }
    }
}
