package dev.stay.booking.dining;

import static dev.stay.booking.db.Tables.RESTAURANT;
import static dev.stay.booking.db.Tables.RESTAURANT_TABLE;
import static dev.stay.common.events.AppliedEvents.notNewerThan;
import static org.jooq.impl.DSL.excluded;

import dev.stay.common.events.AppliedEvents;
import dev.stay.common.events.EventReader;
import dev.stay.common.events.ReceivedEvent;
import java.math.BigDecimal;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.jooq.DSLContext;
import org.jooq.JSONB;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.json.JsonMapper;

/**
 * Keeps booking's copy of the catalog's restaurants ({@code restaurant}, {@code restaurant_table}) in step: one event,
 * one transaction, applied once by its id and never an older version over a newer one (the restaurant's version,
 * which a table's change raises too). A table the event no longer lists, or lists inactive, takes no new
 * reservations; the ones it has keep it. What cannot be applied is retried, then dead-lettered (common's events).
 */
@Component
class RestaurantFeed {

    static final String TOPIC = "catalog.restaurant";

    private static final Logger log = LoggerFactory.getLogger(RestaurantFeed.class);

    private final EventReader events;
    private final AppliedEvents applied;
    private final DSLContext db;
    private final JsonMapper json;

    RestaurantFeed(EventReader events, AppliedEvents applied, DSLContext db, JsonMapper json) {
        this.events = events;
        this.applied = applied;
        this.db = db;
        this.json = json;
    }

    @KafkaListener(topics = TOPIC, groupId = "booking.restaurant-feed")
    @Transactional
    void on(ConsumerRecord<String, String> record) {
        ReceivedEvent event = events.read(record);
        if (!"restaurant-changed".equals(event.type())) {
            log.debug("ignored {} {} on {}", event.type(), event.eventId(), TOPIC);
            return;
        }
        RestaurantChanged change = events.data(event, RestaurantChanged.class);
        if (applied.firstTime(event) && apply(change)) {
            log.debug("applied restaurant {} v{}", change.restaurantId(), change.version());
        }
    }

    /** @return whether it was newer than (or as new as) booking's copy, and so applied */
    private boolean apply(RestaurantChanged e) {
        int changed = db.insertInto(RESTAURANT)
                .set(RESTAURANT.ID, e.restaurantId())
                .set(RESTAURANT.OWNER_ID, e.ownerId())
                .set(RESTAURANT.STATUS, e.status())
                .set(RESTAURANT.TIME_ZONE, e.timeZone())
                .set(RESTAURANT.CURRENCY, e.currency())
                .set(RESTAURANT.SLOT_MINUTES, e.slotMinutes())
                .set(RESTAURANT.DEPOSIT_PER_GUEST, new BigDecimal(e.depositPerGuest()))
                .set(RESTAURANT.DEPOSIT_REFUNDABLE_HOURS, e.depositRefundableHours())
                .set(RESTAURANT.SERVICE_PERIODS, JSONB.valueOf(json.writeValueAsString(e.servicePeriods())))
                .set(RESTAURANT.CLOSED_DATES, JSONB.valueOf(json.writeValueAsString(e.closedDates())))
                .set(RESTAURANT.SEATING_DURATIONS, JSONB.valueOf(json.writeValueAsString(e.seatingDurations())))
                .set(RESTAURANT.CATALOG_VERSION, e.version())
                .onConflict(RESTAURANT.ID).doUpdate()
                .set(RESTAURANT.OWNER_ID, excluded(RESTAURANT.OWNER_ID))
                .set(RESTAURANT.STATUS, excluded(RESTAURANT.STATUS))
                .set(RESTAURANT.TIME_ZONE, excluded(RESTAURANT.TIME_ZONE))
                .set(RESTAURANT.CURRENCY, excluded(RESTAURANT.CURRENCY))
                .set(RESTAURANT.SLOT_MINUTES, excluded(RESTAURANT.SLOT_MINUTES))
                .set(RESTAURANT.DEPOSIT_PER_GUEST, excluded(RESTAURANT.DEPOSIT_PER_GUEST))
                .set(RESTAURANT.DEPOSIT_REFUNDABLE_HOURS, excluded(RESTAURANT.DEPOSIT_REFUNDABLE_HOURS))
                .set(RESTAURANT.SERVICE_PERIODS, excluded(RESTAURANT.SERVICE_PERIODS))
                .set(RESTAURANT.CLOSED_DATES, excluded(RESTAURANT.CLOSED_DATES))
                .set(RESTAURANT.SEATING_DURATIONS, excluded(RESTAURANT.SEATING_DURATIONS))
                .set(RESTAURANT.CATALOG_VERSION, excluded(RESTAURANT.CATALOG_VERSION))
                .where(notNewerThan(RESTAURANT.CATALOG_VERSION, e.version()))
                .execute();
        if (changed == 0) {
            return false;
        }
        db.update(RESTAURANT_TABLE).set(RESTAURANT_TABLE.ACTIVE, false)
                .where(RESTAURANT_TABLE.RESTAURANT_ID.eq(e.restaurantId()))
                .and(RESTAURANT_TABLE.ID.notIn(e.tables().stream().map(RestaurantChanged.Table::id).toList()))
                .execute();
        for (RestaurantChanged.Table t : e.tables()) {
            db.insertInto(RESTAURANT_TABLE)
                    .set(RESTAURANT_TABLE.ID, t.id()).set(RESTAURANT_TABLE.RESTAURANT_ID, e.restaurantId())
                    .set(RESTAURANT_TABLE.MIN_PARTY, t.minParty()).set(RESTAURANT_TABLE.MAX_PARTY, t.maxParty())
                    .set(RESTAURANT_TABLE.ACTIVE, t.active())
                    .onConflict(RESTAURANT_TABLE.ID).doUpdate()
                    .set(RESTAURANT_TABLE.MIN_PARTY, excluded(RESTAURANT_TABLE.MIN_PARTY))
                    .set(RESTAURANT_TABLE.MAX_PARTY, excluded(RESTAURANT_TABLE.MAX_PARTY))
                    .set(RESTAURANT_TABLE.ACTIVE, excluded(RESTAURANT_TABLE.ACTIVE))
                    // a table is one restaurant's: an event naming another's table is refused, not obeyed
                    .where(RESTAURANT_TABLE.RESTAURANT_ID.eq(e.restaurantId()))
                    .execute();
        }
        return true;
    }
}
