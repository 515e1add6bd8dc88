package dev.stay.catalog.search;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;

/**
 * Searches, cache-aside ({@link SearchCache#aside}): a page is looked up in Redis under the normalised criteria, the
 * page size and the cursor; on a miss, an undated search is one OpenSearch request (hits after the cursor, total and facets), a dated one goes
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
        return cache.aside("", criteria, SearchQuery.sort(criteria).size(), first, after, SearchAreas.of(criteria),
                SearchPage.class, (afterValues, fingerprint) -> criteria.stay() == null
                        ? undated(criteria, first, afterValues, fingerprint)
                        : dated.search(criteria, first, afterValues, fingerprint));
    }

    private SearchPage undated(SearchCriteria criteria, int first, ArrayNode after, String fingerprint) {
        JsonNode answer = engine.search(settings.alias(), PageRequest.body(first, SearchQuery.where(criteria),
                SearchQuery.facetFilters(criteria, null), SearchQuery.sort(criteria), SOURCE,
                SearchQuery.facets(criteria), after));
        if (answer == null) {
            return new SearchPage(List.of(), false, 0, Facets.none()); // no index yet
        }
        JsonNode hits = answer.path("hits").path("hits");
        List<SearchPage.Result> results = new ArrayList<>();
        for (int i = 0; i < Math.min(first, hits.size()); i++) {
            JsonNode hit = hits.get(i);
            IndexedProperty hotel = json.treeToValue(hit.path("_source"), IndexedProperty.class);
            results.add(new SearchPage.Result(hotel.id(), SearchCursor.encode(json, fingerprint, hit.path("sort")),
                    distanceKm(criteria, hotel), null, hotel.rating(), hotel.reviewCount()));
        }
        return new SearchPage(results, hits.size() > first,
                answer.path("hits").path("total").path("value").asInt(), Facets.of(answer.path("aggregations")));
    }

    static Double distanceKm(SearchCriteria criteria, IndexedProperty hotel) {
        return criteria.near() == null ? null : Distances.km(criteria.near().lat(), criteria.near().lon(),
                hotel.location().lat(), hotel.location().lon());
    }

    /** Ids in the order of the page. */
    static List<UUID> ids(SearchPage page) {
        return page.results().stream().map(SearchPage.Result::id).toList();
    }
}
