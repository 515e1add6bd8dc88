package dev.stay.booking.catalogfeed;

import dev.stay.common.outbox.EventEnvelope;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.json.JsonMapper;

/** Keeps booking's properties and unit types in step with the catalog: one event, one transaction. */
@Component
class CatalogFeedListener {

    private static final Logger log = LoggerFactory.getLogger(CatalogFeedListener.class);

    private final CatalogFeedRepository feed;
    private final JsonMapper json;

    CatalogFeedListener(CatalogFeedRepository feed, JsonMapper json) {
        this.feed = feed;
        this.json = json;
    }

    @KafkaListener(topics = "catalog.property-changed", groupId = "booking.catalog-feed",
            containerFactory = CatalogFeedConfig.LISTENER_FACTORY)
    @Transactional
    void onPropertyChanged(ConsumerRecord<String, String> record) {
        EventEnvelope envelope = json.readValue(record.value(), EventEnvelope.class);
        PropertyChanged event = json.treeToValue(envelope.data(), PropertyChanged.class);
        if (feed.apply(envelope.eventId(), record.topic(), event)) {
            log.debug("applied {} {} of property {} v{}", envelope.type(), envelope.eventId(), event.propertyId(),
                    event.version());
        }
    }

    @KafkaListener(topics = "catalog.unit-type-changed", groupId = "booking.catalog-feed",
            containerFactory = CatalogFeedConfig.LISTENER_FACTORY)
    @Transactional
    void onUnitTypeChanged(ConsumerRecord<String, String> record) {
        EventEnvelope envelope = json.readValue(record.value(), EventEnvelope.class);
        UnitTypeChanged event = json.treeToValue(envelope.data(), UnitTypeChanged.class);
        if (feed.apply(envelope.eventId(), record.topic(), event)) {
            log.debug("applied {} {} of unit type {} (property {} v{})", envelope.type(), envelope.eventId(),
                    event.unitTypeId(), event.propertyId(), event.propertyVersion());
        }
    }
}
