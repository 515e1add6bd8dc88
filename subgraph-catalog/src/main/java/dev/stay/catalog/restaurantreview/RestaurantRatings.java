package dev.stay.catalog.restaurantreview;

import static dev.stay.catalog.db.Tables.RESTAURANT;
import static dev.stay.catalog.db.Tables.RESTAURANT_RATING;
import static dev.stay.catalog.db.Tables.RESTAURANT_REVIEW;
import static org.jooq.impl.DSL.avg;
import static org.jooq.impl.DSL.count;
import static org.jooq.impl.DSL.round;

import dev.stay.catalog.events.RestaurantRated;
import dev.stay.common.outbox.Outbox;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Collection;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.springframework.stereotype.Component;

/**
 * A restaurant's rating, kept in {@code restaurant_rating} (which search filters and sorts on, by its
 * {@code average} and {@code review_count}) and announced as {@code restaurant-rated}, as hotels' ratings are. It is
 * recomputed from the visible reviews, not adjusted, so a removed review takes exactly itself out; the restaurant's
 * row is locked first, so two reviews of one restaurant committing together cannot each miss the other.
 */
@Component
class RestaurantRatings {

    private final DSLContext db;
    private final Outbox outbox;

    RestaurantRatings(DSLContext db, Outbox outbox) {
        this.db = db;
        this.outbox = outbox;
    }

    /**
     * Locks the restaurant's row until the transaction ends; call before writing a review of it.
     *
     * @return false when the catalog has no such restaurant
     */
    boolean lock(UUID restaurantId) {
        return db.select(RESTAURANT.ID).from(RESTAURANT).where(RESTAURANT.ID.eq(restaurantId)).forNoKeyUpdate()
                .fetchOptional().isPresent();
    }

    /** Recomputes the rating of a restaurant locked by {@link #lock}, stores it and announces it, in that transaction. */
    void recompute(UUID restaurantId) {
        var r = RESTAURANT_REVIEW;
        var row = db.select(count(), mean(r.OVERALL), mean(r.FOOD), mean(r.SERVICE), mean(r.AMBIENCE), mean(r.VALUE))
                .from(r).where(r.RESTAURANT_ID.eq(restaurantId)).and(r.HIDDEN_AT.isNull()).fetchSingle();
        RestaurantRating rating = row.value1() == 0 ? RestaurantRating.NONE
                : new RestaurantRating(row.value2(), row.value1(), row.value3(), row.value4(), row.value5(),
                        row.value6());
        if (rating.count() == 0) {
            db.deleteFrom(RESTAURANT_RATING).where(RESTAURANT_RATING.RESTAURANT_ID.eq(restaurantId)).execute();
        } else {
            var stored = db.newRecord(RESTAURANT_RATING)
                    .setRestaurantId(restaurantId).setAverage(rating.average()).setReviewCount(rating.count())
                    .setFood(rating.food()).setService(rating.service()).setAmbience(rating.ambience())
                    .setValue(rating.value());
            db.insertInto(RESTAURANT_RATING).set(stored)
                    .onConflict(RESTAURANT_RATING.RESTAURANT_ID).doUpdate().set(stored)
                    .execute();
        }
        outbox.append(RestaurantRated.TOPIC, restaurantId.toString(), RestaurantRated.TYPE,
                new RestaurantRated(restaurantId, rating.average(), rating.count(), rating.food(), rating.service(),
                        rating.ambience(), rating.value(), Instant.now()));
    }

    /** The ratings of these restaurants, in one statement; those without reviews are absent. */
    Map<UUID, RestaurantRating> of(Collection<UUID> restaurantIds) {
        return db.selectFrom(RESTAURANT_RATING).where(RESTAURANT_RATING.RESTAURANT_ID.in(restaurantIds)).fetch()
                .stream().collect(Collectors.toMap(r -> r.getRestaurantId(), r -> new RestaurantRating(r.getAverage(),
                        r.getReviewCount(), r.getFood(), r.getService(), r.getAmbience(), r.getValue())));
    }

    private static Field<BigDecimal> mean(Field<Short> rating) {
        return round(avg(rating), 2);
    }
}
