package dev.stay.booking.reservation;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code stay.booking.stay-end.*}: how stays end. The completion job runs every
 * {@code stay.booking.stay-end.complete-interval} (ISO-8601, default PT10M).
 *
 * @param noShowDaysAfterCheckOut until how many days after the check-out day (the hotel's calendar) a no-show may
 *     still be marked
 * @param batchSize how many stays one transaction of the completion job completes
 */
@ConfigurationProperties("stay.booking.stay-end")
record StayEndProperties(
        @DefaultValue("7") int noShowDaysAfterCheckOut,
        @DefaultValue("100") int batchSize) {

    StayEndProperties {
        if (noShowDaysAfterCheckOut < 0 || noShowDaysAfterCheckOut > 365) {
            throw new IllegalArgumentException("stay.booking.stay-end.no-show-days-after-check-out must be 0 to 365");
        }
    }
}
