package dev.stay.catalog.restaurantreview;

import static dev.stay.catalog.db.Tables.RESTAURANT_REVIEW;
import static dev.stay.catalog.db.Tables.RESTAURANT_VISIT;

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
 * Learns from booking which restaurant visits may be reviewed, as {@code review.ReviewableStays} does for stays.
 * Each {@code reservation.completed} records its reservation, guest, restaurant and date once (by event id, and by
 * reservation id, so a replayed or re-sent event changes nothing). A {@code reservation.no-show} marks the visit for
 * good (a completion re-sent later does not undo it) and removes a review written meanwhile, which then leaves the
 * rating. Every other fact of the topic is ignored. What cannot be read is dead-lettered to
 * {@code booking.reservation.DLT} by the handler every subgraph shares.
 */
@Component
class ReviewableVisits {

    static final String TOPIC = "booking.reservation";
    static final String COMPLETED = "reservation.completed";
    static final String NO_SHOW = "reservation.no-show";

    private static final Logger log = LoggerFactory.getLogger(ReviewableVisits.class);

    private final EventReader events;
    private final AppliedEvents applied;
    private final DSLContext db;
    private final RestaurantRatings ratings;

    ReviewableVisits(EventReader events, AppliedEvents applied, DSLContext db, RestaurantRatings ratings) {
        this.events = events;
        this.applied = applied;
        this.db = db;
        this.ratings = ratings;
    }

    @KafkaListener(topics = TOPIC, groupId = "catalog.restaurant-reviews")
    @Transactional
    void on(ConsumerRecord<String, String> record) {
        ReceivedEvent event = events.read(record);
        if (!event.type().equals(COMPLETED) && !event.type().equals(NO_SHOW)) {
            return;
        }
        VisitEnded visit = events.data(event, VisitEnded.class);
        if (!applied.firstTime(event)) {
            return;
        }
        OffsetDateTime at = (visit.occurredAt() != null ? visit.occurredAt()
                : event.occurredAt() != null ? event.occurredAt() : Instant.now()).atOffset(ZoneOffset.UTC);
        var row = db.insertInto(RESTAURANT_VISIT)
                .set(RESTAURANT_VISIT.RESERVATION_ID, visit.reservationId())
                .set(RESTAURANT_VISIT.RESTAURANT_ID, visit.restaurantId())
                .set(RESTAURANT_VISIT.GUEST_ID, visit.guestId())
                .set(RESTAURANT_VISIT.VISIT_DATE, visit.date());
        if (event.type().equals(COMPLETED)) {
            int added = row.set(RESTAURANT_VISIT.COMPLETED_AT, at).onConflictDoNothing().execute();
            log.debug("visit {} of restaurant {} {}", visit.reservationId(), visit.restaurantId(),
                    added == 1 ? "may be reviewed" : "was already known");
            return;
        }
        row.set(RESTAURANT_VISIT.NO_SHOW_AT, at)
                .onConflict(RESTAURANT_VISIT.RESERVATION_ID).doUpdate()
                .set(RESTAURANT_VISIT.NO_SHOW_AT, at)
                .execute();
        ratings.lock(visit.restaurantId());
        if (db.deleteFrom(RESTAURANT_REVIEW).where(RESTAURANT_REVIEW.RESERVATION_ID.eq(visit.reservationId()))
                .execute() > 0) {
            ratings.recompute(visit.restaurantId());
            log.info("the review of visit {} was removed: booking marked it a no-show", visit.reservationId());
        }
    }
}
