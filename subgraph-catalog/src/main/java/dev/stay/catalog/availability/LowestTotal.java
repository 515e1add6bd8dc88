package dev.stay.catalog.availability;

import java.math.BigDecimal;
import java.util.UUID;

/**
 * The cheapest way to book a stay at a property: the total of its cheapest room type for every night and room, as
 * booking's {@code Hotel.availability} sums it (rounded to the currency's decimals), in the property's currency.
 */
public record LowestTotal(UUID propertyId, BigDecimal total, String currency) {}
