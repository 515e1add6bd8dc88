package dev.stay.catalog.availability;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import dev.stay.common.events.MalformedEventException;
import java.math.BigDecimal;
import java.util.UUID;

/**
 * What the projection reads of booking's {@code room-type-changed}: a room type's defaults for the nights without a
 * row of their own, its party size and whether it is sold. Without its ids or version it is malformed.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
record RoomTypeOnSale(UUID propertyId, UUID roomTypeId, int maxGuests, int defaultUnits, BigDecimal basePrice,
                      int minStay, Integer maxStay, boolean active, Long version) {

    RoomTypeOnSale {
        if (propertyId == null || roomTypeId == null || version == null) {
            throw new MalformedEventException("room-type-changed without propertyId, roomTypeId or version");
        }
    }
}
