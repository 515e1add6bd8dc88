package dev.stay.catalog.search;

import java.util.List;
import java.util.UUID;

/**
 * A published hotel as the index holds it (mapping: {@code resources/search/property-index.json}).
 *
 * @param lowestPrice the lowest base price per night in {@code currency}; null while no night is priced
 * @param rating      the average of its reviews; null before the first
 * @param readAt      when it was read from PostgreSQL (epoch milliseconds): its version in the index, so a slower
 *                    writer with an older read never replaces a newer one
 */
record IndexedProperty(UUID id, String name, String description, String city, String country, Location location,
                       List<String> amenities, int stars, Double rating, int reviewCount, Double lowestPrice,
                       String currency, long readAt) implements AliasedIndex.Document {

    record Location(double lat, double lon) {}
}
