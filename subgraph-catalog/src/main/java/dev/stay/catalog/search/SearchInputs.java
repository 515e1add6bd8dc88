package dev.stay.catalog.search;

import dev.stay.common.graphql.BadUserInput;
import dev.stay.common.graphql.Texts;

/**
 * The checks hotels' and restaurants' search inputs share, each refusal a {@link BadUserInput} with the reason the
 * schema names, so both searches refuse the same input the same way.
 */
public final class SearchInputs {

    public static final double MIN_RADIUS_KM = 0.1;
    public static final double MAX_RADIUS_KM = 500;
    public static final int MAX_TEXT = 200;
    public static final int MAX_CITY = 100;

    private SearchInputs() {}

    /** A text stripped, its spaces collapsed; null when blank. */
    public static String text(String field, String value, int max) {
        if (value == null || value.isBlank()) {
            return null;
        }
        if (Texts.hasControlCharacters(value)) {
            throw new BadUserInput(field, "INVALID_CHARACTERS", field + " must not contain control characters");
        }
        String normalised = value.strip().replaceAll("\\s+", " ");
        if (normalised.length() > max) {
            throw new BadUserInput(field, "TOO_LONG", field + " has at most " + max + " characters");
        }
        return normalised;
    }

    /** Both coordinates given and on the globe. */
    public static void point(String field, Double lat, Double lon) {
        if (lat == null || lon == null || !(lat >= -90 && lat <= 90) || !(lon >= -180 && lon <= 180)) {
            throw new BadUserInput(field, "OUT_OF_RANGE", field + ": lat from -90 to 90, lon from -180 to 180");
        }
    }

    /** One place at most (a city, a point, a box), and a radius with a point and only with one. */
    public static void where(String city, boolean near, boolean box, Double radiusKm) {
        if (city != null && (near || box)) {
            throw new BadUserInput("city", "CITY_AND_POINT", "search by a city, or near a point, or in a box: one");
        }
        if (near && box) {
            throw new BadUserInput("boundingBox", "CITY_AND_POINT", "search near a point or in a box, not both");
        }
        if (near && radiusKm == null) {
            throw new BadUserInput("radiusKm", "POINT_WITHOUT_RADIUS", "near needs radiusKm");
        }
        if (!near && radiusKm != null) {
            throw new BadUserInput("radiusKm", "RADIUS_WITHOUT_POINT", "radiusKm needs near");
        }
        if (radiusKm != null && !(radiusKm >= MIN_RADIUS_KM && radiusKm <= MAX_RADIUS_KM)) {
            throw new BadUserInput("radiusKm", "OUT_OF_RANGE",
                    "radiusKm must be from " + MIN_RADIUS_KM + " to " + (int) MAX_RADIUS_KM);
        }
    }

    /** On the reviews' scale. */
    public static void minRating(Double minRating) {
        if (minRating != null && !(minRating >= 0 && minRating <= 10)) {
            throw new BadUserInput("minRating", "OUT_OF_RANGE", "minRating is from 0 to 10, the reviews' scale");
        }
    }

    /** DISTANCE orders from a point: none, no order. */
    public static void distanceNeedsPoint(boolean byDistance, boolean near) {
        if (byDistance && !near) {
            throw new BadUserInput("sort", "DISTANCE_WITHOUT_POINT", "sort by DISTANCE needs near");
        }
    }
}
