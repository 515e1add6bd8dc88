package dev.stay.booking.catalogfeed;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import dev.stay.common.events.MalformedEventException;
import java.time.LocalTime;
import java.util.UUID;

/**
 * What booking reads of the catalog's {@code property-changed}; it ignores the rest. Without its ids or its version
 * the event is malformed (dead-lettered at once, not retried).
 *
 * @param status {@code PUBLISHED} is sold; anything else ({@code DRAFT}, {@code SUSPENDED}...) is not
 */
@JsonIgnoreProperties(ignoreUnknown = true)
record PropertyChanged(UUID propertyId, UUID ownerId, String status, String timeZone, String currency,
                       LocalTime checkInTime, Integer version) {

    PropertyChanged {
        if (propertyId == null || ownerId == null || status == null || version == null) {
            throw new MalformedEventException("property-changed without propertyId, ownerId, status or version");
        }
    }
}
