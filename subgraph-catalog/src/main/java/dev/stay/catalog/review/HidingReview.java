package dev.stay.catalog.review;

import static dev.stay.catalog.db.Tables.REVIEW;

import dev.stay.codegen.catalog.types.CatalogErrorCode;
import dev.stay.common.graphql.Ids;
import dev.stay.common.security.Viewer;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.UUID;
import org.jooq.DSLContext;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * {@code hideReview}: an admin takes a review off the pages; it leaves the hotel's rating in the same transaction
 * (announced as {@code property-rated}). Hiding a hidden review changes nothing and announces nothing.
 */
@Component
class HidingReview {

    private final DSLContext db;
    private final Ratings ratings;

    HidingReview(DSLContext db, Ratings ratings) {
        this.db = db;
        this.ratings = ratings;
    }

    @Transactional
    ReviewOutcome hide(Optional<Viewer> viewer, String reviewId) {
        if (viewer.isEmpty()) {
            return ReviewOutcome.refused(null, CatalogErrorCode.UNAUTHENTICATED, "sign in as an admin");
        }
        if (!viewer.get().isAdmin()) {
            return ReviewOutcome.refused(null, CatalogErrorCode.FORBIDDEN, "only admins hide reviews");
        }
        Optional<UUID> id = Ids.tryParse(reviewId);
        Optional<UUID> property = id.flatMap(r -> db.select(REVIEW.PROPERTY_ID).from(REVIEW).where(REVIEW.ID.eq(r))
                .fetchOptional(REVIEW.PROPERTY_ID));
        if (property.isEmpty() || !ratings.lock(property.get())) {
            return ReviewOutcome.refused("id", CatalogErrorCode.NOT_FOUND, "no such review");
        }
        int hidden = db.update(REVIEW)
                .set(REVIEW.HIDDEN_AT, OffsetDateTime.now(ZoneOffset.UTC))
                .set(REVIEW.HIDDEN_BY, viewer.get().id())
                .where(REVIEW.ID.eq(id.get())).and(REVIEW.HIDDEN_AT.isNull())
                .execute();
        if (hidden == 1) {
            ratings.recompute(property.get());
        }
        return ReviewOutcome.done(id.get());
    }
}
