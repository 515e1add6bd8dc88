package dev.stay.booking.archive;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Creates the archive's monthly partitions ahead (this month and {@code stay.archive.months-ahead} more), so the
 * consumer seldom has to; it still creates any other month it needs (a cancelled stay far ahead) on demand. Safe
 * with several instances: the database function lines creators up on an advisory lock.
 */
@Component
class ArchivePartitions {

    private static final Logger log = LoggerFactory.getLogger(ArchivePartitions.class);

    private final Archive archive;
    private final ArchiveProperties settings;
    private final Clock clock = Clock.systemUTC();

    ArchivePartitions(Archive archive, ArchiveProperties settings) {
        this.archive = archive;
        this.settings = settings;
    }

    @Scheduled(initialDelay = 0, fixedDelayString = "${stay.archive.partition-interval:PT6H}")
    void createAhead() {
        LocalDate month = LocalDate.now(clock.withZone(ZoneOffset.UTC)).withDayOfMonth(1);
        for (int i = 0; i <= settings.monthsAhead(); i++) {
            archive.partitionFor(month.plusMonths(i));
        }
        log.debug("archive partitions ready up to {}", month.plusMonths(settings.monthsAhead()));
    }
}
