package dev.stay.catalog.restaurant;

import static dev.stay.catalog.db.Tables.RESTAURANT;
import static dev.stay.catalog.db.Tables.RESTAURANT_CLOSED_DATE;
import static dev.stay.catalog.db.Tables.RESTAURANT_SEATING_DURATION;
import static dev.stay.catalog.db.Tables.RESTAURANT_SERVICE_PERIOD;
import static dev.stay.catalog.db.Tables.RESTAURANT_TABLE;
import static org.jooq.impl.DSL.multiset;
import static org.jooq.impl.DSL.select;

import dev.stay.catalog.events.CatalogEvents;
import dev.stay.catalog.events.RestaurantChanged;
import java.time.Instant;
import java.util.UUID;
import org.jooq.DSLContext;
import org.springframework.stereotype.Component;

/**
 * Tells the rest of Stay what a restaurant now is, whole, read back from the tables inside the transaction that
 * changed it (after its writes), so the event says exactly what commits, and nothing when it does not.
 */
@Component
class RestaurantAnnouncement {

    private final DSLContext db;
    private final CatalogEvents events;

    RestaurantAnnouncement(DSLContext db, CatalogEvents events) {
        this.db = db;
        this.events = events;
    }

    RestaurantChanged announce(UUID restaurantId) {
        RestaurantChanged changed = state(restaurantId);
        events.restaurantChanged(changed);
        return changed;
    }

    RestaurantChanged state(UUID restaurantId) {
        Instant now = Instant.now();
        return db.select(RESTAURANT.ID, RESTAURANT.OWNER_ID, RESTAURANT.STATUS, RESTAURANT.NAME, RESTAURANT.CITY,
                        RESTAURANT.COUNTRY, RESTAURANT.LAT, RESTAURANT.LON, RESTAURANT.TIME_ZONE, RESTAURANT.CURRENCY,
                        RESTAURANT.SLOT_MINUTES, RESTAURANT.DEPOSIT_PER_GUEST, RESTAURANT.DEPOSIT_REFUNDABLE_HOURS,
                        multiset(select(RESTAURANT_SERVICE_PERIOD.WEEKDAY, RESTAURANT_SERVICE_PERIOD.OPENS,
                                RESTAURANT_SERVICE_PERIOD.CLOSES)
                                .from(RESTAURANT_SERVICE_PERIOD)
                                .where(RESTAURANT_SERVICE_PERIOD.RESTAURANT_ID.eq(RESTAURANT.ID))
                                .orderBy(RESTAURANT_SERVICE_PERIOD.WEEKDAY, RESTAURANT_SERVICE_PERIOD.OPENS))
                                .convertFrom(r -> r.map(p -> new RestaurantChanged.ServicePeriod(p.value1(),
                                        p.value2(), p.value3()))),
                        multiset(select(RESTAURANT_CLOSED_DATE.DAY).from(RESTAURANT_CLOSED_DATE)
                                .where(RESTAURANT_CLOSED_DATE.RESTAURANT_ID.eq(RESTAURANT.ID))
                                .orderBy(RESTAURANT_CLOSED_DATE.DAY))
                                .convertFrom(r -> r.map(day -> day.value1())),
                        multiset(select(RESTAURANT_SEATING_DURATION.UP_TO_PARTY_SIZE, RESTAURANT_SEATING_DURATION.MINUTES)
                                .from(RESTAURANT_SEATING_DURATION)
                                .where(RESTAURANT_SEATING_DURATION.RESTAURANT_ID.eq(RESTAURANT.ID))
                                .orderBy(RESTAURANT_SEATING_DURATION.UP_TO_PARTY_SIZE))
                                .convertFrom(r -> r.map(d -> new RestaurantChanged.SeatingDuration(d.value1(),
                                        d.value2()))),
                        multiset(select(RESTAURANT_TABLE.ID, RESTAURANT_TABLE.LABEL, RESTAURANT_TABLE.MIN_PARTY,
                                RESTAURANT_TABLE.MAX_PARTY, RESTAURANT_TABLE.AREA, RESTAURANT_TABLE.REMOVED)
                                .from(RESTAURANT_TABLE)
                                .where(RESTAURANT_TABLE.RESTAURANT_ID.eq(RESTAURANT.ID))
                                .orderBy(RESTAURANT_TABLE.LABEL, RESTAURANT_TABLE.ID))
                                .convertFrom(r -> r.map(t -> new RestaurantChanged.Table(t.value1(), t.value2(),
                                        t.value3(), t.value4(), t.value5().getLiteral(), !t.value6()))),
                        RESTAURANT.VERSION)
                .from(RESTAURANT)
                .where(RESTAURANT.ID.eq(restaurantId))
                .fetchSingle(r -> new RestaurantChanged(r.value1(), r.value2(), r.value3().getLiteral(), r.value4(),
                        r.value5(), r.value6(), r.value7(), r.value8(), r.value9(), r.value10(), r.value11(),
                        Deposits.amount(r.value12(), r.value10()), r.value13(), r.value14(), r.value15(), r.value16(),
                        r.value17(), r.value18(), now));
    }
}
