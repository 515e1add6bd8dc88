package dev.stay.catalog.restaurantreview;

import static dev.stay.catalog.db.Tables.RESTAURANT_REVIEW;
import static dev.stay.catalog.db.Tables.RESTAURANT_VISIT;

import dev.stay.catalog.review.ReviewRules;
import dev.stay.codegen.catalog.types.CatalogErrorCode;
import dev.stay.codegen.catalog.types.SubmitRestaurantReviewInput;
import dev.stay.common.graphql.FieldError;
import dev.stay.common.graphql.Ids;
import dev.stay.common.graphql.Validation;
import dev.stay.common.security.Viewer;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jooq.DSLContext;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * {@code submitRestaurantReview}: the guest of a completed visit (recorded by {@link ReviewableVisits}) reviews it
 * once, within {@value ReviewRules#REVIEW_DAYS} days of the reservation's date, by the rules of hotel reviews
 * ({@link ReviewRules}). Someone else's reservation, a no-show, a visit not completed and an unknown id all answer
 * the same {@code NOT_REVIEWABLE}, so nobody learns of others' reservations. Text is stored as written (stripped).
 */
@Component
class SubmittingRestaurantReview {

    /** What the mutation came to: the review written, or the broken rules (and nothing changed). */
    record Outcome(UUID reviewId, List<FieldError<CatalogErrorCode>> errors) {

        static Outcome refused(String field, CatalogErrorCode code, String message) {
            return new Outcome(null, List.of(FieldError.of(field, code, message)));
        }
    }

    private final DSLContext db;
    private final RestaurantRatings ratings;
    private final Clock clock = Clock.systemUTC();

    SubmittingRestaurantReview(DSLContext db, RestaurantRatings ratings) {
        this.db = db;
        this.ratings = ratings;
    }

    @Transactional
    Outcome submit(Optional<Viewer> viewer, SubmitRestaurantReviewInput input) {
        if (viewer.isEmpty()) {
            return Outcome.refused(null, CatalogErrorCode.UNAUTHENTICATED, "sign in to review your visit");
        }
        Validation<CatalogErrorCode> rules = new Validation<>();
        ReviewRules.rating(rules, "overall", input.getOverall());
        ReviewRules.rating(rules, "food", input.getFood());
        ReviewRules.rating(rules, "service", input.getService());
        ReviewRules.rating(rules, "ambience", input.getAmbience());
        ReviewRules.rating(rules, "value", input.getValue());
        ReviewRules.titleAndText(rules, input.getTitle(), input.getText());
        if (!rules.ok()) {
            return new Outcome(null, rules.errors());
        }
        var visit = Ids.tryParse(input.getReservationId()).flatMap(id -> db.selectFrom(RESTAURANT_VISIT)
                        .where(RESTAURANT_VISIT.RESERVATION_ID.eq(id)).fetchOptional())
                .filter(v -> v.getGuestId().equals(viewer.get().id()) && v.getNoShowAt() == null);
        if (visit.isEmpty() || !ratings.lock(visit.get().getRestaurantId())) {
            return Outcome.refused("reservationId", CatalogErrorCode.NOT_REVIEWABLE,
                    "no completed visit of yours has this reservation id");
        }
        if (ReviewRules.periodOver(LocalDate.now(clock), visit.get().getVisitDate())) {
            return Outcome.refused("reservationId", CatalogErrorCode.REVIEW_PERIOD_OVER,
                    "a visit is reviewed within " + ReviewRules.REVIEW_DAYS + " days of it");
        }
        UUID id = UUID.randomUUID();
        int added = db.insertInto(RESTAURANT_REVIEW)
                .set(RESTAURANT_REVIEW.ID, id)
                .set(RESTAURANT_REVIEW.RESERVATION_ID, visit.get().getReservationId())
                .set(RESTAURANT_REVIEW.RESTAURANT_ID, visit.get().getRestaurantId())
                .set(RESTAURANT_REVIEW.AUTHOR_ID, viewer.get().id())
                .set(RESTAURANT_REVIEW.OVERALL, (short) input.getOverall())
                .set(RESTAURANT_REVIEW.FOOD, (short) input.getFood())
                .set(RESTAURANT_REVIEW.SERVICE, (short) input.getService())
                .set(RESTAURANT_REVIEW.AMBIENCE, (short) input.getAmbience())
                .set(RESTAURANT_REVIEW.VALUE, (short) input.getValue())
                .set(RESTAURANT_REVIEW.TITLE, input.getTitle().strip())
                .set(RESTAURANT_REVIEW.BODY, input.getText().strip())
                .set(RESTAURANT_REVIEW.CREATED_AT, OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC))
                .onConflict(RESTAURANT_REVIEW.RESERVATION_ID).doNothing()
                .execute();
        if (added == 0) {
            return Outcome.refused("reservationId", CatalogErrorCode.ALREADY_REVIEWED, "this visit is reviewed already");
        }
        ratings.recompute(visit.get().getRestaurantId());
        return new Outcome(id, List.of());
    }
}
