package dev.stay.catalog.property;

import static dev.stay.catalog.db.Tables.PROPERTY;
import static dev.stay.catalog.db.Tables.PROPERTY_PHOTO;
import static dev.stay.catalog.db.Tables.UNIT_TYPE;
import static dev.stay.catalog.db.Tables.UNIT_TYPE_PHOTO;
import static org.jooq.Records.mapping;
import static org.jooq.impl.DSL.multiset;
import static org.jooq.impl.DSL.row;
import static org.jooq.impl.DSL.select;

import dev.stay.catalog.db.enums.PropertyStatus;
import java.util.Collection;
import java.util.List;
import java.util.UUID;
import dev.stay.catalog.db.tables.Property;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Record10;
import org.jooq.SelectJoinStep;
import org.springframework.stereotype.Repository;

/**
 * Reads hotels with their photos and room types in one statement (nested multisets), so a page of
 * hotels, or an {@code _entities} batch from the router, costs one round trip whatever its size.
 */
@Repository
class HotelRepository {

    private final DSLContext db;

    HotelRepository(DSLContext db) {
        this.db = db;
    }

    /** Hotels in any status: callers decide who may see which (see {@link Hotel#visibleTo}). */
    List<Hotel> findAll(Collection<UUID> ids) {
        return hotels().where(PROPERTY.ID.in(ids)).fetch(mapping(Hotel::new));
    }

    /** An owner's hotels, newest first, {@code limit} of them after the one with id {@code after} (null: from the top). */
    List<Hotel> findByOwner(UUID ownerId, int limit, UUID after) {
        Condition mine = PROPERTY.OWNER_ID.eq(ownerId);
        if (after != null) {
            Property previous = PROPERTY.as("previous");
            mine = mine.and(row(PROPERTY.CREATED_AT, PROPERTY.ID).lt(select(previous.CREATED_AT, previous.ID)
                    .from(previous).where(previous.ID.eq(after).and(previous.OWNER_ID.eq(ownerId)))));
        }
        return hotels().where(mine).orderBy(PROPERTY.CREATED_AT.desc(), PROPERTY.ID.desc()).limit(limit)
                .fetch(mapping(Hotel::new));
    }

    private org.jooq.SelectJoinStep<org.jooq.Record17<UUID, String, String, Integer, Hotel.Address, Hotel.GeoPoint,
            String, String, List<dev.stay.catalog.db.enums.Amenity>, List<Hotel.Photo>, List<RoomType>, Hotel.UserRef,
            java.time.LocalTime, java.time.LocalTime, String, PropertyStatus, Integer>> hotels() {
        return db.select(
                        PROPERTY.ID, PROPERTY.NAME, PROPERTY.DESCRIPTION, PROPERTY.STARS,
                        row(PROPERTY.STREET, PROPERTY.CITY, PROPERTY.REGION, PROPERTY.COUNTRY, PROPERTY.POSTAL_CODE)
                                .mapping(Hotel.Address::new),
                        row(PROPERTY.LAT, PROPERTY.LON).mapping(Hotel.GeoPoint::new),
                        PROPERTY.TIME_ZONE, PROPERTY.CURRENCY,
                        PROPERTY.AMENITIES.convertFrom(List::of),
                        multiset(select(PROPERTY_PHOTO.URL, PROPERTY_PHOTO.CAPTION)
                                .from(PROPERTY_PHOTO)
                                .where(PROPERTY_PHOTO.PROPERTY_ID.eq(PROPERTY.ID))
                                .orderBy(PROPERTY_PHOTO.POSITION))
                                .convertFrom(r -> r.map(mapping(Hotel.Photo::new))),
                        multiset(roomTypes().where(UNIT_TYPE.PROPERTY_ID.eq(PROPERTY.ID)).and(UNIT_TYPE.REMOVED.isFalse())
                                        .orderBy(UNIT_TYPE.POSITION))
                                .convertFrom(r -> r.map(mapping(RoomType::new))),
                        PROPERTY.OWNER_ID.convertFrom(Hotel.UserRef::new),
                        PROPERTY.CHECK_IN_TIME, PROPERTY.CHECK_OUT_TIME, PROPERTY.HOUSE_RULES, PROPERTY.STATUS,
                        PROPERTY.VERSION)
                .from(PROPERTY);
    }

    /**
     * The room types asked for through {@code _entities}, removed ones included: a removed room type still names what
     * was booked, and booking may offer one it has not yet heard was removed. Answering null there would null the
     * offer's non-null {@code roomType}, and with it the whole {@code availability} list and the hotel.
     */
    List<RoomType> findRoomTypes(Collection<UUID> ids) {
        return roomTypes().where(UNIT_TYPE.ID.in(ids)).fetch(mapping(RoomType::new));
    }

    /** Room types with their photos; callers narrow it down (the hotel page to those still on sale). */
    private SelectJoinStep<Record10<UUID, String, String, Integer, Integer, String, Integer,
            List<dev.stay.catalog.db.enums.Amenity>, List<Hotel.Photo>, Integer>> roomTypes() {
        Field<List<Hotel.Photo>> photos = multiset(select(UNIT_TYPE_PHOTO.URL, UNIT_TYPE_PHOTO.CAPTION)
                .from(UNIT_TYPE_PHOTO)
                .where(UNIT_TYPE_PHOTO.UNIT_TYPE_ID.eq(UNIT_TYPE.ID))
                .orderBy(UNIT_TYPE_PHOTO.POSITION))
                .convertFrom(r -> r.map(mapping(Hotel.Photo::new)));
        return db.select(UNIT_TYPE.ID, UNIT_TYPE.NAME, UNIT_TYPE.DESCRIPTION, UNIT_TYPE.MAX_ADULTS,
                        UNIT_TYPE.MAX_CHILDREN, UNIT_TYPE.BEDS, UNIT_TYPE.SIZE_SQM,
                        UNIT_TYPE.AMENITIES.convertFrom(List::of), photos, UNIT_TYPE.DEFAULT_UNITS)
                .from(UNIT_TYPE);
    }
}
