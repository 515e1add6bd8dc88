package dev.stay.catalog.review;

import java.math.BigDecimal;

/** The schema's {@code Rating}: averages on the 1 to 10 scale over the visible reviews, null while there are none. */
record Rating(BigDecimal average, int count, BigDecimal cleanliness, BigDecimal location, BigDecimal service,
              BigDecimal value) {

    static final Rating NONE = new Rating(null, 0, null, null, null, null);
}
