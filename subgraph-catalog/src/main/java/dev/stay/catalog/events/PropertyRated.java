package dev.stay.catalog.events;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

/**
 * A property's rating changed (a review submitted or hidden); published on {@code catalog.property} as
 * {@code property-rated}, keyed by the property id. Whole: the averages (1 to 10, two decimals) over its visible
 * reviews and their count; the averages are null when the count is 0.
 */
public record PropertyRated(UUID propertyId, BigDecimal average, int count, BigDecimal cleanliness,
                            BigDecimal location, BigDecimal service, BigDecimal value, Instant occurredAt) {}
