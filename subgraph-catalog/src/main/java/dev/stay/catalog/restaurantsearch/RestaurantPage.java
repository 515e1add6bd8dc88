package dev.stay.catalog.restaurantsearch;

import java.util.List;
import java.util.UUID;

/** One page of a restaurant search as computed (and cached): ids with what the search adds to each, and facets. */
record RestaurantPage(List<Result> results, boolean hasNextPage, int totalCount, Facets facets) {

    /** @param slots the free start times (HH:MM) of a dated search; null when undated */
    record Result(UUID id, String cursor, Double distanceKm, List<String> slots, Double rating, int reviewCount) {}

    record Facets(List<CuisineCount> cuisines, List<PriceRangeCount> priceRanges) {

        static Facets none() {
            return new Facets(List.of(), List.of());
        }
    }

    record CuisineCount(String cuisine, int count) {}

    record PriceRangeCount(int priceRange, int count) {}

    static RestaurantPage empty() {
        return new RestaurantPage(List.of(), false, 0, Facets.none());
    }
}
