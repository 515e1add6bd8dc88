package dev.stay.catalog.search;

import java.util.Collection;
import java.util.UUID;
import org.springframework.stereotype.Component;

/**
 * Brings hotels in the index up to date with PostgreSQL: each is read again as it is now, written if published,
 * taken out otherwise; then the cached result pages of the areas it was in and is in are outdated. Reading again
 * rather than applying the event's content makes any event of a hotel (a change, a rating, an availability) enough,
 * and makes replays and out-of-order deliveries harmless.
 */
@Component
class PropertyIndexer {

    private final PropertyDocuments documents;
    private final PropertyIndex index;
    private final SearchCache cache;

    PropertyIndexer(PropertyDocuments documents, PropertyIndex index, SearchCache cache) {
        this.documents = documents;
        this.index = index;
        this.cache = cache;
    }

    void refresh(Collection<UUID> ids) {
        index.refresh(ids, documents::published, SearchAreas::of, cache);
    }
}
