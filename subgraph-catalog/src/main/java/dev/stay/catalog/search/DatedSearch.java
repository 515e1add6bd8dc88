package dev.stay.catalog.search;

import dev.stay.catalog.availability.BookableStays;
import dev.stay.catalog.availability.LowestTotal;
import dev.stay.common.money.Currencies;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.function.Predicate;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;

/**
 * A dated search: OpenSearch gives the hotels matching where and what, in the search's order (the first
 * {@code stay.search.dated-candidates}); the availability projection keeps those bookable for the stay, each with its
 * lowest total; the facet filters (price as the total per night) and the facets apply to what is left, and the page is
 * cut by keyset. PRICE sorts by the lowest total. One OpenSearch request and one projection query a page.
 */
@Component
class DatedSearch {

    private final SearchEngine engine;
    private final SearchProperties settings;
    private final BookableStays stays;
    private final JsonMapper json;

    DatedSearch(SearchEngine engine, SearchProperties settings, BookableStays stays, JsonMapper json) {
        this.engine = engine;
        this.settings = settings;
        this.stays = stays;
        this.json = json;
    }

    private record Candidate(IndexedProperty hotel, ArrayNode sortValues, LowestTotal total, double perNight) {}

    SearchPage search(SearchCriteria criteria, int first, ArrayNode after, String fingerprint) {
        JsonNode answer = engine.search(settings.alias(), PageRequest.candidates(settings.datedCandidates(),
                SearchQuery.where(criteria), SearchQuery.sort(criteria), HotelSearch.SOURCE));
        if (answer == null) {
            return new SearchPage(List.of(), false, 0, Facets.none());
        }
        Map<UUID, JsonNode> hits = new LinkedHashMap<>();
        for (JsonNode hit : answer.path("hits").path("hits")) {
            hits.put(UUID.fromString(hit.path("_id").asString()), hit);
        }
        Map<UUID, LowestTotal> totals = hits.isEmpty() ? Map.of() : stays.lowestTotals(hits.keySet(), criteria.stay());
        long nights = ChronoUnit.DAYS.between(criteria.stay().checkIn(), criteria.stay().checkOut());
        List<Candidate> bookable = new ArrayList<>();
        hits.forEach((id, hit) -> {
            LowestTotal total = totals.get(id);
            if (total != null) {
                IndexedProperty hotel = json.treeToValue(hit.path("_source"), IndexedProperty.class);
                double perNight = total.total().divide(BigDecimal.valueOf(nights), 2, RoundingMode.HALF_UP).doubleValue();
                ArrayNode sortValues = criteria.sort() == SearchCriteria.Sort.PRICE
                        ? json.createArrayNode().add(total.total().doubleValue()).add(id.toString())
                        : (ArrayNode) hit.path("sort");
                bookable.add(new Candidate(hotel, sortValues, total, perNight));
            }
        });
        SearchPage.Facets facets = facets(criteria, bookable);
        List<Candidate> matching = bookable.stream().filter(matches(criteria, null)).toList();
        if (criteria.sort() == SearchCriteria.Sort.PRICE) {
            matching = matching.stream().sorted(Comparator.comparing((Candidate c) -> c.total().total())
                    .thenComparing(c -> c.hotel().id().toString())).toList();
        }
        List<Candidate> rest = matching;
        if (after != null) {
            List<Boolean> descending = descending(criteria);
            rest = matching.stream().filter(c -> Keyset.compare(c.sortValues(), after, descending) > 0).toList();
        }
        List<SearchPage.Result> results = rest.stream().limit(first).map(c -> new SearchPage.Result(c.hotel().id(),
                SearchCursor.encode(json, fingerprint, c.sortValues()), HotelSearch.distanceKm(criteria, c.hotel()),
                money(c.total()), c.hotel().rating(),
                c.hotel().reviewCount())).toList();
        return new SearchPage(results, rest.size() > first, matching.size(), facets);
    }

    /** In the currency's own decimals (KWD 3, JPY 0), as booking writes prices. */
    private static SearchPage.Money money(LowestTotal total) {
        int digits = Currencies.digits(total.currency()).orElse(2);
        return new SearchPage.Money(total.total().setScale(digits, RoundingMode.HALF_UP).toPlainString(),
                total.currency());
    }

    private static List<Boolean> descending(SearchCriteria criteria) {
        if (criteria.sort() == SearchCriteria.Sort.PRICE) {
            return List.of(false, false);
        }
        return SortOrders.descending(SearchQuery.sort(criteria));
    }

    private static Predicate<Candidate> matches(SearchCriteria criteria, SearchQuery.Facet except) {
        return c -> (except == SearchQuery.Facet.STARS || criteria.stars().isEmpty()
                        || criteria.stars().contains(c.hotel().stars()))
                && (except == SearchQuery.Facet.AMENITIES || c.hotel().amenities().containsAll(criteria.amenities()))
                && (except == SearchQuery.Facet.RATING || criteria.minRating() == null
                        || c.hotel().rating() != null && c.hotel().rating() >= criteria.minRating())
                && (except == SearchQuery.Facet.PRICE || (criteria.minPrice() == null || c.perNight() >= criteria.minPrice())
                        && (criteria.maxPrice() == null || c.perNight() <= criteria.maxPrice()));
    }

    private static SearchPage.Facets facets(SearchCriteria criteria, List<Candidate> bookable) {
        TreeMap<Integer, Integer> stars = new TreeMap<>();
        bookable.stream().filter(matches(criteria, SearchQuery.Facet.STARS))
                .forEach(c -> stars.merge(c.hotel().stars(), 1, Integer::sum));
        TreeMap<String, Integer> amenities = new TreeMap<>();
        bookable.stream().filter(matches(criteria, SearchQuery.Facet.AMENITIES))
                .forEach(c -> c.hotel().amenities().forEach(a -> amenities.merge(a, 1, Integer::sum)));
        List<Candidate> forRating = bookable.stream().filter(matches(criteria, SearchQuery.Facet.RATING)).toList();
        TreeMap<Double, Integer> prices = new TreeMap<>();
        bookable.stream().filter(matches(criteria, SearchQuery.Facet.PRICE)).forEach(c -> prices.merge(
                Math.floor(c.perNight() / SearchPage.PRICE_BAND) * SearchPage.PRICE_BAND, 1, Integer::sum));
        return new SearchPage.Facets(
                stars.entrySet().stream().map(e -> new SearchPage.StarsCount(e.getKey(), e.getValue())).toList(),
                amenities.entrySet().stream().sorted(Map.Entry.<String, Integer>comparingByValue().reversed())
                        .map(e -> new SearchPage.AmenityCount(e.getKey(), e.getValue())).toList(),
                SearchPage.RATING_BANDS.stream().map(band -> new SearchPage.RatingBandCount(band, (int) forRating.stream()
                        .filter(c -> c.hotel().rating() != null && c.hotel().rating() >= band).count())).toList(),
                prices.entrySet().stream().map(e -> new SearchPage.PriceBucket(e.getKey(),
                        e.getKey() + SearchPage.PRICE_BAND, e.getValue())).toList());
    }
}
