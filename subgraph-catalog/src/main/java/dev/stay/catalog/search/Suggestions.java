package dev.stay.catalog.search;

import dev.stay.catalog.property.Hotel;
import dev.stay.catalog.property.Hotels;
import dev.stay.common.graphql.BadUserInput;
import dev.stay.common.graphql.Texts;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;

/**
 * Destinations whose words start like the prefix, accents and case ignored (edge n-grams of the folded names and
 * cities), from hotels' and restaurants' indices in one OpenSearch request: the cities with the most hotels and
 * restaurants first (each city once, whichever index names it), then hotels, then restaurants.
 */
@Component
class Suggestions {

    static final int MIN_PREFIX = 2;
    static final int MAX_PREFIX = 100;
    static final int CITIES = 4;
    static final int HOTELS = 3;
    static final int RESTAURANTS = 3;

    private final SearchEngine engine;
    private final SearchProperties settings;
    private final Hotels hotels;
    private final SuggestedRestaurants restaurants;

    Suggestions(SearchEngine engine, SearchProperties settings, Hotels hotels, SuggestedRestaurants restaurants) {
        this.engine = engine;
        this.settings = settings;
        this.hotels = hotels;
        this.restaurants = restaurants;
    }

    List<Destination> suggest(String prefix) {
        if (Texts.hasControlCharacters(prefix)) {
            throw new BadUserInput("prefix", "INVALID_CHARACTERS", "prefix must not contain control characters");
        }
        String text = prefix.strip().replaceAll("\\s+", " ");
        if (text.length() < MIN_PREFIX || text.length() > MAX_PREFIX) {
            throw new BadUserInput("prefix", "OUT_OF_RANGE",
                    "prefix has from " + MIN_PREFIX + " to " + MAX_PREFIX + " characters");
        }
        Map<String, Object> cityMatch = Map.of("match", Map.of("city.prefix", Map.of("query", text, "operator", "and")));
        Map<String, Object> nameMatch = Map.of("match", Map.of("name.prefix", Map.of("query", text, "operator", "and")));
        // the cities' aggregation sees every document of both indices; the names are matched per index
        Map<String, Object> request = Map.of("size", 0, "query", Map.of("match_all", Map.of()), "aggs", Map.of(
                "cities", Map.of("filter", cityMatch, "aggs", Map.of("names", Map.of(
                        "terms", Map.of("field", "city.keyword", "size", CITIES),
                        "aggs", Map.of("country", Map.of("terms", Map.of("field", "country", "size", 1)))))),
                "hotels", named(nameMatch, settings.alias(), HOTELS),
                "restaurants", named(nameMatch, restaurants.alias(), RESTAURANTS)));
        SearchEngine.Answer answer = engine.call("POST", "/" + settings.alias() + "," + restaurants.alias()
                + "/_search?ignore_unavailable=true&allow_no_indices=true", request);
        if (answer.status() == 404) {
            return List.of();
        }
        if (!answer.ok()) {
            throw new IllegalStateException("suggest answered " + answer.status());
        }
        JsonNode aggregations = answer.body().path("aggregations");
        List<Destination> found = new ArrayList<>();
        for (JsonNode city : aggregations.path("cities").path("names").path("buckets")) {
            String country = city.path("country").path("buckets").path(0).path("key").asString("");
            found.add(new Destination("CITY", city.path("key").asString(), city.path("key").asString(), country,
                    null, null));
        }
        Map<UUID, Hotel> pages = hotels.find(ids(aggregations.path("hotels")));
        for (UUID id : ids(aggregations.path("hotels"))) {
            Hotel hotel = pages.get(id);
            if (hotel != null && hotel.isPublished()) {
                found.add(new Destination("HOTEL", hotel.name(), hotel.address().city(), hotel.address().country(),
                        hotel, null));
            }
        }
        found.addAll(restaurants.destinations(ids(aggregations.path("restaurants"))));
        return found;
    }

    private static Map<String, Object> named(Map<String, Object> nameMatch, String alias, int size) {
        return Map.of("filter", Map.of("bool", Map.of("filter", List.of(nameMatch,
                        Map.of("prefix", Map.of("_index", alias + "-"))))),
                "aggs", Map.of("top", Map.of("top_hits", Map.of("size", size, "_source", false))));
    }

    private static List<UUID> ids(JsonNode named) {
        List<UUID> ids = new ArrayList<>();
        named.path("top").path("hits").path("hits").forEach(hit -> ids.add(UUID.fromString(hit.path("_id").asString())));
        return ids;
    }
}
