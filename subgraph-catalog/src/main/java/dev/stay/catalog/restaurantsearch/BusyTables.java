package dev.stay.catalog.restaurantsearch;

import static dev.stay.catalog.db.Tables.RESTAURANT;
import static dev.stay.catalog.db.Tables.RESTAURANT_TABLE_BUSY;

import dev.stay.catalog.search.SearchCache;
import java.time.ZoneOffset;
import java.util.Map;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * The projection {@code restaurant_table_busy}: when each table is taken, one row a reservation, replaced only by a
 * strictly higher version of it, so a replay or an older state arriving late changes nothing. Once the change
 * committed, the cached restaurant pages of the restaurant's areas are outdated: a dated page may have offered the
 * time just taken, or not offered the one just given back.
 */
@Component
class BusyTables {

    private final DSLContext db;
    private final SearchCache cache;

    BusyTables(DSLContext db, SearchCache cache) {
        this.db = db;
        this.cache = cache;
    }

    /** @return whether the projection changed (false: it holds this version of the reservation or a newer one) */
    @Transactional(propagation = Propagation.MANDATORY)
    boolean apply(ReservationEvent reservation) {
        Map<Field<?>, Object> state = Map.of(
                RESTAURANT_TABLE_BUSY.TABLE_ID, reservation.tableId(),
                RESTAURANT_TABLE_BUSY.STARTS_AT, reservation.startsAt().atOffset(ZoneOffset.UTC),
                RESTAURANT_TABLE_BUSY.ENDS_AT, reservation.endsAt().atOffset(ZoneOffset.UTC),
                RESTAURANT_TABLE_BUSY.STATUS, reservation.status(),
                RESTAURANT_TABLE_BUSY.TAKEN, reservation.takesTable(),
                RESTAURANT_TABLE_BUSY.VERSION, reservation.version());
        int changed = db.insertInto(RESTAURANT_TABLE_BUSY)
                .set(RESTAURANT_TABLE_BUSY.RESERVATION_ID, reservation.reservationId())
                .set(RESTAURANT_TABLE_BUSY.RESTAURANT_ID, reservation.restaurantId())
                .set(state)
                .onConflict(RESTAURANT_TABLE_BUSY.RESERVATION_ID).doUpdate().set(state)
                .where(RESTAURANT_TABLE_BUSY.VERSION.lt(reservation.version()))
                .execute();
        if (changed == 0) {
            return false;
        }
        db.select(RESTAURANT.CITY, RESTAURANT.LAT, RESTAURANT.LON).from(RESTAURANT)
                .where(RESTAURANT.ID.eq(reservation.restaurantId())).fetchOptional()
                .ifPresent(place -> TransactionSynchronizationManager.registerSynchronization(
                        new TransactionSynchronization() {
                            @Override
                            public void afterCommit() {
                                cache.outdate(RestaurantAreas.of(place.value1(), place.value2(), place.value3()));
                            }
                        }));
        return true;
    }
}
