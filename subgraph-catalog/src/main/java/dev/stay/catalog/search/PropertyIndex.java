package dev.stay.catalog.search;

import org.springframework.stereotype.Component;

/** The index of published hotels behind the alias {@code stay.search.alias} (mapping: {@code search/property-index.json}). */
@Component
class PropertyIndex extends AliasedIndex<IndexedProperty> {

    PropertyIndex(SearchEngine engine, SearchProperties settings) {
        super(engine, settings.alias(), "/search/property-index.json", IndexedProperty.class);
    }
}
