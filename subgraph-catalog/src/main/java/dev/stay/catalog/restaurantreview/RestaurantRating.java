package dev.stay.catalog.restaurantreview;

import java.math.BigDecimal;

/** The schema's {@code RestaurantRating}: averages on the 1 to 10 scale over the visible reviews, null while none. */
record RestaurantRating(BigDecimal average, int count, BigDecimal food, BigDecimal service, BigDecimal ambience,
                        BigDecimal value) {

    static final RestaurantRating NONE = new RestaurantRating(null, 0, null, null, null, null);
}
