package dev.stay.catalog.restaurantsearch;

import static dev.stay.catalog.db.Tables.RESTAURANT;
import static dev.stay.catalog.db.Tables.RESTAURANT_CLOSED_DATE;
import static dev.stay.catalog.db.Tables.RESTAURANT_SEATING_DURATION;
import static dev.stay.catalog.db.Tables.RESTAURANT_SERVICE_PERIOD;
import static dev.stay.catalog.db.Tables.RESTAURANT_TABLE;
import static dev.stay.catalog.db.Tables.RESTAURANT_TABLE_BUSY;

import dev.stay.common.dining.DiningRules;
import dev.stay.common.dining.SeatingDuration;
import dev.stay.common.dining.SeatingSlots;
import dev.stay.common.dining.ServicePeriod;
import dev.stay.common.dining.Slot;
import dev.stay.common.dining.TableTimes;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.jooq.DSLContext;
import org.springframework.stereotype.Component;

/**
 * The start times at which restaurants have a table free for a party, within {@value RestaurantCriteria#WINDOW_MINUTES}
 * minutes either side of the time asked, computed by {@code dev.stay.common.dining} (the computation booking reserves
 * with) over the catalog's own hours, closed dates, seating durations and tables, and the busy ranges of
 * {@code restaurant_table_busy}. Six queries whatever the number of restaurants, each reading only the candidates'
 * rows of the days around the date.
 */
@Component
class FreeStartTimes {

    private static final DateTimeFormatter HH_MM = DateTimeFormatter.ofPattern("HH:mm");

    private final DSLContext db;

    FreeStartTimes(DSLContext db) {
        this.db = db;
    }

    static String hhmm(LocalTime time) {
        return time.format(HH_MM);
    }

    /** For each of these restaurants, its free start times around the visit's time, in time order (maybe none). */
    Map<UUID, List<LocalTime>> around(Collection<UUID> restaurants, RestaurantCriteria.Visit visit) {
        Map<UUID, List<LocalTime>> free = new LinkedHashMap<>();
        Instant now = Instant.now(); // nothing at or before now, wherever the restaurant is
        day(restaurants, visit.date()).forEach((id, day) -> free.put(id, SeatingSlots.free(day.rules(), visit.date(),
                        visit.partySize(), day.tables(), now).stream().map(Slot::time)
                .filter(time -> Math.abs(time.toSecondOfDay() - visit.time().toSecondOfDay())
                        <= RestaurantCriteria.WINDOW_MINUTES * 60)
                .toList()));
        return free;
    }

    /** A restaurant's rules and its tables with their busy ranges, around one day. */
    record Day(DiningRules rules, List<TableTimes> tables) {}

    /** What the computation needs of these restaurants for {@code date}: every local day it can touch is read. */
    Map<UUID, Day> day(Collection<UUID> restaurants, LocalDate date) {
        Map<UUID, List<ServicePeriod>> periods = new HashMap<>();
        db.select(RESTAURANT_SERVICE_PERIOD.RESTAURANT_ID, RESTAURANT_SERVICE_PERIOD.WEEKDAY,
                        RESTAURANT_SERVICE_PERIOD.OPENS, RESTAURANT_SERVICE_PERIOD.CLOSES)
                .from(RESTAURANT_SERVICE_PERIOD).where(RESTAURANT_SERVICE_PERIOD.RESTAURANT_ID.in(restaurants))
                .forEach(r -> periods.computeIfAbsent(r.value1(), k -> new ArrayList<>())
                        .add(new ServicePeriod(r.value2(), r.value3(), r.value4())));
        Map<UUID, Set<LocalDate>> closed = new HashMap<>();
        db.select(RESTAURANT_CLOSED_DATE.RESTAURANT_ID, RESTAURANT_CLOSED_DATE.DAY).from(RESTAURANT_CLOSED_DATE)
                .where(RESTAURANT_CLOSED_DATE.RESTAURANT_ID.in(restaurants))
                .and(RESTAURANT_CLOSED_DATE.DAY.between(date.minusDays(1), date))
                .forEach(r -> closed.computeIfAbsent(r.value1(), k -> new HashSet<>()).add(r.value2()));
        Map<UUID, List<SeatingDuration>> durations = new HashMap<>();
        db.select(RESTAURANT_SEATING_DURATION.RESTAURANT_ID, RESTAURANT_SEATING_DURATION.UP_TO_PARTY_SIZE,
                        RESTAURANT_SEATING_DURATION.MINUTES).from(RESTAURANT_SEATING_DURATION)
                .where(RESTAURANT_SEATING_DURATION.RESTAURANT_ID.in(restaurants))
                .forEach(r -> durations.computeIfAbsent(r.value1(), k -> new ArrayList<>())
                        .add(new SeatingDuration(r.value2(), r.value3())));
        Map<UUID, List<TableTimes.Busy>> busy = busy(restaurants, date);
        Map<UUID, List<TableTimes>> tables = new HashMap<>();
        db.select(RESTAURANT_TABLE.RESTAURANT_ID, RESTAURANT_TABLE.ID, RESTAURANT_TABLE.MIN_PARTY,
                        RESTAURANT_TABLE.MAX_PARTY).from(RESTAURANT_TABLE)
                .where(RESTAURANT_TABLE.RESTAURANT_ID.in(restaurants)).and(RESTAURANT_TABLE.REMOVED.isFalse())
                .forEach(r -> tables.computeIfAbsent(r.value1(), k -> new ArrayList<>()).add(new TableTimes(r.value2(),
                        r.value3(), r.value4(), busy.getOrDefault(r.value2(), List.of()))));
        Map<UUID, Day> days = new LinkedHashMap<>();
        db.select(RESTAURANT.ID, RESTAURANT.TIME_ZONE, RESTAURANT.SLOT_MINUTES).from(RESTAURANT)
                .where(RESTAURANT.ID.in(restaurants))
                .forEach(r -> days.put(r.value1(), new Day(new DiningRules(ZoneId.of(r.value2()), r.value3(),
                        periods.getOrDefault(r.value1(), List.of()), closed.getOrDefault(r.value1(), Set.of()),
                        durations.getOrDefault(r.value1(), List.of())), tables.getOrDefault(r.value1(), List.of()))));
        return days;
    }

    /**
     * The taken ranges of the restaurants' tables that can meet a party on {@code date}, by table: the local day is
     * within UTC-12 to UTC+14, and a party keeps its table at most 8 hours.
     */
    private Map<UUID, List<TableTimes.Busy>> busy(Collection<UUID> restaurants, LocalDate date) {
        var from = date.minusDays(1).atStartOfDay().atOffset(ZoneOffset.UTC);
        var to = date.plusDays(2).atStartOfDay().atOffset(ZoneOffset.UTC);
        Map<UUID, List<TableTimes.Busy>> busy = new HashMap<>();
        db.select(RESTAURANT_TABLE_BUSY.TABLE_ID, RESTAURANT_TABLE_BUSY.STARTS_AT, RESTAURANT_TABLE_BUSY.ENDS_AT)
                .from(RESTAURANT_TABLE_BUSY)
                .where(RESTAURANT_TABLE_BUSY.RESTAURANT_ID.in(restaurants)).and(RESTAURANT_TABLE_BUSY.TAKEN.isTrue())
                .and(RESTAURANT_TABLE_BUSY.STARTS_AT.lt(to)).and(RESTAURANT_TABLE_BUSY.ENDS_AT.gt(from))
                .forEach(r -> busy.computeIfAbsent(r.value1(), k -> new ArrayList<>())
                        .add(new TableTimes.Busy(r.value2().toInstant(), r.value3().toInstant())));
        return busy;
    }
}
