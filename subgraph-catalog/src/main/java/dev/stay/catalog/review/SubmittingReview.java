package dev.stay.catalog.review;

import static dev.stay.catalog.db.Tables.REVIEW;
import static dev.stay.catalog.db.Tables.REVIEW_STAY;

import dev.stay.codegen.catalog.types.CatalogErrorCode;
import dev.stay.codegen.catalog.types.SubmitReviewInput;
import dev.stay.common.graphql.Ids;
import dev.stay.common.graphql.Validation;
import dev.stay.common.security.Viewer;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.UUID;
import org.jooq.DSLContext;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * {@code submitReview}: the guest of a completed stay (recorded by {@link ReviewableStays}) reviews it once, within
 * {@value ReviewRules#REVIEW_DAYS} days of check-out. Someone else's booking, a no-show, a stay not ended and an unknown id all
 * answer the same {@code NOT_REVIEWABLE}, so nobody learns of others' bookings. Text is stored as written (stripped):
 * markup is text, escaped by whoever renders it.
 */
@Component
class SubmittingReview {

    private final DSLContext db;
    private final Ratings ratings;
    private final Clock clock = Clock.systemUTC();

    SubmittingReview(DSLContext db, Ratings ratings) {
        this.db = db;
        this.ratings = ratings;
    }

    @Transactional
    ReviewOutcome submit(Optional<Viewer> viewer, SubmitReviewInput input) {
        if (viewer.isEmpty()) {
            return ReviewOutcome.refused(null, CatalogErrorCode.UNAUTHENTICATED, "sign in to review your stay");
        }
        Validation<CatalogErrorCode> rules = new Validation<>();
        ReviewRules.rating(rules, "overall", input.getOverall());
        ReviewRules.rating(rules, "cleanliness", input.getCleanliness());
        ReviewRules.rating(rules, "location", input.getLocation());
        ReviewRules.rating(rules, "service", input.getService());
        ReviewRules.rating(rules, "value", input.getValue());
        ReviewRules.titleAndText(rules, input.getTitle(), input.getText());
        if (!rules.ok()) {
            return ReviewOutcome.refused(rules.errors());
        }
        var stay = Ids.tryParse(input.getBookingId()).flatMap(id -> db.selectFrom(REVIEW_STAY)
                .where(REVIEW_STAY.BOOKING_ID.eq(id)).fetchOptional())
                .filter(s -> s.getGuestId().equals(viewer.get().id()) && s.getNoShowAt() == null);
        if (stay.isEmpty() || !ratings.lock(stay.get().getPropertyId())) {
            return ReviewOutcome.refused("bookingId", CatalogErrorCode.NOT_REVIEWABLE,
                    "no completed stay of yours has this booking id");
        }
        if (ReviewRules.periodOver(LocalDate.now(clock), stay.get().getCheckOut())) {
            return ReviewOutcome.refused("bookingId", CatalogErrorCode.REVIEW_PERIOD_OVER,
                    "a stay is reviewed within " + ReviewRules.REVIEW_DAYS + " days of check-out");
        }
        UUID id = UUID.randomUUID();
        int added = db.insertInto(REVIEW)
                .set(REVIEW.ID, id)
                .set(REVIEW.BOOKING_ID, stay.get().getBookingId())
                .set(REVIEW.PROPERTY_ID, stay.get().getPropertyId())
                .set(REVIEW.AUTHOR_ID, viewer.get().id())
                .set(REVIEW.OVERALL, (short) input.getOverall())
                .set(REVIEW.CLEANLINESS, (short) input.getCleanliness())
                .set(REVIEW.LOCATION, (short) input.getLocation())
                .set(REVIEW.SERVICE, (short) input.getService())
                .set(REVIEW.VALUE, (short) input.getValue())
                .set(REVIEW.TITLE, input.getTitle().strip())
                .set(REVIEW.BODY, input.getText().strip())
                .set(REVIEW.CREATED_AT, OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC))
                .onConflict(REVIEW.BOOKING_ID).doNothing()
                .execute();
        if (added == 0) {
            return ReviewOutcome.refused("bookingId", CatalogErrorCode.ALREADY_REVIEWED, "this stay is reviewed already");
        }
        ratings.recompute(stay.get().getPropertyId());
        return ReviewOutcome.done(id);
    }
}
