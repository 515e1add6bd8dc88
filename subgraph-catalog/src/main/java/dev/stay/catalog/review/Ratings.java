package dev.stay.catalog.review;

import static dev.stay.catalog.db.Tables.PROPERTY;
import static dev.stay.catalog.db.Tables.PROPERTY_RATING;
import static dev.stay.catalog.db.Tables.REVIEW;
import static org.jooq.impl.DSL.avg;
import static org.jooq.impl.DSL.count;
import static org.jooq.impl.DSL.round;

import dev.stay.catalog.events.CatalogEvents;
import dev.stay.catalog.events.PropertyRated;
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
 * A property's rating, kept in {@code property_rating} (which search filters and sorts on) and announced as
 * {@code property-rated}. It is recomputed from the visible reviews, not adjusted, so hiding a review takes exactly
 * that review out; the property's row is locked first, so two reviews of one hotel committing together cannot each
 * miss the other.
 */
@Component
class Ratings {

    private final DSLContext db;
    private final CatalogEvents events;

    Ratings(DSLContext db, CatalogEvents events) {
        this.db = db;
        this.events = events;
    }

    /**
     * Locks the property's row until the transaction ends; call before writing a review of it.
     *
     * @return false when the catalog has no such property
     */
    boolean lock(UUID propertyId) {
        return db.select(PROPERTY.ID).from(PROPERTY).where(PROPERTY.ID.eq(propertyId)).forNoKeyUpdate()
                .fetchOptional().isPresent();
    }

    /** Recomputes the rating of a property locked by {@link #lock}, stores it and announces it, in that transaction. */
    void recompute(UUID propertyId) {
        var visible = REVIEW.PROPERTY_ID.eq(propertyId).and(REVIEW.HIDDEN_AT.isNull());
        var row = db.select(count(), mean(REVIEW.OVERALL), mean(REVIEW.CLEANLINESS), mean(REVIEW.LOCATION),
                        mean(REVIEW.SERVICE), mean(REVIEW.VALUE))
                .from(REVIEW).where(visible).fetchSingle();
        Rating rating = row.value1() == 0 ? Rating.NONE
                : new Rating(row.value2(), row.value1(), row.value3(), row.value4(), row.value5(), row.value6());
        if (rating.count() == 0) {
            db.deleteFrom(PROPERTY_RATING).where(PROPERTY_RATING.PROPERTY_ID.eq(propertyId)).execute();
        } else {
            db.insertInto(PROPERTY_RATING)
                    .set(PROPERTY_RATING.PROPERTY_ID, propertyId)
                    .set(PROPERTY_RATING.AVERAGE, rating.average())
                    .set(PROPERTY_RATING.REVIEW_COUNT, rating.count())
                    .set(PROPERTY_RATING.CLEANLINESS, rating.cleanliness())
                    .set(PROPERTY_RATING.LOCATION, rating.location())
                    .set(PROPERTY_RATING.SERVICE, rating.service())
                    .set(PROPERTY_RATING.VALUE, rating.value())
                    .onConflict(PROPERTY_RATING.PROPERTY_ID).doUpdate()
                    .set(PROPERTY_RATING.AVERAGE, rating.average())
                    .set(PROPERTY_RATING.REVIEW_COUNT, rating.count())
                    .set(PROPERTY_RATING.CLEANLINESS, rating.cleanliness())
                    .set(PROPERTY_RATING.LOCATION, rating.location())
                    .set(PROPERTY_RATING.SERVICE, rating.service())
                    .set(PROPERTY_RATING.VALUE, rating.value())
                    .execute();
        }
        events.propertyRated(new PropertyRated(propertyId, rating.average(), rating.count(), rating.cleanliness(),
                rating.location(), rating.service(), rating.value(), Instant.now()));
    }

    /** The ratings of these properties, in one statement; those without reviews are absent. */
    Map<UUID, Rating> of(Collection<UUID> propertyIds) {
        return db.selectFrom(PROPERTY_RATING).where(PROPERTY_RATING.PROPERTY_ID.in(propertyIds)).fetch().stream()
                .collect(Collectors.toMap(r -> r.getPropertyId(), r -> new Rating(r.getAverage(), r.getReviewCount(),
                        r.getCleanliness(), r.getLocation(), r.getService(), r.getValue())));
    }

    private static Field<BigDecimal> mean(Field<Short> rating) {
        return round(avg(rating), 2);
    }
}
