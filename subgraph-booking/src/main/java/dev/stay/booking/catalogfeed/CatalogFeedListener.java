package dev.stay.booking.catalogfeed;

import dev.stay.common.events.AppliedEvents;
import dev.stay.common.events.EventReader;
import dev.stay.common.events.ReceivedEvent;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Keeps booking's properties and unit types in step with the catalog: one event, one transaction, each applied once.
 * What fails is retried and then dead-lettered by the error handler every subgraph shares (common's events package).
 */
@Component
class CatalogFeedListener {

    static final String TOPIC = "catalog.property";

    private static final Logger log = LoggerFactory.getLogger(CatalogFeedListener.class);

    private final EventReader events;
    private final AppliedEvents applied;
    private final CatalogFeedRepository feed;

    CatalogFeedListener(EventReader events, AppliedEvents applied, CatalogFeedRepository feed) {
        this.events = events;
        this.applied = applied;
        this.feed = feed;
    }

    @KafkaListener(topics = TOPIC, groupId = "booking.catalog-feed")
    @Transactional
    void on(ConsumerRecord<String, String> record) {
        ReceivedEvent event = events.read(record);
        switch (event.type()) {
            case "property-changed" -> {
                PropertyChanged change = events.data(event, PropertyChanged.class);
                if (applied.firstTime(event)) {
                    feed.apply(change);
                    log.debug("applied {} {} of property {} v{}", event.type(), event.eventId(), change.propertyId(),
                            change.version());
                }
            }
            case "unit-type-changed" -> {
                UnitTypeChanged change = events.data(event, UnitTypeChanged.class);
                if (applied.firstTime(event)) {
                    feed.apply(change);
                    log.debug("applied {} {} of unit type {} (property {} v{})", event.type(), event.eventId(),
                            change.unitTypeId(), change.propertyId(), change.propertyVersion());
                }
            }
            // a fact booking has no use for (yet): the catalog may announce more than booking sells by
            default -> log.debug("ignored {} {} on {}", event.type(), event.eventId(), TOPIC);
        }
    }
}
