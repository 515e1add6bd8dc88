package dev.stay.catalog.restaurantsearch;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Restaurant search ({@code stay.restaurant-search.*}); the engine, timeouts, page TTL and re-index batches are
 * hotel search's ({@code stay.search.*}).
 *
 * @param alias           the alias restaurant searches read and the indexer writes through
 * @param datedCandidates how many matches, in sort order, a dated search checks for a free table: past them a dated
 *                        search does not look (its totalCount counts among them)
 */
@ConfigurationProperties("stay.restaurant-search")
record RestaurantSearchProperties(
        @DefaultValue("catalog-restaurants") String alias,
        @DefaultValue("500") int datedCandidates) {

    RestaurantSearchProperties {
        if (!alias.matches("[a-z][a-z0-9-]{0,60}")) {
            throw new IllegalArgumentException("stay.restaurant-search.alias must be lower-case letters, digits and dashes");
        }
        if (datedCandidates < 1 || datedCandidates > 10_000) {
            throw new IllegalArgumentException("stay.restaurant-search.dated-candidates must be from 1 to 10000");
        }
    }
}
