package dev.stay.booking.catalogfeed;

import static dev.stay.booking.db.Tables.OUTBOX;
import static org.assertj.core.api.Assertions.assertThat;

import dev.stay.booking.db.tables.records.InventoryNightRecord;
import dev.stay.booking.db.tables.records.PropertyRecord;
import dev.stay.booking.db.tables.records.UnitTypeRecord;
import dev.stay.booking.inventory.NightOnSale;
import dev.stay.booking.inventory.RoomTypeOnSale;
import dev.stay.booking.inventory.RoomsChanged;
import dev.stay.common.test.SubgraphTest;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.json.JsonMapper;

/**
 * What the catalog's feed changes of a room type's sale (defaults, party size, removal, nights pinned to what they
 * sold) is announced to search in the transaction that applies it, with the room type's sale version.
 */
@SubgraphTest
class RoomTypeAnnouncedIT {

    @Autowired CatalogFeedRepository feed;
    @Autowired TransactionTemplate tx;
    @Autowired DSLContext db;
    @Autowired JsonMapper json;

    final UUID hotel = UUID.randomUUID();
    final UUID roomType = UUID.randomUUID();
    final LocalDate night = LocalDate.now().plusDays(10);

    @Test
    void fewerRoomsByDefaultAndARemovalAreAnnouncedWithGrowingVersions() {
        db.batchInsert(
                new PropertyRecord().setId(hotel).setOwnerId(UUID.randomUUID()).setTimeZone("Europe/Paris")
                        .setCurrency("EUR").setStatus("PUBLISHED"),
                new UnitTypeRecord().setId(roomType).setPropertyId(hotel).setMaxGuests(2).setDefaultUnits(5)
                        .setBasePrice(new BigDecimal("90.00")).setCatalogVersion(1),
                new InventoryNightRecord().setUnitTypeId(roomType).setNight(night).setTakenUnits(3))
                .execute();

        tx.executeWithoutResult(s -> feed.apply(new UnitTypeChanged(roomType, hotel, 2, 1, 2, false, 2)));
        tx.executeWithoutResult(s -> feed.apply(new UnitTypeChanged(roomType, hotel, 2, 1, 2, true, 3)));

        assertThat(announced("room-type-changed", RoomTypeOnSale.class))
                .usingRecursiveFieldByFieldElementComparatorIgnoringFields("occurredAt", "basePrice")
                .containsExactly(
                        new RoomTypeOnSale(hotel, roomType, 3, 2, null, 1, null, true, 2, null),
                        new RoomTypeOnSale(hotel, roomType, 3, 2, null, 1, null, false, 3, null));
        assertThat(announced("rooms-changed", RoomsChanged.class)).singleElement()
                .satisfies(pinned -> assertThat(pinned.sale()).as("the night keeps the 3 rooms it sold, no more")
                        .containsExactly(new NightOnSale(night, 3, 3, null, false, null, null, false, false, 2)));
    }

    private <T> List<T> announced(String type, Class<T> as) {
        return db.select(OUTBOX.PAYLOAD).from(OUTBOX)
                .where(DSL.condition("{0} ->> 'roomTypeId' = {1}", OUTBOX.PAYLOAD, roomType.toString()))
                .and(OUTBOX.TYPE.eq(type))
                .orderBy(OUTBOX.SEQ)
                .fetch(r -> json.readValue(r.value1().data(), as));
    }
}
