package dev.stay.catalog.bookingfeed;

import static dev.stay.catalog.db.Tables.PROPERTY;

import dev.stay.catalog.availability.AvailabilityProjection;
import dev.stay.common.events.AppliedEvents;
import dev.stay.common.events.EventReader;
import dev.stay.common.events.ReceivedEvent;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.jooq.DSLContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The catalog's one consumer of booking's inventory events. It learns which properties have prices: once a night is
 * priced, the property's currency is what that price means, so the catalog refuses to change it
 * ({@code CURRENCY_LOCKED} in onboarding). And it keeps search's projection of availability current
 * ({@link AvailabilityProjection}). One consumer group for both: each event is marked applied once in the catalog's
 * {@code applied_event} (by its id, whoever reads it), in the one transaction that applies both parts. What fails is
 * retried and dead-lettered by the handler every subgraph shares.
 */
@Component
class BookingFeedListener {

    static final String TOPIC = "booking.inventory";

    private static final Logger log = LoggerFactory.getLogger(BookingFeedListener.class);

    private final EventReader events;
    private final AppliedEvents applied;
    private final DSLContext db;
    private final AvailabilityProjection availability;

    BookingFeedListener(EventReader events, AppliedEvents applied, DSLContext db, AvailabilityProjection availability) {
        this.events = events;
        this.applied = applied;
        this.db = db;
        this.availability = availability;
    }

    @KafkaListener(topics = TOPIC, groupId = "catalog.booking-feed")
    @Transactional
    void on(ConsumerRecord<String, String> record) {
        ReceivedEvent event = events.read(record);
        if (!availability.follows(event.type())) {
            log.debug("ignored {} {} on {}", event.type(), event.eventId(), TOPIC);
            return;
        }
        if (!applied.firstTime(event)) {
            return;
        }
        availability.apply(event);
        if (!event.type().equals("inventory-changed")) {
            return;
        }
        InventoryChanged change = events.data(event, InventoryChanged.class);
        if (change.price() != null) {
            OffsetDateTime at = event.occurredAt() == null ? OffsetDateTime.now(ZoneOffset.UTC)
                    : event.occurredAt().atOffset(ZoneOffset.UTC);
            int updated = db.update(PROPERTY).set(PROPERTY.PRICED_SINCE, at)
                    .where(PROPERTY.ID.eq(change.propertyId())).and(PROPERTY.PRICED_SINCE.isNull()).execute();
            if (updated > 0) log.info("property {} priced in {}: its currency is locked", change.propertyId(),
                    change.currency());
        }
    }
}
