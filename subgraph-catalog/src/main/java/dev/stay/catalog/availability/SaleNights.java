package dev.stay.catalog.availability;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import dev.stay.common.events.MalformedEventException;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * What the projection reads of booking's {@code rooms-changed} and {@code inventory-changed}: the stored state of every
 * night the change touched, each with its version. An event published before booking carried them has none and
 * changes nothing here (the currency lock still reads it); one without its ids, or with a night missing its day or
 * version, is malformed: dead-lettered at once, not retried.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
record SaleNights(UUID propertyId, UUID roomTypeId, List<Night> sale) {

    SaleNights {
        if (propertyId == null || roomTypeId == null) {
            throw new MalformedEventException("sale nights without propertyId or roomTypeId");
        }
        sale = sale == null ? List.of() : List.copyOf(sale);
    }

    /** One night as booking stores it (null rooms, price, stay limits: the room type's). */
    @JsonIgnoreProperties(ignoreUnknown = true)
    record Night(LocalDate night, Integer rooms, int taken, BigDecimal price, boolean closed, Integer minStay,
                 Integer maxStay, boolean closedToArrival, boolean closedToDeparture, Long version) {

        Night {
            if (night == null || version == null) {
                throw new MalformedEventException("a sale night without its day or version");
            }
        }
    }
}
