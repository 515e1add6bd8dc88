package dev.stay.catalog.review;

import static dev.stay.catalog.db.Tables.PROPERTY;
import static dev.stay.catalog.db.Tables.REVIEW;

import dev.stay.codegen.catalog.types.CatalogErrorCode;
import dev.stay.codegen.catalog.types.ReplyToReviewInput;
import dev.stay.common.graphql.Ids;
import dev.stay.common.graphql.Validation;
import dev.stay.common.security.Viewer;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.UUID;
import org.jooq.DSLContext;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * {@code replyToReview}: the reviewed hotel's owner, holding the owner role (or an admin), answers once. The review's
 * row is locked, so of two replies sent at once one is stored and the other answers {@code ALREADY_REPLIED}.
 */
@Component
class ReplyingToReview {

    static final int REPLY_MAX = 2000;

    private final DSLContext db;

    ReplyingToReview(DSLContext db) {
        this.db = db;
    }

    @Transactional
    ReviewOutcome reply(Optional<Viewer> viewer, ReplyToReviewInput input) {
        if (viewer.isEmpty()) {
            return ReviewOutcome.refused(null, CatalogErrorCode.UNAUTHENTICATED, "sign in as the hotel's owner");
        }
        if (!viewer.get().mayOwnProperties()) {
            return ReviewOutcome.refused(null, CatalogErrorCode.FORBIDDEN, "only the hotel's owner replies");
        }
        Validation<CatalogErrorCode> rules = new Validation<CatalogErrorCode>().text("text", input.getText(), true,
                REPLY_MAX, CatalogErrorCode.REQUIRED, CatalogErrorCode.TOO_LONG, CatalogErrorCode.INVALID_CHARACTERS);
        if (!rules.ok()) {
            return ReviewOutcome.refused(rules.errors());
        }
        Optional<UUID> id = Ids.tryParse(input.getReviewId());
        var review = id.flatMap(reviewId -> db.select(REVIEW.REPLY, PROPERTY.OWNER_ID).from(REVIEW)
                .join(PROPERTY).on(PROPERTY.ID.eq(REVIEW.PROPERTY_ID))
                .where(REVIEW.ID.eq(reviewId)).forUpdate().of(REVIEW).fetchOptional());
        if (review.isEmpty()) {
            return ReviewOutcome.refused("reviewId", CatalogErrorCode.NOT_FOUND, "no such review");
        }
        if (!viewer.get().mayManageFor(review.get().value2())) {
            return ReviewOutcome.refused("reviewId", CatalogErrorCode.FORBIDDEN, "this review is of another hotel");
        }
        if (review.get().value1() != null) {
            return ReviewOutcome.refused("reviewId", CatalogErrorCode.ALREADY_REPLIED, "this review has its reply");
        }
        db.update(REVIEW)
                .set(REVIEW.REPLY, input.getText().strip())
                .set(REVIEW.REPLIED_AT, OffsetDateTime.now(ZoneOffset.UTC))
                .set(REVIEW.REPLIED_BY, viewer.get().id())
                .where(REVIEW.ID.eq(id.get()))
                .execute();
        return ReviewOutcome.done(id.get());
    }
}
