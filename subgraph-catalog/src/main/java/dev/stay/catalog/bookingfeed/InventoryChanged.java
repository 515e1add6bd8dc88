package dev.stay.catalog.bookingfeed;

import java.math.BigDecimal;
import java.util.Objects;
import java.util.UUID;

/** What the catalog reads of booking's {@code inventory-changed}: whose nights, and whether they got a price. */
record InventoryChanged(UUID propertyId, BigDecimal price, String currency) {

    InventoryChanged {
        Objects.requireNonNull(propertyId, "propertyId");
    }
}
