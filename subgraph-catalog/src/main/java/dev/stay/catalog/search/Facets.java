package dev.stay.catalog.search;

import java.util.ArrayList;
import java.util.List;
import tools.jackson.databind.JsonNode;

/** Facets read from OpenSearch's aggregations ({@link SearchQuery#facets}). */
final class Facets {

    private Facets() {}

    static SearchPage.Facets none() {
        return new SearchPage.Facets(List.of(), List.of(), List.of(), List.of());
    }

    static SearchPage.Facets of(JsonNode aggregations) {
        List<SearchPage.StarsCount> stars = new ArrayList<>();
        for (JsonNode bucket : aggregations.path("stars").path("values").path("buckets")) {
            stars.add(new SearchPage.StarsCount(bucket.path("key").asInt(), bucket.path("doc_count").asInt()));
        }
        stars.sort((a, b) -> Integer.compare(a.stars(), b.stars()));
        List<SearchPage.AmenityCount> amenities = new ArrayList<>();
        for (JsonNode bucket : aggregations.path("amenities").path("values").path("buckets")) {
            amenities.add(new SearchPage.AmenityCount(bucket.path("key").asString(), bucket.path("doc_count").asInt()));
        }
        List<SearchPage.RatingBandCount> ratings = new ArrayList<>();
        for (JsonNode bucket : aggregations.path("rating").path("values").path("buckets")) {
            ratings.add(new SearchPage.RatingBandCount(bucket.path("from").asDouble(), bucket.path("doc_count").asInt()));
        }
        List<SearchPage.PriceBucket> prices = new ArrayList<>();
        for (JsonNode bucket : aggregations.path("price").path("values").path("buckets")) {
            double from = bucket.path("key").asDouble();
            prices.add(new SearchPage.PriceBucket(from, from + SearchPage.PRICE_BAND, bucket.path("doc_count").asInt()));
        }
        return new SearchPage.Facets(stars, amenities, ratings, prices);
    }
}
