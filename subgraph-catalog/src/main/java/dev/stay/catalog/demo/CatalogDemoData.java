package dev.stay.catalog.demo;

import static dev.stay.catalog.db.Tables.PROPERTY;
import static dev.stay.catalog.db.Tables.PROPERTY_PHOTO;
import static dev.stay.catalog.db.Tables.UNIT_TYPE;

import dev.stay.catalog.db.enums.Amenity;
import dev.stay.catalog.db.enums.PropertyStatus;
import dev.stay.catalog.db.tables.records.PropertyPhotoRecord;
import dev.stay.catalog.db.tables.records.PropertyRecord;
import dev.stay.catalog.db.tables.records.UnitTypeRecord;
import dev.stay.common.demo.DemoWorld;
import java.util.ArrayList;
import java.util.List;
import org.jooq.DSLContext;
import org.jooq.TableRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** Loads the demo hotels into an empty catalog ({@code STAY_DEMO_DATA=true}); a catalog with data is left alone. */
@Component
@ConditionalOnBooleanProperty("stay.demo-data")
class CatalogDemoData implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(CatalogDemoData.class);

    private final DSLContext db;

    CatalogDemoData(DSLContext db) {
        this.db = db;
    }

    @Override
    @Transactional
    public void run(ApplicationArguments args) {
        if (db.fetchExists(PROPERTY)) {
            return;
        }
        List<TableRecord<?>> rows = new ArrayList<>();
        for (DemoWorld.Hotel hotel : DemoWorld.small().hotels()) {
            rows.add(new PropertyRecord()
                    .setId(hotel.id()).setOwnerId(hotel.ownerId()).setStatus(PropertyStatus.PUBLISHED)
                    .setName(hotel.name()).setDescription(hotel.description()).setStars(hotel.stars())
                    .setStreet(hotel.street()).setCity(hotel.city().name()).setRegion(hotel.city().region())
                    .setCountry(hotel.city().country()).setPostalCode(hotel.postalCode())
                    .setLat(hotel.lat()).setLon(hotel.lon()).setTimeZone(hotel.city().timeZone())
                    .setCurrency(hotel.city().currency()).setAmenities(amenities(hotel.amenities())));
            for (int p = 0; p < hotel.photoUrls().size(); p++) {
                rows.add(new PropertyPhotoRecord(hotel.id(), p, hotel.photoUrls().get(p),
                        p == 0 ? hotel.name() : null));
            }
            int position = 0;
            for (DemoWorld.RoomType room : hotel.roomTypes()) {
                rows.add(new UnitTypeRecord()
                        .setId(room.id()).setPropertyId(hotel.id()).setPosition(position++)
                        .setName(room.name()).setDescription(room.description())
                        .setMaxAdults(room.maxAdults()).setMaxChildren(room.maxChildren()).setBeds(room.beds())
                        .setSizeSqm(room.sizeSqm()).setAmenities(amenities(room.amenities()))
                        .setDefaultUnits(room.defaultRooms()));
            }
        }
        db.batchInsert(rows).execute();
        log.info("demo catalog loaded: {} hotels", DemoWorld.small().hotels().size());
    }

    private static Amenity[] amenities(List<String> names) {
        return names.stream().map(Amenity::valueOf).toArray(Amenity[]::new);
    }
}
