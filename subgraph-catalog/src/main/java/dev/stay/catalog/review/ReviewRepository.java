package dev.stay.catalog.review;

import static dev.stay.catalog.db.Tables.PROPERTY;
import static dev.stay.catalog.db.Tables.REVIEW;
import static org.jooq.impl.DSL.noCondition;
import static org.jooq.impl.DSL.row;

import dev.stay.catalog.db.enums.PropertyStatus;
import dev.stay.catalog.property.Hotel;
import dev.stay.codegen.catalog.types.ReviewSort;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Record;
import org.jooq.SortField;
import org.springframework.stereotype.Repository;

/**
 * Pages of visible reviews, each one statement keyset-paged on the sort's key and the id (one row more than asked
 * tells whether another page follows), served by the partial indexes of {@code V11__reviews.sql}.
 */
@Repository
class ReviewRepository {

    private final DSLContext db;

    ReviewRepository(DSLContext db) {
        this.db = db;
    }

    List<Review> ofHotel(UUID hotel, ReviewSort sort, ReviewCursor after, int first) {
        return db.select(REVIEW.fields()).from(REVIEW)
                .where(REVIEW.PROPERTY_ID.eq(hotel)).and(REVIEW.HIDDEN_AT.isNull()).and(after(sort, after))
                .orderBy(order(sort))
                .limit(first + 1)
                .fetch(ReviewRepository::toReview);
    }

    /** An author's visible reviews of hotels on show, newest first. */
    List<Review> ofAuthor(UUID author, ReviewCursor after, int first) {
        return db.select(REVIEW.fields()).from(REVIEW)
                .join(PROPERTY).on(PROPERTY.ID.eq(REVIEW.PROPERTY_ID))
                .where(REVIEW.AUTHOR_ID.eq(author)).and(REVIEW.HIDDEN_AT.isNull())
                .and(PROPERTY.STATUS.eq(PropertyStatus.PUBLISHED)).and(after(ReviewSort.NEWEST, after))
                .orderBy(order(ReviewSort.NEWEST))
                .limit(first + 1)
                .fetch(ReviewRepository::toReview);
    }

    /** A review, hidden or not: for the answer of the mutation that changed it. */
    Optional<Review> find(UUID id) {
        return db.select(REVIEW.fields()).from(REVIEW).where(REVIEW.ID.eq(id)).fetchOptional(ReviewRepository::toReview);
    }

    private static Condition after(ReviewSort sort, ReviewCursor after) {
        if (after == null) {
            return noCondition();
        }
        return switch (sort) {
            case NEWEST -> row(REVIEW.CREATED_AT, REVIEW.ID).lt(after.createdAt(), after.id());
            case HIGHEST -> row(REVIEW.OVERALL, REVIEW.CREATED_AT, REVIEW.ID)
                    .lt((short) after.overall(), after.createdAt(), after.id());
            case LOWEST -> row(REVIEW.OVERALL, REVIEW.CREATED_AT, REVIEW.ID)
                    .gt((short) after.overall(), after.createdAt(), after.id());
        };
    }

    private static List<SortField<?>> order(ReviewSort sort) {
        return switch (sort) {
            case NEWEST -> List.of(REVIEW.CREATED_AT.desc(), REVIEW.ID.desc());
            case HIGHEST -> List.of(REVIEW.OVERALL.desc(), REVIEW.CREATED_AT.desc(), REVIEW.ID.desc());
            case LOWEST -> List.of(REVIEW.OVERALL.asc(), REVIEW.CREATED_AT.asc(), REVIEW.ID.asc());
        };
    }

    private static Review toReview(Record r) {
        String reply = r.get(REVIEW.REPLY);
        return new Review(r.get(REVIEW.ID), r.get(REVIEW.PROPERTY_ID), new Hotel.UserRef(r.get(REVIEW.AUTHOR_ID)),
                r.get(REVIEW.OVERALL), r.get(REVIEW.CLEANLINESS), r.get(REVIEW.LOCATION), r.get(REVIEW.SERVICE),
                r.get(REVIEW.VALUE), r.get(REVIEW.TITLE), r.get(REVIEW.BODY), r.get(REVIEW.CREATED_AT),
                reply == null ? null : new Review.Reply(reply, r.get(REVIEW.REPLIED_AT)));
    }
}
