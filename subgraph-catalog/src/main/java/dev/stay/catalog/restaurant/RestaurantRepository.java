package dev.stay.catalog.restaurant;

import static dev.stay.catalog.db.Tables.RESTAURANT;
import static dev.stay.catalog.db.Tables.RESTAURANT_CLOSED_DATE;
import static dev.stay.catalog.db.Tables.RESTAURANT_PHOTO;
import static dev.stay.catalog.db.Tables.RESTAURANT_SEATING_DURATION;
import static dev.stay.catalog.db.Tables.RESTAURANT_SERVICE_PERIOD;
import static dev.stay.catalog.db.Tables.RESTAURANT_TABLE;
import static org.jooq.Records.mapping;
import static org.jooq.impl.DSL.currentLocalDate;
import static org.jooq.impl.DSL.multiset;
import static org.jooq.impl.DSL.row;
import static org.jooq.impl.DSL.select;

import dev.stay.catalog.property.Hotel;
import java.time.DayOfWeek;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.util.Collection;
import java.util.List;
import java.util.UUID;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.springframework.stereotype.Repository;

/**
 * Reads restaurants with their photos, service periods, closed dates, seating durations and tables in one statement
 * (nested multisets), so a page of restaurants or an {@code _entities} batch from the router costs one round trip
 * whatever its size.
 */
@Repository
class RestaurantRepository {

    static final DateTimeFormatter HH_MM = DateTimeFormatter.ofPattern("HH:mm");

    private final DSLContext db;

    RestaurantRepository(DSLContext db) {
        this.db = db;
    }

    /** Restaurants in any status: callers decide who may see which (see {@link Restaurant#visibleTo}). */
    List<Restaurant> findAll(Collection<UUID> ids) {
        return restaurants(RESTAURANT.ID.in(ids), ids.size());
    }

    /** An owner's restaurants, newest first, {@code limit} of them after the one with id {@code after} (null: from the top). */
    List<Restaurant> findByOwner(UUID ownerId, int limit, UUID after) {
        Condition mine = RESTAURANT.OWNER_ID.eq(ownerId);
        if (after != null) {
            var previous = RESTAURANT.as("previous");
            mine = mine.and(row(RESTAURANT.CREATED_AT, RESTAURANT.ID).lt(select(previous.CREATED_AT, previous.ID)
                    .from(previous).where(previous.ID.eq(after).and(previous.OWNER_ID.eq(ownerId)))));
        }
        return restaurants(mine, limit);
    }

    private List<Restaurant> restaurants(Condition where, int limit) {
        return db.select(
                        RESTAURANT.ID, RESTAURANT.NAME, RESTAURANT.DESCRIPTION,
                        RESTAURANT.CUISINES.convertFrom(List::of),
                        RESTAURANT.PRICE_RANGE.convertFrom(Short::intValue),
                        row(RESTAURANT.STREET, RESTAURANT.CITY, RESTAURANT.REGION, RESTAURANT.COUNTRY,
                                RESTAURANT.POSTAL_CODE).mapping(Hotel.Address::new),
                        row(RESTAURANT.LAT, RESTAURANT.LON).mapping(Hotel.GeoPoint::new),
                        RESTAURANT.TIME_ZONE, RESTAURANT.CURRENCY,
                        multiset(select(RESTAURANT_PHOTO.URL, RESTAURANT_PHOTO.CAPTION)
                                .from(RESTAURANT_PHOTO)
                                .where(RESTAURANT_PHOTO.RESTAURANT_ID.eq(RESTAURANT.ID))
                                .orderBy(RESTAURANT_PHOTO.POSITION))
                                .convertFrom(r -> r.map(mapping(Hotel.Photo::new))),
                        multiset(select(RESTAURANT_SERVICE_PERIOD.WEEKDAY, RESTAURANT_SERVICE_PERIOD.OPENS,
                                RESTAURANT_SERVICE_PERIOD.CLOSES)
                                .from(RESTAURANT_SERVICE_PERIOD)
                                .where(RESTAURANT_SERVICE_PERIOD.RESTAURANT_ID.eq(RESTAURANT.ID))
                                .orderBy(RESTAURANT_SERVICE_PERIOD.WEEKDAY, RESTAURANT_SERVICE_PERIOD.OPENS))
                                .convertFrom(r -> r.map(mapping(RestaurantRepository::period))),
                        multiset(select(RESTAURANT_CLOSED_DATE.DAY)
                                .from(RESTAURANT_CLOSED_DATE)
                                .where(RESTAURANT_CLOSED_DATE.RESTAURANT_ID.eq(RESTAURANT.ID))
                                // no zone is a day behind UTC's yesterday; the exact day is the restaurant's own
                                .and(RESTAURANT_CLOSED_DATE.DAY.ge(currentLocalDate().minus(1)))
                                .orderBy(RESTAURANT_CLOSED_DATE.DAY))
                                .convertFrom(r -> r.map(day -> day.value1())),
                        RESTAURANT.SLOT_MINUTES.convertFrom(Short::intValue),
                        multiset(select(RESTAURANT_SEATING_DURATION.UP_TO_PARTY_SIZE, RESTAURANT_SEATING_DURATION.MINUTES)
                                .from(RESTAURANT_SEATING_DURATION)
                                .where(RESTAURANT_SEATING_DURATION.RESTAURANT_ID.eq(RESTAURANT.ID))
                                .orderBy(RESTAURANT_SEATING_DURATION.UP_TO_PARTY_SIZE))
                                .convertFrom(r -> r.map(mapping((size, minutes) ->
                                        new Restaurant.SeatingDuration(size, minutes)))),
                        row(RESTAURANT.DEPOSIT_PER_GUEST, RESTAURANT.CURRENCY).mapping((amount, currency) ->
                                new Restaurant.Money(Deposits.amount(amount, currency), currency)),
                        RESTAURANT.DEPOSIT_REFUNDABLE_HOURS.convertFrom(Short::intValue),
                        multiset(select(RESTAURANT_TABLE.ID, RESTAURANT_TABLE.LABEL, RESTAURANT_TABLE.MIN_PARTY,
                                RESTAURANT_TABLE.MAX_PARTY, RESTAURANT_TABLE.AREA)
                                .from(RESTAURANT_TABLE)
                                .where(RESTAURANT_TABLE.RESTAURANT_ID.eq(RESTAURANT.ID))
                                .and(RESTAURANT_TABLE.REMOVED.isFalse())
                                .orderBy(RESTAURANT_TABLE.LABEL))
                                .convertFrom(r -> r.map(mapping((id, label, min, max, area) ->
                                        new Restaurant.Table(id, label, min, max, area)))),
                        RESTAURANT.OWNER_ID.convertFrom(Hotel.UserRef::new),
                        RESTAURANT.STATUS, RESTAURANT.VERSION)
                .from(RESTAURANT)
                .where(where)
                .orderBy(RESTAURANT.CREATED_AT.desc(), RESTAURANT.ID.desc())
                .limit(limit)
                .fetch(mapping(Restaurant::new))
                .stream().map(Restaurant::closedFromToday).toList();
    }

    private static Restaurant.ServicePeriod period(Short weekday, LocalTime opens, LocalTime closes) {
        return new Restaurant.ServicePeriod(DayOfWeek.of(weekday), opens.format(HH_MM), closes.format(HH_MM));
    }
}
