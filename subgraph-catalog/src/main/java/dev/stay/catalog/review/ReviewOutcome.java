package dev.stay.catalog.review;

import dev.stay.codegen.catalog.types.CatalogErrorCode;
import dev.stay.common.graphql.FieldError;
import java.util.List;
import java.util.UUID;

/** What a review mutation came to: the review it wrote or changed, or the broken rules (and nothing changed). */
record ReviewOutcome(UUID reviewId, List<FieldError<CatalogErrorCode>> errors) {

    static ReviewOutcome done(UUID reviewId) {
        return new ReviewOutcome(reviewId, List.of());
    }

    static ReviewOutcome refused(List<FieldError<CatalogErrorCode>> errors) {
        return new ReviewOutcome(null, errors);
    }

    static ReviewOutcome refused(String field, CatalogErrorCode code, String message) {
        return refused(List.of(FieldError.of(field, code, message)));
    }
}
