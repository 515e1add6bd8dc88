package dev.stay.catalog.search;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The OpenSearch request of a search, as JSON trees. Filters of where and what ({@link #where}) narrow the query;
 * the facet filters (stars, rating, price, amenities) go to {@code post_filter}, and each facet's aggregation is
 * filtered by every facet filter but its own, so it counts what choosing one of its values would give.
 */
final class SearchQuery {

    enum Facet { STARS, AMENITIES, RATING, PRICE }

    private SearchQuery() {}

    /** City, point and radius, box, currency and text. */
    static Map<String, Object> where(SearchCriteria criteria) {
        List<Object> filters = new ArrayList<>();
        if (criteria.city() != null) {
            filters.add(PlaceFilters.city(criteria.city()));
        }
        if (criteria.near() != null) {
            filters.add(PlaceFilters.within(criteria.near().lat(), criteria.near().lon(), criteria.radiusKm()));
        }
        if (criteria.box() != null) {
            SearchCriteria.Box box = criteria.box();
            filters.add(Map.of("geo_bounding_box", Map.of("location", Map.of(
                    "top_left", Map.of("lat", box.north(), "lon", box.west()),
                    "bottom_right", Map.of("lat", box.south(), "lon", box.east())))));
        }
        if (criteria.currency() != null) {
            filters.add(Map.of("term", Map.of("currency", criteria.currency())));
        }
        Map<String, Object> bool = new LinkedHashMap<>();
        bool.put("filter", filters);
        if (criteria.text() != null) {
            bool.put("must", List.of(Map.of("multi_match", Map.of("query", criteria.text(),
                    "fields", List.of("name^3", "city^2", "description"), "operator", "and"))));
        }
        return Map.of("bool", bool);
    }

    /** Every facet filter of the criteria but {@code except}'s (null: all of them), with the price per night. */
    static Map<String, Object> facetFilters(SearchCriteria criteria, Facet except) {
        List<Object> filters = new ArrayList<>();
        if (except != Facet.STARS && !criteria.stars().isEmpty()) {
            filters.add(Map.of("terms", Map.of("stars", criteria.stars())));
        }
        if (except != Facet.AMENITIES) {
            criteria.amenities().forEach(amenity -> filters.add(Map.of("term", Map.of("amenities", amenity))));
        }
        if (except != Facet.RATING && criteria.minRating() != null) {
            filters.add(Map.of("range", Map.of("rating", Map.of("gte", criteria.minRating()))));
        }
        if (except != Facet.PRICE && (criteria.minPrice() != null || criteria.maxPrice() != null)) {
            Map<String, Object> range = new LinkedHashMap<>();
            if (criteria.minPrice() != null) range.put("gte", criteria.minPrice());
            if (criteria.maxPrice() != null) range.put("lte", criteria.maxPrice());
            filters.add(Map.of("range", Map.of("lowestPrice", range)));
        }
        return Map.of("bool", Map.of("filter", filters));
    }

    /** The sort, always ending with the id so that the keyset is unique. */
    static List<Object> sort(SearchCriteria criteria) {
        return SortOrders.thenId(switch (criteria.sort()) {
            case PRICE -> List.of(Map.of("lowestPrice", Map.of("order", "asc", "missing", "_last")));
            case DISTANCE -> List.of(SortOrders.nearestFirst(criteria.near().lat(), criteria.near().lon()));
            case RELEVANCE -> SortOrders.relevance(criteria.text() != null);
            case RATING -> SortOrders.bestRatedFirst();
        });
    }

    /** Facet aggregations, each under the other facets' filters. */
    static Map<String, Object> facets(SearchCriteria criteria) {
        List<Object> ratingRanges = SearchPage.RATING_BANDS.stream().map(from -> (Object) Map.of("from", from)).toList();
        return Map.of(
                "stars", facet(criteria, Facet.STARS, Map.of("terms", Map.of("field", "stars", "size", 5))),
                "amenities", facet(criteria, Facet.AMENITIES, Map.of("terms", Map.of("field", "amenities", "size", 50))),
                "rating", facet(criteria, Facet.RATING, Map.of("range", Map.of("field", "rating", "ranges", ratingRanges))),
                "price", facet(criteria, Facet.PRICE, Map.of("histogram", Map.of("field", "lowestPrice",
                        "interval", SearchPage.PRICE_BAND, "min_doc_count", 1))));
    }

    private static Map<String, Object> facet(SearchCriteria criteria, Facet facet, Map<String, Object> aggregation) {
        return Map.of("filter", facetFilters(criteria, facet), "aggs", Map.of("values", aggregation));
    }
}
