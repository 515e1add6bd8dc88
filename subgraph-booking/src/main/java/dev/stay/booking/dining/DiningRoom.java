package dev.stay.booking.dining;

import static dev.stay.booking.db.Tables.RESTAURANT;
import static dev.stay.booking.db.Tables.RESTAURANT_TABLE;
import static dev.stay.booking.db.Tables.TABLE_RESERVATION;

import dev.stay.common.dining.DiningRules;
import dev.stay.common.dining.SeatingDuration;
import dev.stay.common.dining.ServicePeriod;
import dev.stay.common.dining.TableTimes;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;
import org.jooq.DSLContext;
import org.jooq.Record;
import org.springframework.stereotype.Repository;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * A restaurant as its tables are sold: its terms and rules (booking's copy of the catalog's) and its active tables
 * with the times they are taken. {@link #lock} is where every reservation of a restaurant lines up.
 */
@Repository
class DiningRoom {

    /** A reservation holds its table in these statuses (the exclusion constraint's too). */
    static final List<String> HOLDING = List.of("HELD", "CONFIRMED", "SEATED");

    record Terms(UUID id, UUID ownerId, String status, String currency, BigDecimal depositPerGuest,
                 int depositRefundableHours, DiningRules rules) {

        boolean takesReservations() {
            return "PUBLISHED".equals(status);
        }

        /** depositPerGuest times the party, in the currency's own decimals. */
        BigDecimal depositFor(int partySize) {
            int digits = Math.max(java.util.Currency.getInstance(currency).getDefaultFractionDigits(), 0);
            return depositPerGuest.multiply(BigDecimal.valueOf(partySize))
                    .setScale(digits, java.math.RoundingMode.HALF_EVEN);
        }
    }

    private final DSLContext db;
    private final JsonMapper json;

    DiningRoom(DSLContext db, JsonMapper json) {
        this.db = db;
        this.json = json;
    }

    Optional<Terms> terms(UUID restaurantId) {
        return db.selectFrom(RESTAURANT).where(RESTAURANT.ID.eq(restaurantId)).fetchOptional(this::toTerms);
    }

    /** The restaurant's terms, its row locked until the transaction ends: reservations of it are made one by one. */
    Optional<Terms> lock(UUID restaurantId) {
        return db.selectFrom(RESTAURANT).where(RESTAURANT.ID.eq(restaurantId)).forUpdate().fetchOptional(this::toTerms);
    }

    /**
     * The active tables and, for each, the times its reservations hold it around {@code day} (a day either side, for
     * periods crossing midnight and long seatings), leaving out the reservation {@code except} (one being changed).
     */
    List<TableTimes> tables(UUID restaurantId, LocalDate day, ZoneId zone, UUID except) {
        OffsetDateTime from = day.minusDays(1).atStartOfDay(zone).toOffsetDateTime();
        OffsetDateTime to = day.plusDays(2).atStartOfDay(zone).toOffsetDateTime();
        Map<UUID, List<TableTimes.Busy>> busy = db.select(TABLE_RESERVATION.TABLE_ID, TABLE_RESERVATION.STARTS_AT,
                        TABLE_RESERVATION.ENDS_AT)
                .from(TABLE_RESERVATION)
                .where(TABLE_RESERVATION.RESTAURANT_ID.eq(restaurantId))
                .and(TABLE_RESERVATION.STATUS.in(HOLDING))
                .and(TABLE_RESERVATION.STARTS_AT.lt(to)).and(TABLE_RESERVATION.ENDS_AT.gt(from))
                .and(except == null ? org.jooq.impl.DSL.noCondition() : TABLE_RESERVATION.ID.ne(except)
                        .and(TABLE_RESERVATION.CHANGE_OF.isNull().or(TABLE_RESERVATION.CHANGE_OF.ne(except))))
                .fetch().stream()
                .collect(Collectors.groupingBy(r -> r.value1(), Collectors.mapping(
                        r -> new TableTimes.Busy(r.value2().toInstant(), r.value3().toInstant()), Collectors.toList())));
        return db.selectFrom(RESTAURANT_TABLE)
                .where(RESTAURANT_TABLE.RESTAURANT_ID.eq(restaurantId)).and(RESTAURANT_TABLE.ACTIVE)
                .orderBy(RESTAURANT_TABLE.ID)
                .fetch(t -> new TableTimes(t.getId(), t.getMinParty(), t.getMaxParty(),
                        busy.getOrDefault(t.getId(), List.of())));
    }

    private Terms toTerms(Record r) {
        DiningRules rules = new DiningRules(ZoneId.of(r.get(RESTAURANT.TIME_ZONE)), r.get(RESTAURANT.SLOT_MINUTES),
                json.readValue(r.get(RESTAURANT.SERVICE_PERIODS).data(), new TypeReference<List<ServicePeriod>>() {}),
                new HashSet<>(json.readValue(r.get(RESTAURANT.CLOSED_DATES).data(),
                        new TypeReference<List<LocalDate>>() {})),
                json.readValue(r.get(RESTAURANT.SEATING_DURATIONS).data(),
                        new TypeReference<List<SeatingDuration>>() {}));
        return new Terms(r.get(RESTAURANT.ID), r.get(RESTAURANT.OWNER_ID), r.get(RESTAURANT.STATUS),
                r.get(RESTAURANT.CURRENCY), r.get(RESTAURANT.DEPOSIT_PER_GUEST),
                r.get(RESTAURANT.DEPOSIT_REFUNDABLE_HOURS), rules);
    }
}
