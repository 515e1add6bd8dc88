package dev.stay.booking.inventory;

import static dev.stay.booking.db.Tables.INVENTORY_NIGHT;
import static dev.stay.booking.db.Tables.UNIT_TYPE;
import static org.jooq.Records.mapping;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jooq.DSLContext;
import org.springframework.stereotype.Repository;

/**
 * Reads what search's projection of availability copies, as stored, with the versions that order it: the rows of
 * some nights of a room type, and the room type's sale defaults. Read in the transaction that changed them, after the
 * change and while it still holds them locked, so what they say is what commits.
 */
@Repository
class SaleStates {

    private final DSLContext db;

    SaleStates(DSLContext db) {
        this.db = db;
    }

    /** The stored rows of these nights, in date order; a night without a row is left out (it has none to copy). */
    List<NightOnSale> nights(UUID unitTypeId, Collection<LocalDate> nights) {
        return db.select(INVENTORY_NIGHT.NIGHT, INVENTORY_NIGHT.TOTAL_UNITS, INVENTORY_NIGHT.TAKEN_UNITS,
                        INVENTORY_NIGHT.PRICE, INVENTORY_NIGHT.CLOSED, INVENTORY_NIGHT.MIN_STAY,
                        INVENTORY_NIGHT.MAX_STAY, INVENTORY_NIGHT.CLOSED_TO_ARRIVAL,
                        INVENTORY_NIGHT.CLOSED_TO_DEPARTURE, INVENTORY_NIGHT.VERSION)
                .from(INVENTORY_NIGHT)
                .where(INVENTORY_NIGHT.UNIT_TYPE_ID.eq(unitTypeId))
                .and(INVENTORY_NIGHT.NIGHT.in(nights))
                .orderBy(INVENTORY_NIGHT.NIGHT)
                .fetch(mapping(NightOnSale::new));
    }

    /** The stored rows of the nights from {@code from} to {@code to}, both included. */
    List<NightOnSale> nights(UUID unitTypeId, LocalDate from, LocalDate to) {
        return nights(unitTypeId, from.datesUntil(to.plusDays(1)).toList());
    }

    Optional<RoomTypeOnSale> roomType(UUID unitTypeId, Instant at) {
        return db.select(UNIT_TYPE.PROPERTY_ID, UNIT_TYPE.ID, UNIT_TYPE.MAX_GUESTS, UNIT_TYPE.DEFAULT_UNITS,
                        UNIT_TYPE.BASE_PRICE, UNIT_TYPE.MIN_STAY, UNIT_TYPE.MAX_STAY, UNIT_TYPE.ACTIVE,
                        UNIT_TYPE.SALE_VERSION)
                .from(UNIT_TYPE)
                .where(UNIT_TYPE.ID.eq(unitTypeId))
                .fetchOptional(r -> new RoomTypeOnSale(r.value1(), r.value2(), r.value3(), r.value4(), r.value5(),
                        r.value6(), r.value7(), r.value8(), r.value9(), at));
    }
}
