package dev.stay.catalog.events;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

/**
 * A restaurant's rating changed (a review submitted, or removed by a no-show); published on {@value #TOPIC} as
 * {@value #TYPE}, keyed by the restaurant id, so it follows the restaurant's {@code restaurant-changed} events in
 * order. Whole: the averages (1 to 10, two decimals) over its visible reviews and their count; the averages are null
 * when the count is 0. Its own type rather than {@code property-rated}'s: the aspects differ (food, ambience), and a
 * consumer of the restaurant topic needs no property vocabulary.
 */
public record RestaurantRated(UUID restaurantId, BigDecimal average, int count, BigDecimal food, BigDecimal service,
                              BigDecimal ambience, BigDecimal value, Instant occurredAt) {

    public static final String TOPIC = "catalog.restaurant";
    public static final String TYPE = "restaurant-rated";
}
