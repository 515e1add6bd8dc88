package dev.stay.catalog.onboarding;

import dev.stay.codegen.catalog.types.CatalogErrorCode;
import dev.stay.common.graphql.FieldError;
import java.util.List;
import java.util.UUID;

/** What a change of a hotel came to: the hotel it changed, or the broken rules (and nothing changed). */
record Outcome(UUID hotelId, List<FieldError<CatalogErrorCode>> errors) {

    static Outcome done(UUID hotelId) {
        return new Outcome(hotelId, List.of());
    }

    static Outcome refused(List<FieldError<CatalogErrorCode>> errors) {
        return new Outcome(null, errors);
    }

    static Outcome refused(String field, CatalogErrorCode code, String message) {
        return refused(List.of(FieldError.of(field, code, message)));
    }

    boolean ok() {
        return errors.isEmpty();
    }
}
