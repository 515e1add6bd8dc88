package dev.stay.catalog.search;

import dev.stay.catalog.availability.AvailabilityChanged;
import dev.stay.catalog.events.CatalogEvents;
import dev.stay.common.events.EventReader;
import dev.stay.common.events.ReceivedEvent;
import java.util.List;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * Keeps the index fed from the catalog's own events: any event of {@code catalog.property} (a property or unit type
 * changed, a rating...) re-reads that property, whatever its type, so new kinds of events need no change here.
 * The property is the record's key (the topic is keyed by it). A malformed record is dead-lettered; a failure of
 * OpenSearch is retried with back-off by the handler every consumer shares, then dead-lettered.
 */
@Component
class CatalogFeedIndexer {

    private static final Logger log = LoggerFactory.getLogger(CatalogFeedIndexer.class);

    private final EventReader events;
    private final PropertyIndexer indexer;

    CatalogFeedIndexer(EventReader events, PropertyIndexer indexer) {
        this.events = events;
        this.indexer = indexer;
    }

    @KafkaListener(topics = CatalogEvents.TOPIC, groupId = "catalog.search-index")
    void on(ConsumerRecord<String, String> record) {
        ReceivedEvent event = events.read(record);
        UUID propertyId = FeedKeys.id(record, event, "property");
        indexer.refresh(List.of(propertyId));
        log.debug("{} {}: property {} re-indexed", event.type(), event.eventId(), propertyId);
    }

    /** Rooms or prices changed: the lowest price may have, and dated pages with the property are outdated. */
    @EventListener
    void on(AvailabilityChanged change) {
        try {
            indexer.refresh(List.of(change.propertyId()));
        } catch (SearchUnavailable e) {
            // the projection has committed: its page is outdated by the TTL, the price by the next event or re-index
            log.warn("availability of {} not indexed: {}", change.propertyId(), e.getMessage());
        }
    }
}
