package dev.stay.catalog.restaurantsearch;

import dev.stay.catalog.search.SearchAreas;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

/**
 * The cache areas of restaurant search: hotels' areas ({@link SearchAreas}: all, a city, one-degree cells) under a
 * {@code restaurants/} prefix of their own, so a restaurant's change or reservation outdates restaurant pages only.
 */
final class RestaurantAreas {

    private static final String PREFIX = "restaurants/";

    private RestaurantAreas() {}

    static List<String> of(RestaurantCriteria criteria) {
        if (criteria.city() != null) {
            return List.of(PREFIX + SearchAreas.city(criteria.city()));
        }
        List<String> areas = criteria.near() == null ? List.of(SearchAreas.ALL)
                : SearchAreas.around(criteria.near().lat(), criteria.near().lon(), criteria.radiusKm());
        return areas.stream().map(area -> PREFIX + area).toList();
    }

    /** Where a restaurant is: everywhere, its city, its cell. */
    static Set<String> of(String city, double lat, double lon) {
        return Set.copyOf(Stream.of(SearchAreas.ALL, SearchAreas.city(city), SearchAreas.cell(lat, lon))
                .map(area -> PREFIX + area).toList());
    }

    static Set<String> of(IndexedRestaurant restaurant) {
        return of(restaurant.city(), restaurant.location().lat(), restaurant.location().lon());
    }
}
