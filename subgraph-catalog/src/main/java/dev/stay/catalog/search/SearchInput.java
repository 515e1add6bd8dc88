package dev.stay.catalog.search;

import java.time.LocalDate;
import java.util.List;

/** {@code HotelSearchInput} as received, before {@link SearchCriteria#of} checks it. */
record SearchInput(String city, Point near, Double radiusKm, Box boundingBox, String text, LocalDate checkIn,
                   LocalDate checkOut, Integer guests, Integer rooms, List<Integer> stars, Double minRating,
                   Double minPrice, Double maxPrice, String currency, List<String> amenities, String sort) {

    record Point(Double lat, Double lon) {}

    record Box(Point topLeft, Point bottomRight) {}
}
