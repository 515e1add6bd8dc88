package dev.stay.catalog.availability;

import java.math.BigDecimal;
import java.util.UUID;

/** The lowest price of a whole stay at a property, in its currency. */
public record LowestTotal(UUID propertyId, BigDecimal total, String currency) {}
