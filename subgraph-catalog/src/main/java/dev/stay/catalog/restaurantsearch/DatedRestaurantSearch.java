package dev.stay.catalog.restaurantsearch;

import dev.stay.catalog.search.Keyset;
import dev.stay.catalog.search.PageRequest;
import dev.stay.catalog.search.SearchCursor;
import dev.stay.catalog.search.SearchEngine;
import dev.stay.catalog.search.SortOrders;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.function.Predicate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;

/**
 * A dated restaurant search: OpenSearch gives the restaurants matching where and what, in the search's order, the
 * first {@code stay.restaurant-search.dated-candidates} of them only (a search past them is asked to narrow down:
 * its totalCount counts among them); {@link FreeStartTimes} keeps those with a table free for the party at a start
 * time within 30 minutes of the time asked; the facet filters and facets apply to what is left, and the page is cut by
 * keyset. One OpenSearch request and one read of the tables' day a page.
 */
@Component
class DatedRestaurantSearch {

    private static final Logger log = LoggerFactory.getLogger(DatedRestaurantSearch.class);

    private final SearchEngine engine;
    private final RestaurantSearchProperties settings;
    private final FreeStartTimes freeTimes;
    private final JsonMapper json;

    DatedRestaurantSearch(SearchEngine engine, RestaurantSearchProperties settings, FreeStartTimes freeTimes,
                          JsonMapper json) {
        this.engine = engine;
        this.settings = settings;
        this.freeTimes = freeTimes;
        this.json = json;
    }

    private record Open(IndexedRestaurant restaurant, ArrayNode sortValues, List<LocalTime> slots) {}

    RestaurantPage search(RestaurantCriteria criteria, int first, ArrayNode after, String fingerprint) {
        JsonNode answer = engine.search(settings.alias(), PageRequest.candidates(settings.datedCandidates(),
                RestaurantQuery.where(criteria), RestaurantQuery.sort(criteria), RestaurantQuery.SOURCE));
        if (answer == null) {
            return RestaurantPage.empty();
        }
        Map<UUID, JsonNode> hits = new LinkedHashMap<>();
        answer.path("hits").path("hits").forEach(hit -> hits.put(UUID.fromString(hit.path("_id").asString()), hit));
        if (hits.size() == settings.datedCandidates()) {
            log.info("dated restaurant search capped at its first {} candidates", settings.datedCandidates());
        }
        Map<UUID, List<LocalTime>> free = hits.isEmpty() ? Map.of() : freeTimes.around(hits.keySet(), criteria.visit());
        List<Open> open = new ArrayList<>();
        hits.forEach((id, hit) -> {
            List<LocalTime> slots = free.get(id);
            if (slots != null && !slots.isEmpty()) {
                open.add(new Open(json.treeToValue(hit.path("_source"), IndexedRestaurant.class),
                        (ArrayNode) hit.path("sort"), slots));
            }
        });
        List<Open> matching = open.stream().filter(matches(criteria, null)).toList();
        List<Boolean> descending = SortOrders.descending(RestaurantQuery.sort(criteria));
        List<Open> rest = after == null ? matching
                : matching.stream().filter(o -> Keyset.compare(o.sortValues(), after, descending) > 0).toList();
        List<RestaurantPage.Result> results = rest.stream().limit(first).map(o -> new RestaurantPage.Result(
                o.restaurant().id(), SearchCursor.encode(json, fingerprint, o.sortValues()),
                RestaurantSearch.distanceKm(criteria, o.restaurant()),
                o.slots().stream().map(FreeStartTimes::hhmm).toList(), o.restaurant().rating(),
                o.restaurant().reviewCount())).toList();
        return new RestaurantPage(results, rest.size() > first, matching.size(), facets(criteria, open));
    }

    private static Predicate<Open> matches(RestaurantCriteria criteria, RestaurantQuery.Facet except) {
        return o -> {
            IndexedRestaurant r = o.restaurant();
            boolean cuisines = except == RestaurantQuery.Facet.CUISINES || criteria.cuisines().isEmpty()
                    || r.cuisines().stream().anyMatch(criteria.cuisines()::contains);
            boolean price = except == RestaurantQuery.Facet.PRICE_RANGE
                    || (criteria.minPriceRange() == null || r.priceRange() >= criteria.minPriceRange())
                    && (criteria.maxPriceRange() == null || r.priceRange() <= criteria.maxPriceRange());
            boolean rating = except == RestaurantQuery.Facet.RATING || criteria.minRating() == null
                    || r.rating() != null && r.rating() >= criteria.minRating();
            return cuisines && price && rating;
        };
    }

    private static RestaurantPage.Facets facets(RestaurantCriteria criteria, List<Open> open) {
        TreeMap<String, Integer> cuisines = new TreeMap<>();
        open.stream().filter(matches(criteria, RestaurantQuery.Facet.CUISINES))
                .forEach(o -> o.restaurant().cuisines().forEach(c -> cuisines.merge(c, 1, Integer::sum)));
        TreeMap<Integer, Integer> prices = new TreeMap<>();
        open.stream().filter(matches(criteria, RestaurantQuery.Facet.PRICE_RANGE))
                .forEach(o -> prices.merge(o.restaurant().priceRange(), 1, Integer::sum));
        return new RestaurantPage.Facets(
                cuisines.entrySet().stream().sorted(Map.Entry.<String, Integer>comparingByValue().reversed())
                        .map(e -> new RestaurantPage.CuisineCount(e.getKey(), e.getValue())).toList(),
                prices.entrySet().stream().map(e -> new RestaurantPage.PriceRangeCount(e.getKey(), e.getValue())).toList());
    }
}
