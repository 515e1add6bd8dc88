package dev.stay.bench;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * One of the searches the spec names, as the GraphQL input sent through the router and as the OpenSearch request the
 * catalog sends for it (subgraph-catalog's {@code search/SearchQuery}, {@code HotelSearch}, {@code DatedSearch}),
 * written out here so that the engine can be asked the same query on its own.
 */
enum SearchKind {

    /** A city, undated: the search this bench measured first. */
    CITY("city", List.of("RATING", "PRICE", "RELEVANCE")),
    /** A city with dates a month ahead for 2 guests: OpenSearch's part is the city query, then the availability projection. */
    CITY_DATES("city + dates", List.of("RATING", "PRICE", "RELEVANCE")),
    /** 10 km around a city's centre, 3 to 5 stars, rated 7 or more, with Wi-Fi. */
    NEAR("near + radius + filters", List.of("DISTANCE", "RATING", "PRICE")),
    /** A city's name typed without accents, as free text. */
    TEXT("free text", List.of("RELEVANCE", "RATING", "PRICE"));

    /** What the catalog's {@code stay.search.dated-candidates} defaults to: the matches a dated search checks. */
    static final int DATED_CANDIDATES = 2000;
    static final double RADIUS_KM = 10;
    static final List<Integer> STARS = List.of(3, 4, 5);
    static final double MIN_RATING = 7;
    static final List<String> AMENITIES = List.of("WIFI");
    private static final List<String> SOURCE = List.of("id", "location", "stars", "amenities", "rating", "reviewCount",
            "lowestPrice", "currency", "readAt");
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String QUERY = "query Search($input: HotelSearchInput!) { searchHotels(input: $input, "
            + "first: 20) { totalCount pageInfo { hasNextPage endCursor } edges { cursor rating node { id name stars } } "
            + "facets { stars { stars count } amenities { amenity count } ratingBands { minRating count } "
            + "priceHistogram { from count } } } }";

    private final String label;
    private final List<String> sorts;

    SearchKind(String label, List<String> sorts) {
        this.label = label;
        this.sorts = sorts;
    }

    String label() {
        return label;
    }

    List<String> sorts() {
        return sorts;
    }

    /** A city the index holds and its hotels' centre ({@code geo_centroid} of their locations). */
    record City(String name, double lat, double lon) {}

    /** One search of this kind: a city (its name, centre or folded name, as the kind uses it) with a sort. */
    record Search(City city, String sort) {}

    List<Search> searches(List<City> cities) {
        List<Search> searches = new ArrayList<>();
        for (City city : cities) {
            for (String sort : sorts) searches.add(new Search(city, sort));
        }
        return searches;
    }

    /** The GraphQL request sent through the router. */
    String graphQl(Search search) {
        Map<String, Object> input = new LinkedHashMap<>();
        switch (this) {
            case CITY -> input.put("city", search.city().name());
            case CITY_DATES -> {
                input.put("city", search.city().name());
                input.put("checkIn", checkIn().toString());
                input.put("checkOut", checkIn().plusDays(2).toString());
                input.put("guests", 2);
            }
            case NEAR -> {
                input.put("near", Map.of("lat", search.city().lat(), "lon", search.city().lon()));
                input.put("radiusKm", RADIUS_KM);
                input.put("stars", STARS);
                input.put("minRating", MIN_RATING);
                input.put("amenities", AMENITIES);
            }
            case TEXT -> input.put("text", fold(search.city().name()));
        }
        input.put("sort", search.sort());
        return write(Map.of("query", QUERY, "variables", Map.of("input", input)));
    }

    /**
     * The request the catalog sends OpenSearch for the search: a page of 21 with the total and the facets
     * ({@code HotelSearch}), or for a dated search the first {@value #DATED_CANDIDATES} matches in sort order, without
     * facets or total ({@code DatedSearch}; the projection then filters them in the catalog).
     */
    String openSearch(Search search) {
        Map<String, Object> body = new LinkedHashMap<>();
        if (this == CITY_DATES) {
            body.put("size", DATED_CANDIDATES);
            body.put("query", where(search));
            body.put("sort", sort(search));
            body.put("_source", SOURCE);
            return write(body);
        }
        body.put("size", 21);
        body.put("track_total_hits", true);
        body.put("query", where(search));
        body.put("post_filter", facetFilters(null));
        body.put("sort", sort(search));
        body.put("_source", SOURCE);
        body.put("aggs", Map.of(
                "stars", facet("stars", Map.of("terms", Map.of("field", "stars", "size", 5))),
                "amenities", facet("amenities", Map.of("terms", Map.of("field", "amenities", "size", 50))),
                "rating", facet("rating", Map.of("range", Map.of("field", "rating", "ranges",
                        List.of(Map.of("from", 6.0), Map.of("from", 7.0), Map.of("from", 8.0), Map.of("from", 9.0))))),
                "price", facet("price", Map.of("histogram", Map.of("field", "lowestPrice", "interval", 50.0,
                        "min_doc_count", 1)))));
        return write(body);
    }

    private Map<String, Object> where(Search search) {
        List<Object> filters = new ArrayList<>();
        Map<String, Object> bool = new LinkedHashMap<>();
        bool.put("filter", filters);
        switch (this) {
            case CITY, CITY_DATES -> filters.add(Map.of("term", Map.of("city.folded", fold(search.city().name()))));
            case NEAR -> filters.add(Map.of("geo_distance", Map.of("distance", RADIUS_KM + "km",
                    "location", Map.of("lat", search.city().lat(), "lon", search.city().lon()))));
            case TEXT -> bool.put("must", List.of(Map.of("multi_match", Map.of("query", fold(search.city().name()),
                    "fields", List.of("name^3", "city^2", "description"), "operator", "and"))));
        }
        return Map.of("bool", bool);
    }

    /** The facet filters but {@code except}'s: only the near search has any (stars, amenities, rating). */
    private Map<String, Object> facetFilters(String except) {
        List<Object> filters = new ArrayList<>();
        if (this == NEAR) {
            if (!"stars".equals(except)) filters.add(Map.of("terms", Map.of("stars", STARS)));
            if (!"amenities".equals(except)) AMENITIES.forEach(a -> filters.add(Map.of("term", Map.of("amenities", a))));
            if (!"rating".equals(except)) filters.add(Map.of("range", Map.of("rating", Map.of("gte", MIN_RATING))));
        }
        return Map.of("bool", Map.of("filter", filters));
    }

    private Map<String, Object> facet(String name, Map<String, Object> aggregation) {
        return Map.of("filter", facetFilters(name), "aggs", Map.of("values", aggregation));
    }

    private List<Object> sort(Search search) {
        List<Object> sort = new ArrayList<>();
        Map<String, Object> rating = Map.of("rating", Map.of("order", "desc", "missing", "_last"));
        Map<String, Object> reviews = Map.of("reviewCount", Map.of("order", "desc"));
        switch (search.sort()) {
            case "PRICE" -> sort.add(Map.of("lowestPrice", Map.of("order", "asc", "missing", "_last")));
            case "DISTANCE" -> sort.add(Map.of("_geo_distance", Map.of("location",
                    Map.of("lat", search.city().lat(), "lon", search.city().lon()), "order", "asc", "unit", "km")));
            case "RELEVANCE" -> {
                if (this == TEXT) {
                    sort.add(Map.of("_score", Map.of("order", "desc")));
                } else {
                    sort.add(rating);
                    sort.add(reviews);
                }
            }
            default -> {
                sort.add(rating);
                sort.add(reviews);
            }
        }
        sort.add(Map.of("id", Map.of("order", "asc")));
        return sort;
    }

    /** Every city the index holds, with the centre of its hotels, asked of OpenSearch at {@code searchUrl} ({@code _search}). */
    static List<City> cities(String searchUrl) {
        String body = "{\"size\":0,\"aggs\":{\"cities\":{\"terms\":{\"field\":\"city.keyword\",\"size\":1000},"
                + "\"aggs\":{\"centre\":{\"geo_centroid\":{\"field\":\"location\"}}}}}}";
        try (HttpClient http = HttpClient.newHttpClient()) {
            String answer = http.send(HttpRequest.newBuilder(URI.create(searchUrl))
                    .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                    HttpResponse.BodyHandlers.ofString()).body();
            List<City> cities = new ArrayList<>();
            for (JsonNode bucket : JSON.readTree(answer).path("aggregations").path("cities").path("buckets")) {
                JsonNode centre = bucket.path("centre").path("location");
                cities.add(new City(bucket.path("key").asText(), centre.path("lat").asDouble(), centre.path("lon").asDouble()));
            }
            if (cities.isEmpty()) throw new IllegalStateException("the search index holds no city: " + answer);
            return List.copyOf(cities);
        } catch (IOException | InterruptedException e) {
            throw new IllegalStateException("OpenSearch cannot be asked for the cities: " + e.getMessage(), e);
        }
    }

    /** The check-in of the dated searches: a month from today (UTC). */
    static LocalDate checkIn() {
        return LocalDate.now(ZoneOffset.UTC).plusMonths(1);
    }

    /** As the index's folding normalizer: lower case, accents removed. */
    static String fold(String text) {
        return java.text.Normalizer.normalize(text, java.text.Normalizer.Form.NFD).replaceAll("\\p{M}", "")
                .toLowerCase(Locale.ROOT);
    }

    private static String write(Object tree) {
        try {
            return JSON.writeValueAsString(tree);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
