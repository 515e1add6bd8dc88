package dev.stay.catalog.restaurant;

import dev.stay.codegen.catalog.types.CatalogErrorCode;
import dev.stay.common.graphql.FieldError;
import java.util.List;
import java.util.UUID;

/** What a change of a restaurant came to: the restaurant it changed, or the broken rules (and nothing changed). */
record RestaurantOutcome(UUID restaurantId, List<FieldError<CatalogErrorCode>> errors) {

    static RestaurantOutcome done(UUID restaurantId) {
        return new RestaurantOutcome(restaurantId, List.of());
    }

    static RestaurantOutcome refused(List<FieldError<CatalogErrorCode>> errors) {
        return new RestaurantOutcome(null, errors);
    }

    static RestaurantOutcome refused(String field, CatalogErrorCode code, String message) {
        return refused(List.of(FieldError.of(field, code, message)));
    }
}
