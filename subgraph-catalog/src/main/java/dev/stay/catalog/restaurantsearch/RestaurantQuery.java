package dev.stay.catalog.restaurantsearch;

import dev.stay.catalog.search.PlaceFilters;
import dev.stay.catalog.search.SortOrders;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The OpenSearch request of a restaurant search, as JSON trees. Where (city, point and radius) and what (free text)
 * narrow the query; the facet filters (cuisines, price range, rating) go to {@code post_filter}, and each facet is
 * counted under every facet filter but its own.
 */
final class RestaurantQuery {

    enum Facet { CUISINES, PRICE_RANGE, RATING }

    static final List<String> SOURCE = List.of("id", "city", "location", "cuisines", "priceRange", "rating",
            "reviewCount", "timeZone", "readAt");

    private RestaurantQuery() {}

    static Map<String, Object> where(RestaurantCriteria criteria) {
        List<Object> filters = new ArrayList<>();
        if (criteria.city() != null) {
            filters.add(PlaceFilters.city(criteria.city()));
        }
        if (criteria.near() != null) {
            filters.add(PlaceFilters.within(criteria.near().lat(), criteria.near().lon(), criteria.radiusKm()));
        }
        Map<String, Object> bool = new LinkedHashMap<>();
        bool.put("filter", filters);
        if (criteria.text() != null) {
            // every word somewhere: "italian lisboa" is an Italian restaurant in Lisbon
            bool.put("must", List.of(Map.of("multi_match", Map.of("query", criteria.text(), "type", "cross_fields",
                    "fields", List.of("name^3", "cuisineWords^2", "city^2", "description"), "operator", "and"))));
        }
        return Map.of("bool", bool);
    }

    /** Every facet filter but {@code except}'s (null: all of them). */
    static Map<String, Object> facetFilters(RestaurantCriteria criteria, Facet except) {
        List<Object> filters = new ArrayList<>();
        if (except != Facet.CUISINES && !criteria.cuisines().isEmpty()) {
            filters.add(Map.of("terms", Map.of("cuisines", criteria.cuisines())));
        }
        if (except != Facet.PRICE_RANGE && (criteria.minPriceRange() != null || criteria.maxPriceRange() != null)) {
            filters.add(Map.of("range", Map.of("priceRange", Map.of(
                    "gte", criteria.minPriceRange() == null ? 1 : criteria.minPriceRange(),
                    "lte", criteria.maxPriceRange() == null ? 4 : criteria.maxPriceRange()))));
        }
        if (except != Facet.RATING && criteria.minRating() != null) {
            filters.add(Map.of("range", Map.of("rating", Map.of("gte", criteria.minRating()))));
        }
        return Map.of("bool", Map.of("filter", filters));
    }

    /** The sort, always ending with the id so that the keyset is unique. */
    static List<Object> sort(RestaurantCriteria criteria) {
        return SortOrders.thenId(switch (criteria.sort()) {
            case DISTANCE -> List.of(SortOrders.nearestFirst(criteria.near().lat(), criteria.near().lon()));
            case PRICE_RANGE -> {
                List<Object> cheapestFirst = new ArrayList<>();
                cheapestFirst.add(Map.of("priceRange", Map.of("order", "asc")));
                cheapestFirst.addAll(SortOrders.bestRatedFirst());
                yield cheapestFirst;
            }
            case RELEVANCE -> SortOrders.relevance(criteria.text() != null);
            case RATING -> SortOrders.bestRatedFirst();
        });
    }

    static Map<String, Object> facets(RestaurantCriteria criteria) {
        return Map.of(
                "cuisines", Map.of("filter", facetFilters(criteria, Facet.CUISINES),
                        "aggs", Map.of("values", Map.of("terms", Map.of("field", "cuisines", "size", 50)))),
                "priceRanges", Map.of("filter", facetFilters(criteria, Facet.PRICE_RANGE),
                        "aggs", Map.of("values", Map.of("terms", Map.of("field", "priceRange", "size", 4)))));
    }
}
