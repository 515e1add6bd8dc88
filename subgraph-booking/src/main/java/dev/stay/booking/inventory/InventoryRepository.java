package dev.stay.booking.inventory;

import static dev.stay.booking.db.Tables.INVENTORY_NIGHT;
import static dev.stay.booking.db.Tables.PROPERTY;
import static dev.stay.booking.db.Tables.UNIT_TYPE;
import static org.jooq.Records.mapping;
import static org.jooq.impl.DSL.coalesce;
import static org.jooq.impl.DSL.field;
import static org.jooq.impl.DSL.inline;
import static org.jooq.impl.DSL.name;
import static org.jooq.impl.DSL.row;
import static org.jooq.impl.DSL.excluded;
import static org.jooq.impl.DSL.select;
import static org.jooq.impl.DSL.val;
import static org.jooq.impl.DSL.values;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Row1;
import org.jooq.Table;
import org.springframework.stereotype.Repository;

@Repository
class InventoryRepository {

    /** The catalog's status of a property that is on sale. */
    static final String PUBLISHED = "PUBLISHED";

    private final DSLContext db;

    InventoryRepository(DSLContext db) {
        this.db = db;
    }

    /**
     * What a room type is sold under: its hotel, the hotel's owner, time zone and currency, and whether the owner
     * removed it (it stays, for what was booked, but is no longer sold).
     */
    record SaleTerms(UUID propertyId, UUID ownerId, ZoneId zone, String currency, boolean removed) {}

    Optional<SaleTerms> termsOf(UUID unitTypeId) {
        return db.select(PROPERTY.ID, PROPERTY.OWNER_ID, PROPERTY.TIME_ZONE.convertFrom(ZoneId::of), PROPERTY.CURRENCY,
                        UNIT_TYPE.ACTIVE.isFalse())
                .from(UNIT_TYPE)
                .join(PROPERTY).on(PROPERTY.ID.eq(UNIT_TYPE.PROPERTY_ID))
                .where(UNIT_TYPE.ID.eq(unitTypeId))
                .fetchOptional(mapping(SaleTerms::new));
    }

    /**
     * Locks the existing nights of the range in date order, for the rest of the transaction.
     *
     * @return the most rooms booked on any of those nights
     */
    int lockNights(UUID unitTypeId, LocalDate from, LocalDate to) {
        return db.select(INVENTORY_NIGHT.TAKEN_UNITS)
                .from(INVENTORY_NIGHT)
                .where(INVENTORY_NIGHT.UNIT_TYPE_ID.eq(unitTypeId))
                .and(INVENTORY_NIGHT.NIGHT.between(from, to))
                .orderBy(INVENTORY_NIGHT.NIGHT)
                .forUpdate()
                .fetch(INVENTORY_NIGHT.TAKEN_UNITS)
                .stream().mapToInt(Integer::intValue).max().orElse(0);
    }

    /**
     * The rooms free and the price of the given nights of a room type as they stand in this transaction (nights
     * without a row are left out: nothing was taken or given back there). Read after the nights were locked and
     * changed, so what it says is what the transaction commits.
     */
    Optional<RoomsChanged> roomsOf(UUID unitTypeId, Collection<LocalDate> nights, List<NightOnSale> sale, Instant at) {
        var rows = db.select(UNIT_TYPE.PROPERTY_ID, PROPERTY.CURRENCY, INVENTORY_NIGHT.NIGHT,
                        coalesce(INVENTORY_NIGHT.TOTAL_UNITS, UNIT_TYPE.DEFAULT_UNITS).minus(INVENTORY_NIGHT.TAKEN_UNITS),
                        coalesce(INVENTORY_NIGHT.PRICE, UNIT_TYPE.BASE_PRICE))
                .from(INVENTORY_NIGHT)
                .join(UNIT_TYPE).on(UNIT_TYPE.ID.eq(INVENTORY_NIGHT.UNIT_TYPE_ID))
                .join(PROPERTY).on(PROPERTY.ID.eq(UNIT_TYPE.PROPERTY_ID))
                .where(INVENTORY_NIGHT.UNIT_TYPE_ID.eq(unitTypeId))
                .and(INVENTORY_NIGHT.NIGHT.in(nights))
                .orderBy(INVENTORY_NIGHT.NIGHT)
                .fetch();
        if (rows.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new RoomsChanged(rows.getFirst().value1(), unitTypeId, rows.getFirst().value2(),
                rows.map(r -> new RoomsChanged.Night(r.value3(), r.value4(), r.value5())), sale, at));
    }

    /** Writes the change to every night of its range in one statement, creating the nights that had no row. */
    void set(InventoryChange change) {
        @SuppressWarnings("unchecked")
        Row1<LocalDate>[] rows = change.nights().stream().map(d -> row(d)).toArray(Row1[]::new);
        Table<?> nights = values(rows).as("nights", "night");
        Field<LocalDate> night = field(name("nights", "night"), LocalDate.class);
        db.insertInto(INVENTORY_NIGHT, INVENTORY_NIGHT.UNIT_TYPE_ID, INVENTORY_NIGHT.NIGHT,
                        INVENTORY_NIGHT.TOTAL_UNITS, INVENTORY_NIGHT.PRICE, INVENTORY_NIGHT.CLOSED,
                        INVENTORY_NIGHT.MIN_STAY, INVENTORY_NIGHT.MAX_STAY, INVENTORY_NIGHT.CLOSED_TO_ARRIVAL,
                        INVENTORY_NIGHT.CLOSED_TO_DEPARTURE)
                .select(select(val(change.roomTypeId()), night, val(change.rooms(), INVENTORY_NIGHT.TOTAL_UNITS),
                        val(change.price(), INVENTORY_NIGHT.PRICE),
                        val(Boolean.TRUE.equals(change.closed())),
                        val(change.minStay(), INVENTORY_NIGHT.MIN_STAY), val(change.maxStay(), INVENTORY_NIGHT.MAX_STAY),
                        val(Boolean.TRUE.equals(change.closedToArrival())),
                        val(Boolean.TRUE.equals(change.closedToDeparture())))
                        .from(nights))
                .onConflict(INVENTORY_NIGHT.UNIT_TYPE_ID, INVENTORY_NIGHT.NIGHT)
                .doUpdate()
                .set(INVENTORY_NIGHT.TOTAL_UNITS, change.rooms() == null ? INVENTORY_NIGHT.TOTAL_UNITS
                        : excluded(INVENTORY_NIGHT.TOTAL_UNITS))
                .set(INVENTORY_NIGHT.PRICE, change.price() == null ? INVENTORY_NIGHT.PRICE : excluded(INVENTORY_NIGHT.PRICE))
                .set(INVENTORY_NIGHT.CLOSED, change.closed() == null ? INVENTORY_NIGHT.CLOSED
                        : excluded(INVENTORY_NIGHT.CLOSED))
                .set(INVENTORY_NIGHT.MIN_STAY, change.minStay() == null ? INVENTORY_NIGHT.MIN_STAY
                        : excluded(INVENTORY_NIGHT.MIN_STAY))
                .set(INVENTORY_NIGHT.MAX_STAY, change.maxStay() == null ? INVENTORY_NIGHT.MAX_STAY
                        : excluded(INVENTORY_NIGHT.MAX_STAY))
                .set(INVENTORY_NIGHT.CLOSED_TO_ARRIVAL, change.closedToArrival() == null
                        ? INVENTORY_NIGHT.CLOSED_TO_ARRIVAL : excluded(INVENTORY_NIGHT.CLOSED_TO_ARRIVAL))
                .set(INVENTORY_NIGHT.CLOSED_TO_DEPARTURE, change.closedToDeparture() == null
                        ? INVENTORY_NIGHT.CLOSED_TO_DEPARTURE : excluded(INVENTORY_NIGHT.CLOSED_TO_DEPARTURE))
                .execute();
    }

    /**
     * Whether the change would leave a night of its range with a maximum stay below its minimum, one limit given and
     * the other the night's own or its room type's.
     */
    boolean leavesMaxStayBelowMinStay(InventoryChange change) {
        @SuppressWarnings("unchecked")
        Row1<LocalDate>[] rows = change.nights().stream().map(d -> row(d)).toArray(Row1[]::new);
        Table<?> nights = values(rows).as("nights", "night");
        Field<LocalDate> night = field(name("nights", "night"), LocalDate.class);
        return db.fetchExists(select(night)
                .from(nights)
                .join(UNIT_TYPE).on(UNIT_TYPE.ID.eq(change.roomTypeId()))
                .leftJoin(INVENTORY_NIGHT)
                .on(INVENTORY_NIGHT.UNIT_TYPE_ID.eq(UNIT_TYPE.ID).and(INVENTORY_NIGHT.NIGHT.eq(night)))
                .where(coalesce(val(change.minStay(), INVENTORY_NIGHT.MIN_STAY), INVENTORY_NIGHT.MIN_STAY, UNIT_TYPE.MIN_STAY)
                        .gt(coalesce(val(change.maxStay(), INVENTORY_NIGHT.MAX_STAY), INVENTORY_NIGHT.MAX_STAY,
                                UNIT_TYPE.MAX_STAY))));
    }

    /** A non-refundable policy is stored as no free hours and the whole total kept, whatever was set before. */
    void setCancellationPolicy(UUID unitTypeId, CancellationPolicyChange policy) {
        db.update(UNIT_TYPE)
                .set(UNIT_TYPE.REFUNDABLE, policy.refundable())
                .set(UNIT_TYPE.FREE_CANCELLATION_HOURS, policy.refundable() ? policy.freeCancellationHours() : 0)
                .set(UNIT_TYPE.PENALTY_PERCENT, policy.refundable() ? policy.penaltyPercent() : 100)
                .where(UNIT_TYPE.ID.eq(unitTypeId))
                .execute();
    }

    Optional<ZoneId> zoneOf(UUID propertyId) {
        return db.select(PROPERTY.TIME_ZONE.convertFrom(ZoneId::of))
                .from(PROPERTY)
                .where(PROPERTY.ID.eq(propertyId))
                .fetchOptional(r -> r.value1());
    }

    /**
     * Every night of the stay, and the check-out day (for its closed-to-departure), for every unit type on sale, in
     * one statement: a published property's active unit types; nothing of a draft or suspended property, nor a
     * removed unit type. Inventory is sparse: a night without its own row has the unit type's default rooms, base
     * price and stay limits, and is open.
     */
    List<SaleNight> nights(UUID propertyId, StayRequest stay) {
        @SuppressWarnings("unchecked")
        Row1<LocalDate>[] rows = stay.checkIn().datesUntil(stay.checkOut().plusDays(1)).map(d -> row(d))
                .toArray(Row1[]::new);
        Table<?> stayNights = values(rows).as("stay_nights", "night");
        Field<LocalDate> night = field(name("stay_nights", "night"), LocalDate.class);
        return db.select(
                        UNIT_TYPE.ID, night,
                        coalesce(INVENTORY_NIGHT.TOTAL_UNITS, UNIT_TYPE.DEFAULT_UNITS)
                                .minus(coalesce(INVENTORY_NIGHT.TAKEN_UNITS, inline(0))),
                        coalesce(INVENTORY_NIGHT.PRICE, UNIT_TYPE.BASE_PRICE),
                        coalesce(INVENTORY_NIGHT.CLOSED, inline(false)),
                        coalesce(INVENTORY_NIGHT.MIN_STAY, UNIT_TYPE.MIN_STAY),
                        coalesce(INVENTORY_NIGHT.MAX_STAY, UNIT_TYPE.MAX_STAY),
                        coalesce(INVENTORY_NIGHT.CLOSED_TO_ARRIVAL, inline(false)),
                        coalesce(INVENTORY_NIGHT.CLOSED_TO_DEPARTURE, inline(false)),
                        UNIT_TYPE.MAX_GUESTS, UNIT_TYPE.REFUNDABLE, UNIT_TYPE.FREE_CANCELLATION_HOURS,
                        UNIT_TYPE.PENALTY_PERCENT,
                        PROPERTY.CURRENCY, PROPERTY.TIME_ZONE.convertFrom(ZoneId::of), PROPERTY.CHECK_IN_TIME)
                .from(UNIT_TYPE)
                .join(PROPERTY).on(PROPERTY.ID.eq(UNIT_TYPE.PROPERTY_ID))
                .crossJoin(stayNights)
                .leftJoin(INVENTORY_NIGHT)
                .on(INVENTORY_NIGHT.UNIT_TYPE_ID.eq(UNIT_TYPE.ID).and(INVENTORY_NIGHT.NIGHT.eq(night)))
                .where(UNIT_TYPE.PROPERTY_ID.eq(propertyId))
                .and(UNIT_TYPE.ACTIVE.isTrue())
                .and(PROPERTY.STATUS.eq(PUBLISHED))
                .orderBy(UNIT_TYPE.ID, night)
                .fetch(mapping(SaleNight::new));
    }
}
