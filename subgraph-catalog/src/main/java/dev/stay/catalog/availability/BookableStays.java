package dev.stay.catalog.availability;

import static dev.stay.catalog.db.Tables.AVAILABILITY_NIGHT;
import static dev.stay.catalog.db.Tables.AVAILABILITY_ROOM_TYPE;
import static dev.stay.catalog.db.Tables.PROPERTY;
import static org.jooq.impl.DSL.any;
import static org.jooq.impl.DSL.boolOr;
import static org.jooq.impl.DSL.coalesce;
import static org.jooq.impl.DSL.count;
import static org.jooq.impl.DSL.field;
import static org.jooq.impl.DSL.inline;
import static org.jooq.impl.DSL.lateral;
import static org.jooq.impl.DSL.max;
import static org.jooq.impl.DSL.min;
import static org.jooq.impl.DSL.not;
import static org.jooq.impl.DSL.select;
import static org.jooq.impl.DSL.sum;
import static org.jooq.impl.DSL.val;

import dev.stay.catalog.db.enums.PropertyStatus;
import dev.stay.common.money.Currencies;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Record3;
import org.jooq.ResultQuery;
import org.jooq.Table;
import org.springframework.stereotype.Component;

/**
 * What a dated search may show, from the projection of booking's inventory ({@link AvailabilityProjection}), by the
 * rules of booking's {@code Hotel.availability} (its {@code SaleRules}): a room type is offered for a stay when the
 * property is published, the room type is sold (active), one room sleeps the party's share, every night is priced
 * (its own price, else the base price), open, with the rooms asked for free, the arrival night is open to arrival and
 * allows a stay of this length, and the check-out day is open to departure; the stay itself is one availability
 * answers (at most {@value StayRules#MAX_NIGHTS} nights, {@value StayRules#MAX_ROOMS} rooms, from today where the
 * property is to {@value StayRules#MAX_DAYS_AHEAD} days ahead). Booking re-checks all of it in its own transaction.
 */
@Component
public class BookableStays {

    private final DSLContext db;

    /** Public for tools that read a catalog database without the application (the end-to-end comparison). */
    public BookableStays(DSLContext db) {
        this.db = db;
    }

    /** Of these properties, those that offer a room type for every night of the stay at this party, with the lowest total. */
    public Map<UUID, LowestTotal> lowestTotals(Collection<UUID> propertyIds, StayQuery stay) {
        Objects.requireNonNull(stay, "stay");
        if (propertyIds.isEmpty() || !StayRules.answerable(stay)) {
            return Map.of();
        }
        Map<UUID, LowestTotal> totals = new HashMap<>();
        lowestTotalsQuery(propertyIds, stay).fetch().forEach(r -> totals.put(r.value1(),
                new LowestTotal(r.value1(), rounded(r.value2(), r.value3()), r.value3())));
        return totals;
    }

    /** The one statement of {@link #lowestTotals}, for a stay {@link StayRules#answerable}: id, lowest total, currency. */
    ResultQuery<Record3<UUID, BigDecimal, String>> lowestTotalsQuery(Collection<UUID> propertyIds, StayQuery stay) {
        int nights = StayRules.nights(stay);
        var rt = AVAILABILITY_ROOM_TYPE;
        var n = AVAILABILITY_NIGHT;
        var inStay = n.NIGHT.lt(stay.checkOut());
        var arrival = n.NIGHT.eq(stay.checkIn());
        Field<BigDecimal> nightPrice = coalesce(n.PRICE, rt.BASE_PRICE);
        // the nights of the stay (and the check-out day) that have a row of their own, summed up for one room type
        Table<?> own = lateral(select(
                        count().filterWhere(inStay).as("nights"),
                        sum(nightPrice).filterWhere(inStay).as("price"),
                        count().filterWhere(inStay.and(nightPrice.isNull())).as("unpriced"),
                        min(coalesce(n.TOTAL_UNITS, rt.DEFAULT_UNITS).minus(n.TAKEN_UNITS)).filterWhere(inStay).as("free"),
                        boolOr(n.CLOSED.isTrue()).filterWhere(inStay).as("closed"),
                        boolOr(n.CLOSED_TO_ARRIVAL.isTrue()).filterWhere(arrival).as("cta"),
                        max(n.MIN_STAY).filterWhere(arrival).as("min_stay"),
                        max(n.MAX_STAY).filterWhere(arrival).as("max_stay"),
                        boolOr(n.CLOSED_TO_DEPARTURE.isTrue()).filterWhere(n.NIGHT.eq(stay.checkOut())).as("ctd"))
                .from(n)
                .where(n.UNIT_TYPE_ID.eq(rt.UNIT_TYPE_ID))
                .and(n.NIGHT.between(stay.checkIn(), stay.checkOut()))
                // a room type whose own nights all end before the stay is not looked up (a one-time filter)
                .and(rt.NIGHTS_UNTIL.ge(stay.checkIn())))
                .as("own");
        Field<Integer> ownNights = own.field("nights", Integer.class);
        Field<Integer> minStay = coalesce(own.field("min_stay", Integer.class), rt.MIN_STAY);
        Field<Integer> maxStay = coalesce(own.field("max_stay", Integer.class), rt.MAX_STAY);
        Field<Boolean> closed = own.field("closed", Boolean.class);
        Field<Boolean> cta = own.field("cta", Boolean.class);
        Field<Boolean> ctd = own.field("ctd", Boolean.class);
        // nights without a row have the base price, which they need only when there are such nights
        Field<BigDecimal> total = coalesce(own.field("price", BigDecimal.class), inline(BigDecimal.ZERO))
                .plus(val(nights).minus(ownNights).times(coalesce(rt.BASE_PRICE, inline(BigDecimal.ZERO))))
                .times(stay.rooms());
        // "today" where the property is, as booking's StayRequest reads it
        Field<LocalDate> today = field("(now() at time zone {0})::date", LocalDate.class, PROPERTY.TIME_ZONE);
        return db.select(PROPERTY.ID, min(total), PROPERTY.CURRENCY)
                .from(PROPERTY)
                .join(rt).on(rt.PROPERTY_ID.eq(PROPERTY.ID))
                .crossJoin(own)
                .where(PROPERTY.ID.eq(any(propertyIds.toArray(UUID[]::new))))
                .and(PROPERTY.STATUS.eq(PropertyStatus.PUBLISHED))
                .and(val(stay.checkIn()).between(today, today.plus(StayRules.MAX_DAYS_AHEAD)))
                .and(rt.ACTIVE.isTrue())
                .and(rt.MAX_GUESTS.ge(StayRules.guestsPerRoom(stay)))
                .and(own.field("unpriced", Integer.class).eq(0))
                .and(ownNights.eq(nights).or(rt.BASE_PRICE.isNotNull()))
                .and(coalesce(own.field("free", Integer.class), inline(stay.rooms())).ge(stay.rooms()))
                .and(ownNights.eq(nights).or(rt.DEFAULT_UNITS.ge(stay.rooms())))
                .and(not(coalesce(closed, inline(false))))
                .and(not(coalesce(cta, inline(false))))
                .and(not(coalesce(ctd, inline(false))))
                .and(minStay.le(nights))
                .and(maxStay.isNull().or(maxStay.ge(nights)))
                .groupBy(PROPERTY.ID, PROPERTY.CURRENCY);
    }

    /** Of these properties, the lowest base (undated) price per night among their room types on sale; absent when unpriced. */
    public Map<UUID, BigDecimal> lowestBasePrices(Collection<UUID> propertyIds) {
        if (propertyIds.isEmpty()) {
            return Map.of();
        }
        var rt = AVAILABILITY_ROOM_TYPE;
        Map<UUID, BigDecimal> prices = new HashMap<>();
        db.select(PROPERTY.ID, min(rt.BASE_PRICE), PROPERTY.CURRENCY)
                .from(PROPERTY)
                .join(rt).on(rt.PROPERTY_ID.eq(PROPERTY.ID))
                .where(PROPERTY.ID.eq(any(propertyIds.toArray(UUID[]::new))))
                .and(PROPERTY.STATUS.eq(PropertyStatus.PUBLISHED))
                .and(rt.ACTIVE.isTrue())
                .and(rt.DEFAULT_UNITS.gt(0))
                .and(rt.BASE_PRICE.isNotNull())
                .groupBy(PROPERTY.ID, PROPERTY.CURRENCY)
                .fetch()
                .forEach(r -> prices.put(r.value1(), rounded(r.value2(), r.value3())));
        return prices;
    }

    /** Booking shows an amount with its currency's decimals, rounded half-even. */
    private static BigDecimal rounded(BigDecimal amount, String currency) {
        return amount.setScale(Currencies.digits(currency).orElse(2), RoundingMode.HALF_EVEN);
    }
}
