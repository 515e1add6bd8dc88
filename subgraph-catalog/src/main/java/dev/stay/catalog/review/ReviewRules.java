package dev.stay.catalog.review;

import dev.stay.codegen.catalog.types.CatalogErrorCode;
import dev.stay.common.graphql.Validation;
import java.time.LocalDate;

/**
 * The rules every review of Stay follows, of a stay or of a restaurant visit: aspects rated 1 to 10, a title and a
 * text within their lengths, and {@value #REVIEW_DAYS} days after the stay or visit to write it. Public so the
 * restaurants' reviews say it the same way.
 */
public final class ReviewRules {

    public static final int REVIEW_DAYS = 60;
    public static final int TITLE_MAX = 120;
    public static final int TEXT_MAX = 5000;

    private ReviewRules() {}

    /** OUT_OF_RANGE on {@code field} unless {@code value} is from 1 to 10. */
    public static void rating(Validation<CatalogErrorCode> rules, String field, Integer value) {
        rules.check(value == null || value < 1 || value > 10, field, CatalogErrorCode.OUT_OF_RANGE,
                field + " is rated from 1 to 10");
    }

    /** REQUIRED, TOO_LONG or INVALID_CHARACTERS on {@code title} and {@code text}. */
    public static void titleAndText(Validation<CatalogErrorCode> rules, String title, String text) {
        rules.text("title", title, true, TITLE_MAX, CatalogErrorCode.REQUIRED, CatalogErrorCode.TOO_LONG,
                CatalogErrorCode.INVALID_CHARACTERS);
        rules.text("text", text, true, TEXT_MAX, CatalogErrorCode.REQUIRED, CatalogErrorCode.TOO_LONG,
                CatalogErrorCode.INVALID_CHARACTERS);
    }

    /** Whether {@code today} is past the last day to review what ended (or took place) on {@code ended}. */
    public static boolean periodOver(LocalDate today, LocalDate ended) {
        return today.isAfter(ended.plusDays(REVIEW_DAYS));
    }
}
