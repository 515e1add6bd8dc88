package dev.stay.catalog.restaurant;

import static dev.stay.catalog.db.Tables.RESTAURANT_CLOSED_DATE;
import static dev.stay.catalog.db.Tables.RESTAURANT_SEATING_DURATION;
import static dev.stay.catalog.db.Tables.RESTAURANT_SERVICE_PERIOD;

import dev.stay.catalog.db.tables.records.RestaurantClosedDateRecord;
import dev.stay.catalog.db.tables.records.RestaurantSeatingDurationRecord;
import dev.stay.catalog.db.tables.records.RestaurantServicePeriodRecord;
import dev.stay.codegen.catalog.types.SeatingDurationInput;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.jooq.DSLContext;
import org.jooq.TableRecord;
import org.springframework.stereotype.Component;

/**
 * When a restaurant serves and for how long a party keeps its table: each list is replaced whole when given, the same
 * way on creation and on edit, once {@link RestaurantRules} accepted it.
 */
@Component
class RestaurantSchedule {

    /** How long a party keeps its table when the owner says nothing: up to 2 guests 90 minutes, 6: 120, 20: 150. */
    static final List<SeatingDurationInput> DEFAULT_SEATING = List.of(row(2, 90), row(6, 120), row(20, 150));

    private final DSLContext db;

    RestaurantSchedule(DSLContext db) {
        this.db = db;
    }

    void replaceOpeningHours(UUID restaurantId, List<OpeningHours.Period> periods) {
        db.deleteFrom(RESTAURANT_SERVICE_PERIOD).where(RESTAURANT_SERVICE_PERIOD.RESTAURANT_ID.eq(restaurantId)).execute();
        insert(periods.stream().map(p -> new RestaurantServicePeriodRecord(restaurantId, (short) p.weekday(),
                p.opens(), p.closes())).toList());
    }

    void replaceClosedDates(UUID restaurantId, List<LocalDate> days) {
        db.deleteFrom(RESTAURANT_CLOSED_DATE).where(RESTAURANT_CLOSED_DATE.RESTAURANT_ID.eq(restaurantId)).execute();
        insert(days.stream().map(day -> new RestaurantClosedDateRecord(restaurantId, day)).toList());
    }

    void replaceSeatingDurations(UUID restaurantId, List<SeatingDurationInput> rows) {
        db.deleteFrom(RESTAURANT_SEATING_DURATION).where(RESTAURANT_SEATING_DURATION.RESTAURANT_ID.eq(restaurantId))
                .execute();
        insert(rows.stream().map(row -> new RestaurantSeatingDurationRecord(restaurantId,
                (short) row.getUpToPartySize(), (short) row.getMinutes())).toList());
    }

    private static SeatingDurationInput row(int upToPartySize, int minutes) {
        return SeatingDurationInput.newBuilder().upToPartySize(upToPartySize).minutes(minutes).build();
    }

    private void insert(List<? extends TableRecord<?>> records) {
        if (!records.isEmpty()) {
            db.batchInsert(records).execute();
        }
    }
}
