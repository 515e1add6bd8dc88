package dev.stay.catalog.search;

import dev.stay.catalog.availability.StayQuery;
import dev.stay.common.graphql.BadUserInput;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;

/**
 * A search as checked and normalised: texts stripped and spaces collapsed, lists sorted and without repeats, so two
 * inputs that ask the same have equal criteria (and one cache key). Built only through {@link #of}.
 */
record SearchCriteria(String city, Point near, Double radiusKm, Box box, String text, StayQuery stay,
                      List<Integer> stars, Double minRating, Double minPrice, Double maxPrice, String currency,
                      List<String> amenities, Sort sort) {

    enum Sort { PRICE, RATING, DISTANCE, RELEVANCE }

    record Point(double lat, double lon) {}

    record Box(double north, double west, double south, double east) {}

    static final double MAX_PRICE = 10_000_000;
    static final int MAX_NIGHTS = 30;
    static final int MAX_DAYS_AHEAD = 550;
    static final int MAX_ROOMS = 9;
    static final int MAX_GUESTS = 36;

    static SearchCriteria of(SearchInput in) {
        String city = SearchInputs.text("city", in.city(), SearchInputs.MAX_CITY);
        String text = SearchInputs.text("text", in.text(), SearchInputs.MAX_TEXT);
        Point near = in.near() == null ? null : point("near", in.near());
        Box box = in.boundingBox() == null ? null : box(in.boundingBox());
        SearchInputs.where(city, near != null, box != null, in.radiusKm());
        List<Integer> stars = in.stars() == null ? List.of() : in.stars().stream().distinct().sorted().toList();
        if (stars.stream().anyMatch(s -> s < 1 || s > 5)) {
            throw new BadUserInput("stars", "OUT_OF_RANGE", "stars are from 1 to 5");
        }
        SearchInputs.minRating(in.minRating());
        price("minPrice", in.minPrice());
        price("maxPrice", in.maxPrice());
        if (in.minPrice() != null && in.maxPrice() != null && in.minPrice() > in.maxPrice()) {
            throw new BadUserInput("maxPrice", "PRICE_RANGE_REVERSED", "maxPrice is below minPrice");
        }
        if (in.currency() != null && !in.currency().matches("[A-Z]{3}")) {
            throw new BadUserInput("currency", "INVALID_CURRENCY", "currency is an ISO 4217 code, e.g. EUR");
        }
        Sort sort = in.sort() == null ? Sort.RELEVANCE : Sort.valueOf(in.sort());
        SearchInputs.distanceNeedsPoint(sort == Sort.DISTANCE, near != null);
        List<String> amenities = in.amenities() == null ? List.of() : in.amenities().stream().distinct().sorted().toList();
        return new SearchCriteria(city, near, in.radiusKm(), box, text, stay(in), stars, in.minRating(),
                in.minPrice(), in.maxPrice(), in.currency(), amenities, sort);
    }

    private static StayQuery stay(SearchInput in) {
        int guests = in.guests() == null ? 2 : in.guests();
        int rooms = in.rooms() == null ? 1 : in.rooms();
        if (rooms < 1 || rooms > MAX_ROOMS) {
            throw new BadUserInput("rooms", "ROOMS_OUT_OF_RANGE", "rooms must be between 1 and " + MAX_ROOMS);
        }
        if (guests < rooms || guests > MAX_GUESTS) {
            throw new BadUserInput("guests", "GUESTS_OUT_OF_RANGE",
                    "guests must be at least one per room and at most " + MAX_GUESTS);
        }
        if (in.checkIn() == null && in.checkOut() == null) {
            return null;
        }
        if (in.checkIn() == null || in.checkOut() == null) {
            throw new BadUserInput(in.checkIn() == null ? "checkIn" : "checkOut", "DATES_INCOMPLETE",
                    "a dated search needs checkIn and checkOut");
        }
        LocalDate checkIn = in.checkIn();
        LocalDate checkOut = in.checkOut();
        // the earliest day anywhere: a stay may start today where the hotel is, wherever that is
        LocalDate today = LocalDate.now(ZoneOffset.ofHours(-12));
        if (!checkOut.isAfter(checkIn)) {
            throw new BadUserInput("checkOut", "CHECK_OUT_NOT_AFTER_CHECK_IN", "checkOut must be after checkIn");
        }
        if (checkIn.isBefore(today)) {
            throw new BadUserInput("checkIn", "CHECK_IN_IN_PAST", "checkIn is in the past");
        }
        if (ChronoUnit.DAYS.between(today, checkIn) > MAX_DAYS_AHEAD) {
            throw new BadUserInput("checkIn", "CHECK_IN_TOO_FAR", "checkIn is more than " + MAX_DAYS_AHEAD + " days ahead");
        }
        if (ChronoUnit.DAYS.between(checkIn, checkOut) > MAX_NIGHTS) {
            throw new BadUserInput("checkOut", "STAY_TOO_LONG", "a stay is at most " + MAX_NIGHTS + " nights");
        }
        return new StayQuery(checkIn, checkOut, guests, rooms);
    }

    private static Point point(String field, SearchInput.Point point) {
        SearchInputs.point(field, point.lat(), point.lon());
        return new Point(point.lat(), point.lon());
    }

    private static Box box(SearchInput.Box box) {
        Point topLeft = point("boundingBox.topLeft", box.topLeft());
        Point bottomRight = point("boundingBox.bottomRight", box.bottomRight());
        if (topLeft.lat() < bottomRight.lat()) {
            throw new BadUserInput("boundingBox", "OUT_OF_RANGE", "the top left corner must be north of the bottom right");
        }
        return new Box(topLeft.lat(), topLeft.lon(), bottomRight.lat(), bottomRight.lon());
    }

    private static void price(String field, Double price) {
        if (price != null && !(price >= 0 && price <= MAX_PRICE)) {
            throw new BadUserInput(field, "OUT_OF_RANGE", field + " is from 0 to " + (long) MAX_PRICE);
        }
    }
}
