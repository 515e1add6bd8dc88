package dev.stay.catalog.search;

import java.util.Map;

/** Where filters hotels' and restaurants' searches share: a city (accents and case ignored), a circle. */
public final class PlaceFilters {

    private PlaceFilters() {}

    public static Map<String, Object> city(String city) {
        return Map.of("term", Map.of("city.folded", Folding.fold(city)));
    }

    public static Map<String, Object> within(double lat, double lon, double radiusKm) {
        return Map.of("geo_distance", Map.of("distance", radiusKm + "km", "location", Map.of("lat", lat, "lon", lon)));
    }
}
