package dev.stay.catalog.restaurantsearch;

import dev.stay.catalog.search.FeedKeys;
import dev.stay.common.events.EventReader;
import dev.stay.common.events.ReceivedEvent;
import java.util.List;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * Keeps the restaurants' index fed from {@value #TOPIC}: any event of a restaurant (keyed by its id:
 * restaurant-changed, a rating...) re-reads it, whatever its type. A record that is not an event, or whose key is not
 * a restaurant id, is dead-lettered; a failure of OpenSearch is retried with back-off, then dead-lettered, by the
 * handler every consumer shares.
 */
@Component
class RestaurantFeedIndexer {

    static final String TOPIC = "catalog.restaurant";

    private static final Logger log = LoggerFactory.getLogger(RestaurantFeedIndexer.class);

    private final EventReader events;
    private final RestaurantIndex index;

    RestaurantFeedIndexer(EventReader events, RestaurantIndex index) {
        this.events = events;
        this.index = index;
    }

    @KafkaListener(topics = TOPIC, groupId = "catalog.restaurant-search-index")
    void on(ConsumerRecord<String, String> record) {
        ReceivedEvent event = events.read(record);
        UUID restaurantId = FeedKeys.id(record, event, "restaurant");
        index.refresh(List.of(restaurantId));
        log.debug("{} {}: restaurant {} re-indexed", event.type(), event.eventId(), restaurantId);
    }
}
