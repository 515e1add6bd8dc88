package dev.stay.seed;

import static dev.stay.catalog.db.Tables.RESTAURANT;
import static dev.stay.catalog.db.Tables.RESTAURANT_CLOSED_DATE;
import static dev.stay.catalog.db.Tables.RESTAURANT_PHOTO;
import static dev.stay.catalog.db.Tables.RESTAURANT_SEATING_DURATION;
import static dev.stay.catalog.db.Tables.RESTAURANT_SERVICE_PERIOD;
import static dev.stay.catalog.db.Tables.RESTAURANT_TABLE;

import dev.stay.catalog.db.enums.Cuisine;
import dev.stay.catalog.db.enums.PropertyStatus;
import dev.stay.catalog.db.enums.TableArea;
import dev.stay.catalog.db.tables.records.RestaurantClosedDateRecord;
import dev.stay.catalog.db.tables.records.RestaurantPhotoRecord;
import dev.stay.catalog.db.tables.records.RestaurantRecord;
import dev.stay.catalog.db.tables.records.RestaurantSeatingDurationRecord;
import dev.stay.catalog.db.tables.records.RestaurantServicePeriodRecord;
import dev.stay.catalog.db.tables.records.RestaurantTableRecord;
import dev.stay.seed.world.DemoWorld;
import dev.stay.seed.world.DemoWorld.Restaurant;
import java.util.ArrayList;
import java.util.List;
import org.jooq.DSLContext;
import org.jooq.Table;

/**
 * The catalog's restaurants of a batch (V16's tables), collected as typed records and written with the batch's hotels,
 * in the same transaction: published, at the catalog's first version ({@link #FIRST_VERSION}), which booking's copy
 * carries as its {@code catalog_version}.
 */
final class CatalogRestaurantRows {

    /** The version of a restaurant nobody has changed: the catalog's column default, copied by booking. */
    static final int FIRST_VERSION = 1;
    static final List<Table<?>> TABLES = List.of(RESTAURANT, RESTAURANT_PHOTO, RESTAURANT_SERVICE_PERIOD,
            RESTAURANT_CLOSED_DATE, RESTAURANT_SEATING_DURATION, RESTAURANT_TABLE);

    private final List<RestaurantRecord> restaurants = new ArrayList<>();
    private final List<RestaurantPhotoRecord> photos = new ArrayList<>();
    private final List<RestaurantServicePeriodRecord> periods = new ArrayList<>();
    private final List<RestaurantClosedDateRecord> closed = new ArrayList<>();
    private final List<RestaurantSeatingDurationRecord> seating = new ArrayList<>();
    private final List<RestaurantTableRecord> tables = new ArrayList<>();

    void add(Restaurant r) {
        restaurants.add(new RestaurantRecord()
                .setId(r.id()).setOwnerId(r.ownerId()).setStatus(PropertyStatus.PUBLISHED)
                .setName(r.name()).setDescription(r.description())
                .setCuisines(r.cuisines().stream().map(Cuisine::valueOf).toArray(Cuisine[]::new))
                .setPriceRange((short) r.priceRange())
                .setStreet(r.street()).setCity(r.city().name()).setRegion(r.city().region())
                .setCountry(r.city().country()).setPostalCode(r.postalCode()).setLat(r.lat()).setLon(r.lon())
                .setTimeZone(r.city().timeZone()).setCurrency(r.city().currency())
                .setSlotMinutes((short) r.slotMinutes()).setDepositPerGuest(r.depositPerGuest())
                .setDepositRefundableHours((short) r.depositRefundableHours()).setVersion(FIRST_VERSION));
        for (int p = 0; p < r.photos().size(); p++) {
            DemoWorld.Photo photo = r.photos().get(p);
            photos.add(new RestaurantPhotoRecord(r.id(), p, photo.url(), photo.caption()));
        }
        r.openingHours().forEach(period -> periods.add(new RestaurantServicePeriodRecord()
                .setRestaurantId(r.id()).setWeekday((short) period.weekday())
                .setOpens(period.opens()).setCloses(period.closes())));
        r.closedDates().forEach(day -> closed.add(new RestaurantClosedDateRecord(r.id(), day)));
        r.seatingDurations().forEach(row -> seating.add(new RestaurantSeatingDurationRecord()
                .setRestaurantId(r.id()).setUpToPartySize((short) row.upToPartySize())
                .setMinutes((short) row.minutes())));
        r.tables().forEach(table -> tables.add(new RestaurantTableRecord()
                .setId(table.id()).setRestaurantId(r.id()).setLabel(table.label())
                .setMinParty((short) table.minParty()).setMaxParty((short) table.maxParty())
                .setArea(TableArea.valueOf(table.area()))));
    }

    /** Writes what was added, in the caller's transaction; returns the rows written. */
    long insert(DSLContext tx) {
        Inserts.insert(tx, restaurants);
        Inserts.insert(tx, photos);
        Inserts.insert(tx, periods);
        Inserts.insert(tx, closed);
        Inserts.insert(tx, seating);
        Inserts.insert(tx, tables);
        return restaurants.size() + photos.size() + periods.size() + closed.size() + seating.size() + tables.size();
    }
}
