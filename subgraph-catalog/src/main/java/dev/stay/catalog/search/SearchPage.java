package dev.stay.catalog.search;

import java.util.List;
import java.util.UUID;

/** One page of a search as computed (and cached): the hotels' ids with what the search adds to each, and facets. */
record SearchPage(List<Result> results, boolean hasNextPage, int totalCount, Facets facets) {

    record Result(UUID id, String cursor, Double distanceKm, Money lowestTotal, Double rating, int reviewCount) {}

    record Money(String amount, String currency) {}

    record Facets(List<StarsCount> stars, List<AmenityCount> amenities, List<RatingBandCount> ratingBands,
                  List<PriceBucket> priceHistogram) {}

    record StarsCount(int stars, int count) {}

    record AmenityCount(String amenity, int count) {}

    record RatingBandCount(double minRating, int count) {}

    record PriceBucket(double from, double to, int count) {}

    static final List<Double> RATING_BANDS = List.of(6.0, 7.0, 8.0, 9.0);
    static final double PRICE_BAND = 50;
}
