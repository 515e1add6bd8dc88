package dev.stay.catalog.search;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The areas a search reads and a hotel is in, for {@link SearchCache}: the whole index ({@code all}), a city
 * (folded: accents and case ignored), and cells of one degree of latitude and longitude. A search by city depends on
 * its city; near a point or in a box, on the cells its area covers (on {@code all} past {@value #MAX_CELLS} cells);
 * otherwise on {@code all}. A hotel is in {@code all}, its city and its cell.
 */
public final class SearchAreas {

    static final int MAX_CELLS = 64;
    public static final String ALL = "all";

    private SearchAreas() {}

    static List<String> of(SearchCriteria criteria) {
        if (criteria.city() != null) {
            return List.of(city(criteria.city()));
        }
        SearchCriteria.Box box = criteria.box();
        if (box != null) {
            return cells(box.south(), box.west(), box.north(), box.east());
        }
        if (criteria.near() != null) {
            return around(criteria.near().lat(), criteria.near().lon(), criteria.radiusKm());
        }
        return List.of(ALL);
    }

    /** The cells of the box around a circle (or {@code all}, past {@value #MAX_CELLS} cells). */
    public static List<String> around(double lat, double lon, double radiusKm) {
        double latDegrees = radiusKm / 111.0;
        double lonDegrees = radiusKm / (111.0 * Math.max(0.01, Math.cos(Math.toRadians(lat))));
        return cells(Math.max(-90, lat - latDegrees), Math.max(-180, lon - lonDegrees),
                Math.min(90, lat + latDegrees), Math.min(180, lon + lonDegrees));
    }

    /** The areas a hotel indexed like this is in. */
    static Set<String> of(IndexedProperty hotel) {
        Set<String> areas = new LinkedHashSet<>();
        areas.add(ALL);
        areas.add(city(hotel.city()));
        areas.add(cell(hotel.location().lat(), hotel.location().lon()));
        return areas;
    }

    public static String city(String name) {
        return "city:" + Folding.fold(name);
    }

    private static List<String> cells(double south, double west, double north, double east) {
        int fromLat = (int) Math.floor(south);
        int toLat = (int) Math.floor(north);
        int fromLon = (int) Math.floor(west);
        int toLon = (int) Math.floor(east);
        long count = (long) (toLat - fromLat + 1) * (toLon - fromLon + 1);
        if (count > MAX_CELLS || count <= 0) {
            return List.of(ALL);
        }
        List<String> cells = new ArrayList<>();
        for (int lat = fromLat; lat <= toLat; lat++) {
            for (int lon = fromLon; lon <= toLon; lon++) {
                cells.add("cell:" + lat + ":" + lon);
            }
        }
        return cells;
    }

    public static String cell(double lat, double lon) {
        return String.format(Locale.ROOT, "cell:%d:%d", (int) Math.floor(lat), (int) Math.floor(lon));
    }
}
