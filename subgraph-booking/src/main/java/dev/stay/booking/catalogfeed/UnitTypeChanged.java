package dev.stay.booking.catalogfeed;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import dev.stay.common.events.MalformedEventException;
import java.util.UUID;

/**
 * What booking reads of the catalog's {@code unit-type-changed}; it ignores the rest. Without its ids or its
 * property's version the event is malformed (dead-lettered at once, not retried).
 */
@JsonIgnoreProperties(ignoreUnknown = true)
record UnitTypeChanged(UUID unitTypeId, UUID propertyId, int maxAdults, int maxChildren, int defaultUnits,
                       boolean removed, Integer propertyVersion) {

    UnitTypeChanged {
        if (unitTypeId == null || propertyId == null || propertyVersion == null) {
            throw new MalformedEventException("unit-type-changed without unitTypeId, propertyId or propertyVersion");
        }
    }

    int maxGuests() {
        return maxAdults + maxChildren;
    }
}
