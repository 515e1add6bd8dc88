package dev.stay.booking.demo;

import static dev.stay.booking.db.Tables.PROPERTY;

import dev.stay.booking.db.tables.records.PropertyRecord;
import dev.stay.booking.db.tables.records.UnitTypeRecord;
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

/** Puts the demo hotels' room types on sale ({@code STAY_DEMO_DATA=true}) when booking knows no property yet. */
@Component
@ConditionalOnBooleanProperty("stay.demo-data")
class BookingDemoData implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(BookingDemoData.class);

    private final DSLContext db;

    BookingDemoData(DSLContext db) {
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
            rows.add(new PropertyRecord().setId(hotel.id()).setOwnerId(hotel.ownerId()).setTimeZone(hotel.city().timeZone())
                    .setCurrency(hotel.city().currency()));
            for (DemoWorld.RoomType room : hotel.roomTypes()) {
                rows.add(new UnitTypeRecord().setId(room.id()).setPropertyId(hotel.id())
                        .setMaxGuests(room.maxAdults() + room.maxChildren()).setDefaultUnits(room.defaultRooms())
                        .setBasePrice(room.basePrice()).setFreeCancellationHours(room.freeCancellationHours())
                        .setPenaltyPercent(room.penaltyPercent()));
            }
        }
        db.batchInsert(rows).execute();
        log.info("demo inventory loaded for {} hotels", DemoWorld.small().hotels().size());
    }
}
