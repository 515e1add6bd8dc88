package dev.stay.seed;

import static dev.stay.booking.db.Tables.PROPERTY;
import static dev.stay.booking.db.Tables.UNIT_TYPE;

import dev.stay.booking.db.tables.records.PropertyRecord;
import dev.stay.booking.db.tables.records.UnitTypeRecord;
import dev.stay.seed.world.DemoWorld;
import dev.stay.seed.world.DemoWorld.Hotel;
import dev.stay.seed.world.DemoWorld.RoomType;
import java.util.ArrayList;
import java.util.List;
import org.jooq.DSLContext;
import org.jooq.Table;

/**
 * Booking's part: what it sells. Each hotel with its owner, time zone, currency and check-in time, each room type
 * priced, with its default rooms and cancellation terms. Inventory stays sparse: no night has a row of its own.
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
        for (DemoWorld.Block block : blocks) {
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
        });
        return properties.size() + unitTypes.size();
    }

    @Override
    public List<Table<?>> tables() {
        return List.of(PROPERTY, UNIT_TYPE);
    }
}
