package dev.stay.catalog.restaurantsearch;

import dev.stay.catalog.search.AliasedIndex;
import dev.stay.catalog.search.SearchCache;
import dev.stay.catalog.search.SearchEngine;
import java.util.Collection;
import java.util.UUID;
import org.springframework.stereotype.Component;

/**
 * The index of published restaurants behind {@code stay.restaurant-search.alias}, kept as hotels' is
 * ({@link AliasedIndex}): a restaurant refreshed is read again from PostgreSQL, written if published, taken out
 * otherwise (unpublished, suspended), and the cached restaurant pages of the areas it was in and is in are outdated.
 */
@Component
class RestaurantIndex extends AliasedIndex<IndexedRestaurant> {

    private final RestaurantDocuments documents;
    private final SearchCache cache;

    RestaurantIndex(SearchEngine engine, RestaurantSearchProperties settings, RestaurantDocuments documents,
                    SearchCache cache) {
        super(engine, settings.alias(), "/search/restaurant-index.json", IndexedRestaurant.class);
        this.documents = documents;
        this.cache = cache;
    }

    void refresh(Collection<UUID> ids) {
        refresh(ids, documents::published, RestaurantAreas::of, cache);
    }
}
