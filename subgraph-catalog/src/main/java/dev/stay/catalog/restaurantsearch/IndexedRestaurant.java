package dev.stay.catalog.restaurantsearch;

import dev.stay.catalog.search.AliasedIndex;
import java.util.List;
import java.util.UUID;

/**
 * A published restaurant as the index holds it (mapping: {@code resources/search/restaurant-index.json}).
 *
 * @param cuisines     the Cuisine values, filtered and counted as they are
 * @param cuisineWords the same as words ("middle eastern"), for the free text
 * @param rating       the average of its visible reviews (restaurant_rating), 1 to 10; null before the first
 * @param readAt       when it was read from PostgreSQL (epoch milliseconds): its version in the index
 */
record IndexedRestaurant(UUID id, String name, String description, String city, String country, Location location,
                         List<String> cuisines, String cuisineWords, int priceRange, Double rating, int reviewCount,
                         String timeZone, long readAt) implements AliasedIndex.Document {

    record Location(double lat, double lon) {}
}
