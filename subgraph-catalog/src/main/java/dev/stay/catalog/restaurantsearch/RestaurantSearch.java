package dev.stay.catalog.restaurantsearch;

import dev.stay.catalog.search.Distances;
import dev.stay.catalog.search.PageRequest;
import dev.stay.catalog.search.SearchCache;
import dev.stay.catalog.search.SearchCursor;
import dev.stay.catalog.search.SearchEngine;
import java.util.ArrayList;
import java.util.List;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;

/**
 * Restaurant searches, cache-aside in Redis as hotels' are ({@link SearchCache#aside}, under the restaurants' own
 * areas): an undated search is one OpenSearch request (hits after the cursor, total and facets); a dated one goes
 * through {@link DatedRestaurantSearch}. OpenSearch unreachable: SEARCH_UNAVAILABLE, as for hotels.
 */
@Component
class RestaurantSearch {

    static final String KIND = "restaurants|";

    private final SearchEngine engine;
    private final RestaurantSearchProperties settings;
    private final SearchCache cache;
    private final DatedRestaurantSearch dated;
    private final JsonMapper json;

    RestaurantSearch(SearchEngine engine, RestaurantSearchProperties settings, SearchCache cache,
                     DatedRestaurantSearch dated, JsonMapper json) {
        this.engine = engine;
        this.settings = settings;
        this.cache = cache;
        this.dated = dated;
        this.json = json;
    }

    RestaurantPage search(RestaurantCriteria criteria, int first, String after) {
        return cache.aside(KIND, criteria, RestaurantQuery.sort(criteria).size(), first, after,
                RestaurantAreas.of(criteria), RestaurantPage.class, (afterValues, fingerprint) -> criteria.visit() == null
                        ? undated(criteria, first, afterValues, fingerprint)
                        : dated.search(criteria, first, afterValues, fingerprint));
    }

    private RestaurantPage undated(RestaurantCriteria criteria, int first, ArrayNode after, String fingerprint) {
        JsonNode answer = engine.search(settings.alias(), PageRequest.body(first, RestaurantQuery.where(criteria),
                RestaurantQuery.facetFilters(criteria, null), RestaurantQuery.sort(criteria), RestaurantQuery.SOURCE,
                RestaurantQuery.facets(criteria), after));
        if (answer == null) {
            return RestaurantPage.empty(); // no index yet
        }
        JsonNode hits = answer.path("hits").path("hits");
        List<RestaurantPage.Result> results = new ArrayList<>();
        for (int i = 0; i < Math.min(first, hits.size()); i++) {
            JsonNode hit = hits.get(i);
            IndexedRestaurant restaurant = json.treeToValue(hit.path("_source"), IndexedRestaurant.class);
            results.add(new RestaurantPage.Result(restaurant.id(), SearchCursor.encode(json, fingerprint,
                    hit.path("sort")), distanceKm(criteria, restaurant), null, restaurant.rating(),
                    restaurant.reviewCount()));
        }
        return new RestaurantPage(results, hits.size() > first, answer.path("hits").path("total").path("value").asInt(),
                facets(answer.path("aggregations")));
    }

    static Double distanceKm(RestaurantCriteria criteria, IndexedRestaurant restaurant) {
        return criteria.near() == null ? null : Distances.km(criteria.near().lat(), criteria.near().lon(),
                restaurant.location().lat(), restaurant.location().lon());
    }

    private static RestaurantPage.Facets facets(JsonNode aggregations) {
        List<RestaurantPage.CuisineCount> cuisines = new ArrayList<>();
        for (JsonNode bucket : aggregations.path("cuisines").path("values").path("buckets")) {
            cuisines.add(new RestaurantPage.CuisineCount(bucket.path("key").asString(), bucket.path("doc_count").asInt()));
        }
        List<RestaurantPage.PriceRangeCount> prices = new ArrayList<>();
        for (JsonNode bucket : aggregations.path("priceRanges").path("values").path("buckets")) {
            prices.add(new RestaurantPage.PriceRangeCount(bucket.path("key").asInt(), bucket.path("doc_count").asInt()));
        }
        prices.sort((a, b) -> Integer.compare(a.priceRange(), b.priceRange()));
        return new RestaurantPage.Facets(cuisines, prices);
    }
}
