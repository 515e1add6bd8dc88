package dev.stay.catalog.review;

import static dev.stay.catalog.db.Tables.REVIEW_STAY;

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
 * Learns from booking which stays may be reviewed: each {@code booking.completed} records its booking, guest and
 * check-out once (by event id, and by booking id, so a replayed or re-sent event changes nothing). Every other fact
 * of the topic, {@code booking.no-show} included, gives no right to review. What cannot be read is dead-lettered by
 * the handler every subgraph shares.
 */
@Component
class CompletedStays {

    static final String TOPIC = "booking.booking";
    static final String COMPLETED = "booking.completed";

    private static final Logger log = LoggerFactory.getLogger(CompletedStays.class);

    private final EventReader events;
    private final AppliedEvents applied;
    private final DSLContext db;

    CompletedStays(EventReader events, AppliedEvents applied, DSLContext db) {
        this.events = events;
        this.applied = applied;
        this.db = db;
    }

    @KafkaListener(topics = TOPIC, groupId = "catalog.reviews")
    @Transactional
    void on(ConsumerRecord<String, String> record) {
        ReceivedEvent event = events.read(record);
        if (!event.type().equals(COMPLETED)) {
            return;
        }
        BookingCompleted stay = events.data(event, BookingCompleted.class);
        if (!applied.firstTime(event)) {
            return;
        }
        OffsetDateTime at = (stay.occurredAt() != null ? stay.occurredAt()
                : event.occurredAt() != null ? event.occurredAt() : java.time.Instant.now()).atOffset(ZoneOffset.UTC);
        int added = db.insertInto(REVIEW_STAY)
                .set(REVIEW_STAY.BOOKING_ID, stay.bookingId())
                .set(REVIEW_STAY.PROPERTY_ID, stay.propertyId())
                .set(REVIEW_STAY.GUEST_ID, stay.guestId())
                .set(REVIEW_STAY.CHECK_IN, stay.checkIn())
                .set(REVIEW_STAY.CHECK_OUT, stay.checkOut())
                .set(REVIEW_STAY.COMPLETED_AT, at)
                .onConflictDoNothing()
                .execute();
        log.debug("stay {} of property {} {}", stay.bookingId(), stay.propertyId(),
                added == 1 ? "may be reviewed" : "was already known");
    }
}
