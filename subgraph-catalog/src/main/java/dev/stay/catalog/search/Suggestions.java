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
 * cities): the cities with the most hotels first, then hotels. One OpenSearch request.
 */
@Component
class Suggestions {

    static final int MIN_PREFIX = 2;
    static final int MAX_PREFIX = 100;
    static final int CITIES = 5;
    static final int HOTELS = 5;

    record Suggestion(String kind, String name, String city, String country, Hotel hotel) {}

    private final SearchEngine engine;
    private final SearchProperties settings;
    private final Hotels hotels;

    Suggestions(SearchEngine engine, SearchProperties settings, Hotels hotels) {
        this.engine = engine;
        this.settings = settings;
        this.hotels = hotels;
    }

    List<Suggestion> suggest(String prefix) {
        if (Texts.hasControlCharacters(prefix)) {
            throw new BadUserInput("prefix", "INVALID_CHARACTERS", "prefix must not contain control characters");
        }
        String text = prefix.strip().replaceAll("\\s+", " ");
        if (text.length() < MIN_PREFIX || text.length() > MAX_PREFIX) {
            throw new BadUserInput("prefix", "OUT_OF_RANGE",
                    "prefix has from " + MIN_PREFIX + " to " + MAX_PREFIX + " characters");
        }
        Map<String, Object> cityMatch = Map.of("match", Map.of("city.prefix", Map.of("query", text, "operator", "and")));
        Map<String, Object> body = Map.of(
                "size", HOTELS,
                "query", Map.of("match", Map.of("name.prefix", Map.of("query", text, "operator", "and"))),
                "_source", List.of("id", "name", "city", "country"),
                "aggs", Map.of("cities", Map.of("filter", cityMatch, "aggs", Map.of("names", Map.of(
                        "terms", Map.of("field", "city.keyword", "size", CITIES),
                        "aggs", Map.of("country", Map.of("terms", Map.of("field", "country", "size", 1))))))));
        // the aggregation must see every hotel, not only those whose name matches
        Map<String, Object> request = Map.of("size", HOTELS, "query", Map.of("match_all", Map.of()),
                "post_filter", body.get("query"), "_source", body.get("_source"), "aggs", body.get("aggs"));
        SearchEngine.Answer answer = engine.call("POST", "/" + settings.alias() + "/_search", request);
        if (answer.status() == 404) {
            return List.of();
        }
        if (!answer.ok()) {
            throw new IllegalStateException("suggest answered " + answer.status());
        }
        List<Suggestion> found = new ArrayList<>();
        for (JsonNode city : answer.body().path("aggregations").path("cities").path("names").path("buckets")) {
            String country = city.path("country").path("buckets").path(0).path("key").asString("");
            found.add(new Suggestion("CITY", city.path("key").asString(), city.path("key").asString(), country, null));
        }
        List<UUID> ids = new ArrayList<>();
        answer.body().path("hits").path("hits").forEach(hit -> ids.add(UUID.fromString(hit.path("_id").asString())));
        Map<UUID, Hotel> pages = hotels.find(ids);
        for (UUID id : ids) {
            Hotel hotel = pages.get(id);
            if (hotel != null && hotel.isPublished()) {
                found.add(new Suggestion("HOTEL", hotel.name(), hotel.address().city(), hotel.address().country(), hotel));
            }
        }
        return found;
    }
}
