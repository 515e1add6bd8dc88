package dev.stay.catalog.restaurantreview;

import static dev.stay.catalog.db.Tables.RESTAURANT_REVIEW;
import static org.jooq.impl.DSL.lateral;
import static org.jooq.impl.DSL.noCondition;
import static org.jooq.impl.DSL.row;
import static org.jooq.impl.DSL.select;
import static org.jooq.impl.DSL.unnest;

import dev.stay.catalog.property.Hotel;
import dev.stay.catalog.review.ReviewCursor;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Record;
import org.jooq.Table;
import org.springframework.stereotype.Repository;

/**
 * Pages of visible restaurant reviews, newest first, keyset-paged on (time, id) with one row more than asked to tell
 * whether another page follows. The pages of many restaurants asked with the same {@code first} and {@code after} (a
 * page of restaurants, each with its first reviews) are one statement: a lateral join that probes
 * {@code restaurant_review_newest_idx} once per restaurant, so a restaurant with thousands of reviews costs no more.
 */
@Repository
class RestaurantReviewRepository {

    private final DSLContext db;

    RestaurantReviewRepository(DSLContext db) {
        this.db = db;
    }

    /** Up to {@code first + 1} reviews of each restaurant after {@code after}; every restaurant is in the answer. */
    Map<UUID, List<RestaurantReview>> pages(Collection<UUID> restaurants, ReviewCursor after, int first) {
        var r = RESTAURANT_REVIEW;
        Table<?> ids = unnest(restaurants.toArray(UUID[]::new)).as("k", "restaurant_id");
        Table<?> page = lateral(select(r.fields()).from(r)
                .where(r.RESTAURANT_ID.eq(ids.field("restaurant_id", UUID.class)))
                .and(r.HIDDEN_AT.isNull()).and(after(after))
                .orderBy(r.CREATED_AT.desc(), r.ID.desc())
                .limit(first + 1)
                .asTable("p"));
        Map<UUID, List<RestaurantReview>> answer = new HashMap<>();
        restaurants.forEach(id -> answer.put(id, new ArrayList<>()));
        db.select(page.fields()).from(ids).crossJoin(page)
                .orderBy(page.field(r.CREATED_AT).desc(), page.field(r.ID).desc())
                .fetch(record -> toReview(record, page))
                .forEach(review -> answer.get(review.restaurantId()).add(review));
        return answer;
    }

    /** A review, hidden or not: for the answer of the mutation that wrote it. */
    Optional<RestaurantReview> find(UUID id) {
        return db.selectFrom(RESTAURANT_REVIEW).where(RESTAURANT_REVIEW.ID.eq(id))
                .fetchOptional(record -> toReview(record, RESTAURANT_REVIEW));
    }

    private static Condition after(ReviewCursor after) {
        return after == null ? noCondition()
                : row(RESTAURANT_REVIEW.CREATED_AT, RESTAURANT_REVIEW.ID).lt(after.createdAt(), after.id());
    }

    private static RestaurantReview toReview(Record record, Table<?> from) {
        var r = RESTAURANT_REVIEW;
        return new RestaurantReview(record.get(from.field(r.ID)), record.get(from.field(r.RESTAURANT_ID)),
                new Hotel.UserRef(record.get(from.field(r.AUTHOR_ID))), record.get(from.field(r.OVERALL)),
                record.get(from.field(r.FOOD)), record.get(from.field(r.SERVICE)), record.get(from.field(r.AMBIENCE)),
                record.get(from.field(r.VALUE)), record.get(from.field(r.TITLE)), record.get(from.field(r.BODY)),
                record.get(from.field(r.CREATED_AT)));
    }
}
