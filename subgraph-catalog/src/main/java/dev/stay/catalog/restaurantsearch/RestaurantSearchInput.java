package dev.stay.catalog.restaurantsearch;

import java.time.LocalDate;
import java.util.List;

/** {@code RestaurantSearchInput} as received, before {@link RestaurantCriteria#of} checks it. */
record RestaurantSearchInput(String city, Point near, Double radiusKm, String text, List<String> cuisines,
                             Integer minPriceRange, Integer maxPriceRange, Double minRating, LocalDate date,
                             String time, Integer partySize, String sort) {

    record Point(Double lat, Double lon) {}
}
