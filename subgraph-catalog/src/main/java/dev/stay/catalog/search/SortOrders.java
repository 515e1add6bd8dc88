package dev.stay.catalog.search;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The sort orders hotels' and restaurants' searches share, as OpenSearch sort clauses. Every sort ends with the id, so
 * the keyset of a page is unique; {@link #descending} tells {@link Keyset} which way each field goes.
 */
public final class SortOrders {

    private SortOrders() {}

    /** Nearest to the point first. */
    public static Map<String, Object> nearestFirst(double lat, double lon) {
        return Map.of("_geo_distance", Map.of("location", Map.of("lat", lat, "lon", lon), "order", "asc", "unit", "km"));
    }

    /** The best rated first, the unrated last; of two rated alike, the one with more reviews. */
    public static List<Object> bestRatedFirst() {
        return List.of(Map.of("rating", Map.of("order", "desc", "missing", "_last")),
                Map.of("reviewCount", Map.of("order", "desc")));
    }

    /** The best match of the text first; without text, the best rated first. */
    public static List<Object> relevance(boolean text) {
        return text ? List.of(Map.of("_score", Map.of("order", "desc"))) : bestRatedFirst();
    }

    /** These clauses, then the id. */
    public static List<Object> thenId(List<Object> clauses) {
        List<Object> sort = new ArrayList<>(clauses);
        sort.add(Map.of("id", Map.of("order", "asc")));
        return sort;
    }

    /** Which fields of a sort order from the highest down. */
    @SuppressWarnings("unchecked")
    public static List<Boolean> descending(List<Object> sort) {
        return sort.stream().map(field -> {
            Map<String, Object> options = (Map<String, Object>) ((Map<String, Object>) field).values().iterator().next();
            return "desc".equals(options.get("order"));
        }).toList();
    }
}
