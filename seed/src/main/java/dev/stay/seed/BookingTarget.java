package dev.stay.seed;

import static dev.stay.booking.db.Tables.PROPERTY;
import static dev.stay.booking.db.Tables.RESTAURANT;
import static dev.stay.booking.db.Tables.RESTAURANT_TABLE;
import static dev.stay.booking.db.Tables.UNIT_TYPE;

import dev.stay.booking.db.tables.records.PropertyRecord;
import dev.stay.booking.db.tables.records.RestaurantRecord;
import dev.stay.booking.db.tables.records.RestaurantTableRecord;
import dev.stay.booking.db.tables.records.UnitTypeRecord;
import dev.stay.seed.world.DemoWorld;
import dev.stay.seed.world.DemoWorld.Hotel;
import dev.stay.seed.world.DemoWorld.Restaurant;
import dev.stay.seed.world.DemoWorld.RoomType;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import org.jooq.DSLContext;
import org.jooq.JSONB;
import org.jooq.Table;

/**
 * Booking's part: what it sells. Each hotel with its owner, time zone, currency and check-in time, each room type
 * priced, with its default rooms and cancellation terms. Inventory stays sparse: no night has a row of its own.
 * Each restaurant as booking's copy of the catalog's (V46: what its {@code restaurant-changed} would have brought, at
 * the catalog's {@link CatalogRestaurantRows#FIRST_VERSION}) with its tables.
 */
final class BookingTarget implements Target {

    /** The sale version of a room type booking has never changed (its column's default), copied by the catalog. */
    static final long FIRST_SALE_VERSION = 1;

    private final DSLContext db;

    BookingTarget(DSLContext db) {
        this.db = db;
    }

    @Override
    public String name() {
        return "booking";
    }

    @Override
    public boolean holds(int hotel, int owner) {
        return db.fetchExists(PROPERTY, PROPERTY.ID.eq(DemoWorld.hotelId(hotel)));
    }

    @Override
    public long write(List<DemoWorld.Block> blocks) {
        List<PropertyRecord> properties = new ArrayList<>();
        List<UnitTypeRecord> unitTypes = new ArrayList<>();
        List<RestaurantRecord> restaurants = new ArrayList<>();
        List<RestaurantTableRecord> tables = new ArrayList<>();
        for (DemoWorld.Block block : blocks) {
            for (Restaurant restaurant : block.restaurants()) {
                restaurants.add(restaurant(restaurant));
                restaurant.tables().forEach(table -> tables.add(new RestaurantTableRecord().setId(table.id())
                        .setRestaurantId(restaurant.id()).setMinParty(table.minParty()).setMaxParty(table.maxParty())
                        .setActive(true)));
            }
            for (Hotel hotel : block.hotels()) {
                properties.add(new PropertyRecord().setId(hotel.id()).setOwnerId(hotel.ownerId()).setStatus("PUBLISHED")
                        .setTimeZone(hotel.city().timeZone()).setCurrency(hotel.city().currency())
                        .setCheckInTime(hotel.checkInTime()));
                for (RoomType room : hotel.roomTypes()) {
                    unitTypes.add(new UnitTypeRecord().setId(room.id()).setPropertyId(hotel.id())
                            .setMaxGuests(room.maxAdults() + room.maxChildren()).setDefaultUnits(room.defaultRooms())
                            .setBasePrice(room.basePrice()).setFreeCancellationHours(room.freeCancellationHours())
                            .setPenaltyPercent(room.penaltyPercent()).setSaleVersion(FIRST_SALE_VERSION));
                }
            }
        }
        db.transaction(tx -> {
            Inserts.insert(tx.dsl(), properties);
            Inserts.insert(tx.dsl(), unitTypes);
            Inserts.insert(tx.dsl(), restaurants);
            Inserts.insert(tx.dsl(), tables);
        });
        return properties.size() + unitTypes.size() + restaurants.size() + tables.size();
    }

    @Override
    public List<Table<?>> tables() {
        return List.of(PROPERTY, UNIT_TYPE, RESTAURANT, RESTAURANT_TABLE);
    }

    /**
     * The lists as booking's consumer stores them ({@code [{"weekday":1,"opens":"12:00","closes":"15:00"}]},
     * {@code ["2026-12-25"]}, {@code [{"upToPartySize":2,"minutes":90}]}). Written out here because the loader's
     * classpath carries no JSON library, and these values (numbers, HH:MM times, ISO dates) need no escaping.
     */
    private static RestaurantRecord restaurant(Restaurant r) {
        String periods = r.openingHours().stream().map(p -> "{\"weekday\":%d,\"opens\":\"%s\",\"closes\":\"%s\"}"
                .formatted(p.weekday(), p.opens(), p.closes())).collect(Collectors.joining(",", "[", "]"));
        String closed = r.closedDates().stream().map(day -> "\"" + day + "\"").collect(Collectors.joining(",", "[", "]"));
        String seating = r.seatingDurations().stream().map(s -> "{\"upToPartySize\":%d,\"minutes\":%d}"
                .formatted(s.upToPartySize(), s.minutes())).collect(Collectors.joining(",", "[", "]"));
        return new RestaurantRecord().setId(r.id()).setOwnerId(r.ownerId()).setStatus("PUBLISHED")
                .setTimeZone(r.city().timeZone()).setCurrency(r.city().currency()).setSlotMinutes(r.slotMinutes())
                .setDepositPerGuest(r.depositPerGuest()).setDepositRefundableHours(r.depositRefundableHours())
                .setServicePeriods(JSONB.valueOf(periods)).setClosedDates(JSONB.valueOf(closed))
                .setSeatingDurations(JSONB.valueOf(seating)).setCatalogVersion(CatalogRestaurantRows.FIRST_VERSION);
    }
}
