package dev.stay.catalog.availability;

import java.math.BigDecimal;
import java.util.Collection;
import java.util.Map;
import java.util.UUID;
import org.springframework.stereotype.Component;

/**
 * What can be booked, from the availability projection fed by booking's events. This class is the projection's
 * interface as search uses it; until the projection lands it knows no nights, so no dated stay is bookable and no
 * property has a base price.
 */
@Component
public class BookableStays {

    /** The properties among these with rooms for every night of the stay, each with its lowest total. */
    public Map<UUID, LowestTotal> lowestTotals(Collection<UUID> propertyIds, StayQuery stay) {
        return Map.of();
    }

    /** The lowest base price of each of these properties (per night, its currency), where it has one. */
    public Map<UUID, BigDecimal> lowestBasePrices(Collection<UUID> propertyIds) {
        return Map.of();
    }
}
