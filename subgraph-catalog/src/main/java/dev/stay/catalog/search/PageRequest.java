package dev.stay.catalog.search;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.node.ArrayNode;

/**
 * The body of a search for one page, hotels' and restaurants' alike: one more hit than the page (so the answer says
 * whether a page follows), the total, the facets, and the hits after the cursor's sort values.
 */
public final class PageRequest {

    private PageRequest() {}

    /**
     * @param query      where and what
     * @param postFilter the facet filters: they narrow the hits, not the facets' own counts
     * @param after      the keyset to start after; null for the first page
     */
    public static Map<String, Object> body(int first, Object query, Object postFilter, List<Object> sort,
                                           List<String> source, Object aggs, ArrayNode after) {
        Map<String, Object> body = new LinkedHashMap<>(Map.of("size", first + 1, "track_total_hits", true,
                "query", query, "post_filter", postFilter, "sort", sort, "_source", source, "aggs", aggs));
        if (after != null) {
            body.put("search_after", after);
        }
        return body;
    }

    /**
     * The body of a dated search's candidates: the first {@code size} matches of where and what in the search's
     * order, whose availability is then checked (facet filters, facets and the page are cut from what is available).
     */
    public static Map<String, Object> candidates(int size, Object query, List<Object> sort, List<String> source) {
        return Map.of("size", size, "query", query, "sort", sort, "_source", source);
    }
}
