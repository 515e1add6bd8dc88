package dev.stay.catalog.search;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;

/**
 * Searches, cache-aside: a page is looked up in Redis under the normalised criteria, the page size and the cursor;
 * on a miss, an undated search is one OpenSearch request (hits after the cursor, total and facets), a dated one goes
 * through {@link DatedSearch}. OpenSearch unreachable: {@link SearchUnavailable}.
 */
@Component
class HotelSearch {

    static final List<String> SOURCE = List.of("id", "location", "stars", "amenities", "rating", "reviewCount",
            "lowestPrice", "currency", "readAt");

    private final SearchEngine engine;
    private final SearchProperties settings;
    private final SearchCache cache;
    private final DatedSearch dated;
    private final JsonMapper json;

    HotelSearch(SearchEngine engine, SearchProperties settings, SearchCache cache, DatedSearch dated, JsonMapper json) {
        this.engine = engine;
        this.settings = settings;
        this.cache = cache;
        this.dated = dated;
        this.json = json;
    }

    SearchPage search(SearchCriteria criteria, int first, String after) {
        String normalised = json.writeValueAsString(criteria);
        String fingerprint = sha256(normalised).substring(0, 16);
        ArrayNode afterValues = SearchCursor.decode(json, after, fingerprint, SearchQuery.sort(criteria).size());
        SearchCache.Lookup lookup = cache.lookup(sha256(normalised + "|" + first + "|" + after), SearchAreas.of(criteria));
        if (lookup.page() != null) {
            return lookup.page();
        }
        SearchPage page = criteria.stay() == null ? undated(criteria, first, afterValues, fingerprint)
                : dated.search(criteria, first, afterValues, fingerprint);
        cache.store(lookup, page);
        return page;
    }

    private SearchPage undated(SearchCriteria criteria, int first, ArrayNode after, String fingerprint) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("size", first + 1);
        body.put("track_total_hits", true);
        body.put("query", SearchQuery.where(criteria));
        body.put("post_filter", SearchQuery.facetFilters(criteria, null));
        body.put("sort", SearchQuery.sort(criteria));
        body.put("_source", SOURCE);
        body.put("aggs", SearchQuery.facets(criteria));
        if (after != null) {
            body.put("search_after", after);
        }
        SearchEngine.Answer answer = engine.call("POST", "/" + settings.alias() + "/_search", body);
        if (answer.status() == 404) {
            return new SearchPage(List.of(), false, 0, Facets.none()); // no index yet
        }
        if (!answer.ok()) {
            throw new IllegalStateException("search answered " + answer.status() + ": " + answer.body());
        }
        JsonNode hits = answer.body().path("hits").path("hits");
        List<SearchPage.Result> results = new ArrayList<>();
        for (int i = 0; i < Math.min(first, hits.size()); i++) {
            JsonNode hit = hits.get(i);
            IndexedProperty hotel = json.treeToValue(hit.path("_source"), IndexedProperty.class);
            results.add(new SearchPage.Result(hotel.id(), SearchCursor.encode(json, fingerprint, hit.path("sort")),
                    distanceKm(criteria, hotel), null, hotel.rating(), hotel.reviewCount()));
        }
        return new SearchPage(results, hits.size() > first,
                answer.body().path("hits").path("total").path("value").asInt(),
                Facets.of(answer.body().path("aggregations")));
    }

    static Double distanceKm(SearchCriteria criteria, IndexedProperty hotel) {
        if (criteria.near() == null) {
            return null;
        }
        double lat1 = Math.toRadians(criteria.near().lat());
        double lat2 = Math.toRadians(hotel.location().lat());
        double dLat = lat2 - lat1;
        double dLon = Math.toRadians(hotel.location().lon() - criteria.near().lon());
        double a = Math.pow(Math.sin(dLat / 2), 2) + Math.cos(lat1) * Math.cos(lat2) * Math.pow(Math.sin(dLon / 2), 2);
        double km = 6371.0088 * 2 * Math.asin(Math.min(1, Math.sqrt(a)));
        return Math.round(km * 100) / 100.0;
    }

    static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Ids in the order of the page. */
    static List<UUID> ids(SearchPage page) {
        return page.results().stream().map(SearchPage.Result::id).toList();
    }
}
