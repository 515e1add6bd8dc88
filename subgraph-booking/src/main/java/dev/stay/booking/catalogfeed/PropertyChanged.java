package dev.stay.booking.catalogfeed;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.time.LocalTime;
import java.util.UUID;

/** What booking reads of the catalog's {@code catalog.property-changed}; it ignores the rest. */
@JsonIgnoreProperties(ignoreUnknown = true)
record PropertyChanged(UUID propertyId, UUID ownerId, String timeZone, String currency, LocalTime checkInTime,
                       int version) {}
