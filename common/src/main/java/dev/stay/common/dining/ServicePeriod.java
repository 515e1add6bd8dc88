package dev.stay.common.dining;

import java.time.LocalTime;

/**
 * A restaurant's opening hours on one ISO weekday (1 Monday to 7 Sunday); {@code closes <= opens} crosses midnight
 * into the next day.
 */
public record ServicePeriod(int weekday, LocalTime opens, LocalTime closes) {

    public ServicePeriod {
        if (weekday < 1 || weekday > 7) {
            throw new IllegalArgumentException("weekday " + weekday + " is not an ISO weekday (1 to 7)");
        }
    }

    public boolean crossesMidnight() {
        return !closes.isAfter(opens);
    }
}
