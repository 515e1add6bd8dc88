package dev.stay.booking.catalogfeed;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.util.UUID;

/** What booking reads of the catalog's {@code catalog.unit-type-changed}; it ignores the rest. */
@JsonIgnoreProperties(ignoreUnknown = true)
record UnitTypeChanged(UUID unitTypeId, UUID propertyId, int maxAdults, int maxChildren, int defaultUnits,
                       boolean removed, int propertyVersion) {

    int maxGuests() {
        return maxAdults + maxChildren;
    }
}
