package dev.stay.catalog.availability;

import static dev.stay.catalog.db.Tables.AVAILABILITY_NIGHT;
import static dev.stay.catalog.db.Tables.AVAILABILITY_ROOM_TYPE;

import dev.stay.catalog.db.enums.Amenity;
import dev.stay.catalog.db.enums.PropertyStatus;
import dev.stay.catalog.db.tables.records.AvailabilityNightRecord;
import dev.stay.catalog.db.tables.records.AvailabilityRoomTypeRecord;
import dev.stay.catalog.db.tables.records.PropertyRecord;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.UUID;
import java.util.function.UnaryOperator;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;

/** Hotels and their projected room types and nights written straight to the catalog's tables, fresh ids each. */
final class Projected {

    private final DSLContext db;

    Projected(DSLContext db) {
        this.db = db;
    }

    UUID aHotel(PropertyStatus status, String currency, String zone) {
        UUID id = UUID.randomUUID();
        db.executeInsert(new PropertyRecord().setId(id).setOwnerId(UUID.randomUUID()).setStatus(status)
                .setName("Casa Projetada").setDescription("").setStars(3).setStreet("Rua 1").setCity("Porto")
                .setCountry("PT").setLat(41.15).setLon(-8.61).setTimeZone(zone).setCurrency(currency)
                .setAmenities(new Amenity[0]));
        return id;
    }

    UUID aPublishedHotel() {
        return aHotel(PropertyStatus.PUBLISHED, "EUR", "Europe/Lisbon");
    }

    /** A room type on sale: sleeps 2, 5 rooms a night by default, at the base price given (null: unpriced). */
    UUID aRoomType(UUID hotel, String basePrice) {
        return aRoomType(hotel, basePrice, r -> r);
    }

    UUID aRoomType(UUID hotel, String basePrice, UnaryOperator<AvailabilityRoomTypeRecord> adjust) {
        UUID id = UUID.randomUUID();
        db.executeInsert(adjust.apply(new AvailabilityRoomTypeRecord().setUnitTypeId(id).setPropertyId(hotel)
                .setMaxGuests(2).setDefaultUnits(5).setBasePrice(basePrice == null ? null : new BigDecimal(basePrice))
                .setMinStay(1).setActive(true).setVersion(1L)));
        return id;
    }

    /**
     * A night with a row of its own: nothing taken, defaults for the rest, then whatever {@code adjust} sets; its room
     * type's last night with a row follows, as the projection keeps it.
     */
    void aNight(UUID roomType, LocalDate night, UnaryOperator<AvailabilityNightRecord> adjust) {
        db.executeInsert(adjust.apply(new AvailabilityNightRecord().setUnitTypeId(roomType).setNight(night)
                .setTakenUnits(0).setClosed(false).setClosedToArrival(false).setClosedToDeparture(false)
                .setVersion(1L)));
        db.update(AVAILABILITY_ROOM_TYPE)
                .set(AVAILABILITY_ROOM_TYPE.NIGHTS_UNTIL, DSL.greatest(AVAILABILITY_ROOM_TYPE.NIGHTS_UNTIL, DSL.val(night)))
                .where(AVAILABILITY_ROOM_TYPE.UNIT_TYPE_ID.eq(roomType))
                .execute();
    }

    void update(UUID roomType, UnaryOperator<AvailabilityRoomTypeRecord> adjust) {
        AvailabilityRoomTypeRecord record = db.fetchSingle(AVAILABILITY_ROOM_TYPE,
                AVAILABILITY_ROOM_TYPE.UNIT_TYPE_ID.eq(roomType));
        adjust.apply(record).store();
    }

    int nights(UUID roomType) {
        return db.fetchCount(AVAILABILITY_NIGHT, AVAILABILITY_NIGHT.UNIT_TYPE_ID.eq(roomType));
    }
}
