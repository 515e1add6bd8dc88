package dev.stay.catalog.review;

import static dev.stay.catalog.db.Tables.REVIEW;
import static dev.stay.catalog.db.Tables.REVIEW_STAY;

import dev.stay.common.events.AppliedEvents;
import dev.stay.common.events.EventReader;
import dev.stay.common.events.ReceivedEvent;
import java.time.Instant;
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
 * Learns from booking which stays may be reviewed. Each {@code booking.completed} records its booking, guest and
 * check-out once (by event id, and by booking id, so a replayed or re-sent event changes nothing). A
 * {@code booking.no-show}, which booking may send some days after the completion, marks the stay for good (a
 * completion re-sent later does not undo it) and removes a review written meanwhile, which then leaves the rating.
 * Every other fact of the topic is ignored. What cannot be read is dead-lettered by the handler every subgraph shares.
 */
@Component
class ReviewableStays {

    static final String TOPIC = "booking.booking";
    static final String COMPLETED = "booking.completed";
    static final String NO_SHOW = "booking.no-show";

    private static final Logger log = LoggerFactory.getLogger(ReviewableStays.class);

    private final EventReader events;
    private final AppliedEvents applied;
    private final DSLContext db;
    private final Ratings ratings;

    ReviewableStays(EventReader events, AppliedEvents applied, DSLContext db, Ratings ratings) {
        this.events = events;
        this.applied = applied;
        this.db = db;
        this.ratings = ratings;
    }

    @KafkaListener(topics = TOPIC, groupId = "catalog.reviews")
    @Transactional
    void on(ConsumerRecord<String, String> record) {
        ReceivedEvent event = events.read(record);
        if (!event.type().equals(COMPLETED) && !event.type().equals(NO_SHOW)) {
            return;
        }
        StayEnded stay = events.data(event, StayEnded.class);
        if (!applied.firstTime(event)) {
            return;
        }
        OffsetDateTime at = (stay.occurredAt() != null ? stay.occurredAt()
                : event.occurredAt() != null ? event.occurredAt() : Instant.now()).atOffset(ZoneOffset.UTC);
        if (event.type().equals(COMPLETED)) {
            completed(stay, at);
        } else {
            noShow(stay, at);
        }
    }

    private void completed(StayEnded stay, OffsetDateTime at) {
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

    private void noShow(StayEnded stay, OffsetDateTime at) {
        db.insertInto(REVIEW_STAY)
                .set(REVIEW_STAY.BOOKING_ID, stay.bookingId())
                .set(REVIEW_STAY.PROPERTY_ID, stay.propertyId())
                .set(REVIEW_STAY.GUEST_ID, stay.guestId())
                .set(REVIEW_STAY.CHECK_IN, stay.checkIn())
                .set(REVIEW_STAY.CHECK_OUT, stay.checkOut())
                .set(REVIEW_STAY.NO_SHOW_AT, at)
                .onConflict(REVIEW_STAY.BOOKING_ID).doUpdate()
                .set(REVIEW_STAY.NO_SHOW_AT, at)
                .execute();
        ratings.lock(stay.propertyId());
        if (db.deleteFrom(REVIEW).where(REVIEW.BOOKING_ID.eq(stay.bookingId())).execute() > 0) {
            ratings.recompute(stay.propertyId());
            log.info("the review of stay {} was removed: booking marked it a no-show", stay.bookingId());
        }
    }
}
