package dev.stay.catalog.property;

import static dev.stay.catalog.db.Tables.PROPERTY;

import dev.stay.catalog.db.enums.Amenity;
import dev.stay.catalog.db.enums.PropertyStatus;
import dev.stay.catalog.db.tables.records.PropertyPhotoRecord;
import dev.stay.catalog.db.tables.records.PropertyRecord;
import dev.stay.catalog.db.tables.records.UnitTypeRecord;
import java.util.UUID;
import org.jooq.DSLContext;

/** Hotels written straight to the catalog's tables, each with fresh ids so tests never see each other's data. */
final class Fixtures {

    private final DSLContext db;

    Fixtures(DSLContext db) {
        this.db = db;
    }

    record AHotel(UUID id, UUID ownerId, UUID doubleRoom, UUID suite) {}

    /** A published Lisbon hotel, two photos, a double room and a suite (listed suite first by the owner). */
    AHotel aPublishedHotelInLisbon() {
        return aHotel(PropertyStatus.PUBLISHED);
    }

    AHotel aDraftHotel() {
        return aHotel(PropertyStatus.DRAFT);
    }

    private AHotel aHotel(PropertyStatus status) {
        AHotel hotel = new AHotel(UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID());
        db.batchInsert(
                new PropertyRecord().setId(hotel.id()).setOwnerId(hotel.ownerId()).setStatus(status)
                        .setName("Casa do Rio").setDescription("By the river").setStars(4)
                        .setStreet("Rua do Ouro 10").setCity("Lisbon").setRegion("Lisboa").setCountry("PT")
                        .setPostalCode("1100-060").setLat(38.7101).setLon(-9.1372).setTimeZone("Europe/Lisbon")
                        .setCurrency("EUR").setAmenities(new Amenity[] {Amenity.WIFI, Amenity.BREAKFAST}),
                new PropertyPhotoRecord(hotel.id(), 1, "https://img.stay.example/2.jpg", null),
                new PropertyPhotoRecord(hotel.id(), 0, "https://img.stay.example/1.jpg", "Front"),
                new UnitTypeRecord().setId(hotel.suite()).setPropertyId(hotel.id()).setPosition(0)
                        .setName("Suite").setMaxAdults(2).setMaxChildren(2).setBeds("1 king bed")
                        .setAmenities(new Amenity[] {Amenity.BALCONY}).setDefaultUnits(2),
                new UnitTypeRecord().setId(hotel.doubleRoom()).setPropertyId(hotel.id()).setPosition(1)
                        .setName("Double").setMaxAdults(2).setMaxChildren(0).setBeds("1 double bed")
                        .setSizeSqm(18).setAmenities(new Amenity[0]).setDefaultUnits(10))
                .execute();
        return hotel;
    }

    int count() {
        return db.fetchCount(PROPERTY);
    }
}
