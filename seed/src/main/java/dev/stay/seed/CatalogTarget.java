package dev.stay.seed;

import static dev.stay.catalog.db.Tables.AVAILABILITY_ROOM_TYPE;
import static dev.stay.catalog.db.Tables.PROPERTY;
import static dev.stay.catalog.db.Tables.PROPERTY_PHOTO;
import static dev.stay.catalog.db.Tables.PROPERTY_RATING;
import static dev.stay.catalog.db.Tables.UNIT_TYPE;
import static dev.stay.catalog.db.Tables.UNIT_TYPE_PHOTO;

import dev.stay.catalog.db.enums.Amenity;
import dev.stay.catalog.db.enums.PropertyStatus;
import dev.stay.catalog.db.tables.records.AvailabilityRoomTypeRecord;
import dev.stay.catalog.db.tables.records.PropertyPhotoRecord;
import dev.stay.catalog.db.tables.records.PropertyRatingRecord;
import dev.stay.catalog.db.tables.records.PropertyRecord;
import dev.stay.catalog.db.tables.records.UnitTypePhotoRecord;
import dev.stay.catalog.db.tables.records.UnitTypeRecord;
import dev.stay.seed.world.DemoWorld;
import dev.stay.seed.world.DemoWorld.Hotel;
import dev.stay.seed.world.DemoWorld.Photo;
import dev.stay.seed.world.DemoWorld.RoomType;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.SplittableRandom;
import java.util.List;
import org.jooq.DSLContext;
import org.jooq.Table;

/**
 * The catalog's part: published hotels with their photos, room types and room type photos, and search's projection of
 * what booking sells of them (availability/): each room type's sale defaults as {@link BookingTarget} writes them, at
 * booking's first sale version, so the projection equals booking's inventory from the start; nights stay sparse.
 * The batch's restaurants go in the same transaction ({@link CatalogRestaurantRows}).
 */
final class CatalogTarget implements Target {

    private final DSLContext db;

    CatalogTarget(DSLContext db) {
        this.db = db;
    }

    @Override
    public String name() {
        return "catalog";
    }

    @Override
    public boolean holds(int hotel, int owner) {
        return db.fetchExists(PROPERTY, PROPERTY.ID.eq(DemoWorld.hotelId(hotel)));
    }

    @Override
    public long write(List<DemoWorld.Block> blocks) {
        List<PropertyRecord> properties = new ArrayList<>();
        List<PropertyPhotoRecord> photos = new ArrayList<>();
        List<UnitTypeRecord> unitTypes = new ArrayList<>();
        List<UnitTypePhotoRecord> unitTypePhotos = new ArrayList<>();
        List<AvailabilityRoomTypeRecord> onSale = new ArrayList<>();
        List<PropertyRatingRecord> ratings = new ArrayList<>();
        CatalogRestaurantRows restaurants = new CatalogRestaurantRows();
        for (DemoWorld.Block block : blocks) {
            block.restaurants().forEach(restaurants::add);
            for (Hotel hotel : block.hotels()) {
                properties.add(property(hotel));
                PropertyRatingRecord rating = rating(hotel);
                if (rating != null) ratings.add(rating);
                for (int p = 0; p < hotel.photos().size(); p++) {
                    Photo photo = hotel.photos().get(p);
                    photos.add(new PropertyPhotoRecord(hotel.id(), p, photo.url(), photo.caption()));
                }
                for (int position = 0; position < hotel.roomTypes().size(); position++) {
                    RoomType room = hotel.roomTypes().get(position);
                    unitTypes.add(unitType(hotel, position, room));
                    onSale.add(onSale(hotel, room));
                    for (int p = 0; p < room.photos().size(); p++) {
                        Photo photo = room.photos().get(p);
                        unitTypePhotos.add(new UnitTypePhotoRecord(room.id(), p, photo.url(), photo.caption()));
                    }
                }
            }
        }
        long restaurantRows = db.transactionResult(tx -> {
            Inserts.insert(tx.dsl(), properties);
            Inserts.insert(tx.dsl(), photos);
            Inserts.insert(tx.dsl(), unitTypes);
            Inserts.insert(tx.dsl(), unitTypePhotos);
            Inserts.insert(tx.dsl(), onSale);
            Inserts.insert(tx.dsl(), ratings);
            return restaurants.insert(tx.dsl());
        });
        return restaurantRows + properties.size() + photos.size() + unitTypes.size() + unitTypePhotos.size() + onSale.size()
                + ratings.size();
    }

    @Override
    public List<Table<?>> tables() {
        List<Table<?>> tables = new ArrayList<>(List.of(PROPERTY, PROPERTY_PHOTO, UNIT_TYPE, UNIT_TYPE_PHOTO,
                AVAILABILITY_ROOM_TYPE, PROPERTY_RATING));
        tables.addAll(CatalogRestaurantRows.TABLES);
        return tables;
    }

    private static PropertyRecord property(Hotel hotel) {
        return new PropertyRecord()
                .setId(hotel.id()).setOwnerId(hotel.ownerId()).setStatus(PropertyStatus.PUBLISHED)
                .setName(hotel.name()).setDescription(hotel.description()).setStars(hotel.stars())
                .setStreet(hotel.street()).setCity(hotel.city().name()).setRegion(hotel.city().region())
                .setCountry(hotel.city().country()).setPostalCode(hotel.postalCode())
                .setLat(hotel.lat()).setLon(hotel.lon()).setTimeZone(hotel.city().timeZone())
                .setCurrency(hotel.city().currency()).setAmenities(amenities(hotel.amenities()))
                .setCheckInTime(hotel.checkInTime()).setCheckOutTime(hotel.checkOutTime());
    }

    /**
     * What guests think of it, for search to filter and sort on, drawn from the hotel's id (so the same on every
     * machine): one hotel in ten not rated yet, the others 5 to 10 (the reviews' scale) leaning with the stars, each aspect near it, with 3 to 1,200
     * reviews.
     */
    static PropertyRatingRecord rating(Hotel hotel) {
        SplittableRandom random = new SplittableRandom(hotel.id().getLeastSignificantBits());
        if (random.nextInt(10) == 0) {
            return null;
        }
        double average = Math.min(10.0, 5.0 + hotel.stars() * 0.6 + random.nextDouble() * 2.4);
        return new PropertyRatingRecord().setPropertyId(hotel.id()).setAverage(score(average))
                .setReviewCount(3 + random.nextInt(1_198))
                .setCleanliness(aspect(average, random)).setLocation(aspect(average, random))
                .setService(aspect(average, random)).setValue(aspect(average, random));
    }

    /** An aspect's average near the overall one, within the reviews' scale. */
    private static BigDecimal aspect(double average, SplittableRandom random) {
        return score(Math.max(1.0, Math.min(10.0, average - 0.8 + random.nextDouble() * 1.6)));
    }

    private static BigDecimal score(double value) {
        return BigDecimal.valueOf(value).setScale(2, RoundingMode.HALF_UP);
    }

    private static UnitTypeRecord unitType(Hotel hotel, int position, RoomType room) {
        return new UnitTypeRecord()
                .setId(room.id()).setPropertyId(hotel.id()).setPosition(position)
                .setName(room.name()).setDescription(room.description())
                .setMaxAdults(room.maxAdults()).setMaxChildren(room.maxChildren()).setBeds(room.beds())
                .setSizeSqm(room.sizeSqm()).setAmenities(amenities(room.amenities()))
                .setDefaultUnits(room.defaultRooms());
    }

    /** As booking's unit type: sold, priced, its party the adults and children together, no stay limits of its own. */
    private static AvailabilityRoomTypeRecord onSale(Hotel hotel, RoomType room) {
        return new AvailabilityRoomTypeRecord()
                .setUnitTypeId(room.id()).setPropertyId(hotel.id())
                .setMaxGuests(room.maxAdults() + room.maxChildren()).setDefaultUnits(room.defaultRooms())
                .setBasePrice(room.basePrice()).setMinStay(1).setMaxStay(null).setActive(true)
                .setVersion(BookingTarget.FIRST_SALE_VERSION);
    }

    private static Amenity[] amenities(List<String> names) {
        return names.stream().map(Amenity::valueOf).toArray(Amenity[]::new);
    }
}
