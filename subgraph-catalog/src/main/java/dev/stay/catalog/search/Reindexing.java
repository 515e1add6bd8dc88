package dev.stay.catalog.search;

import org.springframework.stereotype.Component;

/** Rebuilds the hotels' index ({@link IndexRebuild}) from the published hotels of PostgreSQL. */
@Component
class Reindexing extends IndexRebuild<IndexedProperty> {

    Reindexing(PropertyIndex index, PropertyDocuments documents, SearchProperties settings) {
        super("hotels", index, documents, settings);
    }
}
