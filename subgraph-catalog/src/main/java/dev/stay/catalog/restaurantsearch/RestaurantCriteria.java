package dev.stay.catalog.restaurantsearch;

import dev.stay.catalog.search.SearchInputs;
import dev.stay.common.graphql.BadUserInput;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.time.temporal.ChronoUnit;
import java.util.List;

/**
 * A restaurant search as checked and normalised (texts stripped, lists sorted without repeats), so two inputs that
 * ask the same have equal criteria and one cache key. Where, what and the free-text checks are hotels'
 * ({@link SearchInputs}); the visit (date, time, party) is restaurants' own. Built only through {@link #of}.
 */
record RestaurantCriteria(String city, Point near, Double radiusKm, String text, List<String> cuisines,
                          Integer minPriceRange, Integer maxPriceRange, Double minRating, Visit visit, Sort sort) {

    enum Sort { RATING, DISTANCE, PRICE_RANGE, RELEVANCE }

    record Point(double lat, double lon) {}

    /** A table for {@code partySize} on {@code date} around {@code time}, local to each restaurant. */
    record Visit(LocalDate date, LocalTime time, int partySize) {}

    static final int MAX_PARTY = 50;
    static final int MAX_DAYS_AHEAD = 180;
    /** Start times offered around the time asked, either side. */
    static final int WINDOW_MINUTES = 30;

    /** Strictly: "24:00" is no time of a day (a lenient parse makes it midnight). */
    private static final DateTimeFormatter HH_MM = DateTimeFormatter.ofPattern("HH:mm").withResolverStyle(ResolverStyle.STRICT);

    static RestaurantCriteria of(RestaurantSearchInput in) {
        String city = SearchInputs.text("city", in.city(), SearchInputs.MAX_CITY);
        String text = SearchInputs.text("text", in.text(), SearchInputs.MAX_TEXT);
        Point near = null;
        if (in.near() != null) {
            SearchInputs.point("near", in.near().lat(), in.near().lon());
            near = new Point(in.near().lat(), in.near().lon());
        }
        SearchInputs.where(city, near != null, false, in.radiusKm());
        priceRange("minPriceRange", in.minPriceRange());
        priceRange("maxPriceRange", in.maxPriceRange());
        if (in.minPriceRange() != null && in.maxPriceRange() != null && in.minPriceRange() > in.maxPriceRange()) {
            throw new BadUserInput("maxPriceRange", "PRICE_RANGE_REVERSED", "maxPriceRange is below minPriceRange");
        }
        SearchInputs.minRating(in.minRating());
        Sort sort = in.sort() == null ? Sort.RELEVANCE : Sort.valueOf(in.sort());
        SearchInputs.distanceNeedsPoint(sort == Sort.DISTANCE, near != null);
        List<String> cuisines = in.cuisines() == null ? List.of() : in.cuisines().stream().distinct().sorted().toList();
        return new RestaurantCriteria(city, near, in.radiusKm(), text, cuisines, in.minPriceRange(),
                in.maxPriceRange(), in.minRating(), visit(in), sort);
    }

    private static Visit visit(RestaurantSearchInput in) {
        if (in.date() == null && in.time() == null && in.partySize() == null) {
            return null;
        }
        if (in.date() == null || in.time() == null || in.partySize() == null) {
            String missing = in.date() == null ? "date" : in.time() == null ? "time" : "partySize";
            throw new BadUserInput(missing, "VISIT_INCOMPLETE", "a dated search needs date, time and partySize");
        }
        if (in.partySize() < 1 || in.partySize() > MAX_PARTY) {
            throw new BadUserInput("partySize", "OUT_OF_RANGE", "partySize is from 1 to " + MAX_PARTY);
        }
        LocalTime time;
        try {
            if (in.time().length() != 5) {
                throw new DateTimeParseException("not HH:MM", in.time(), 0);
            }
            time = LocalTime.parse(in.time(), HH_MM);
        } catch (DateTimeParseException e) {
            throw new BadUserInput("time", "INVALID_TIME", "time is a local time as HH:MM, e.g. 20:30");
        }
        // the earliest day anywhere: a visit may be today where the restaurant is, wherever that is
        LocalDate today = LocalDate.now(ZoneOffset.ofHours(-12));
        if (in.date().isBefore(today)) {
            throw new BadUserInput("date", "DATE_IN_PAST", "date is in the past");
        }
        if (ChronoUnit.DAYS.between(today, in.date()) > MAX_DAYS_AHEAD) {
            throw new BadUserInput("date", "DATE_TOO_FAR", "date is more than " + MAX_DAYS_AHEAD + " days ahead");
        }
        return new Visit(in.date(), time, in.partySize());
    }

    private static void priceRange(String field, Integer value) {
        if (value != null && (value < 1 || value > 4)) {
            throw new BadUserInput(field, "OUT_OF_RANGE", field + " is from 1 to 4");
        }
    }
}
