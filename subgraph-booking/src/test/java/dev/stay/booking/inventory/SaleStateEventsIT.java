package dev.stay.booking.inventory;

import static dev.stay.booking.db.Tables.INVENTORY_NIGHT;
import static dev.stay.booking.db.Tables.OUTBOX;
import static org.assertj.core.api.Assertions.assertThat;

import dev.stay.booking.db.tables.records.InventoryNightRecord;
import dev.stay.booking.db.tables.records.PropertyRecord;
import dev.stay.booking.db.tables.records.UnitTypeRecord;
import dev.stay.common.test.SignedIn;
import dev.stay.common.test.SubgraphTest;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.graphql.test.tester.WebGraphQlTester;
import tools.jackson.databind.json.JsonMapper;

/**
 * An owner's change announces the whole stored state of every night of its range, each night with a version that
 * grows with every change of its row, whatever code changes it: what search's projection orders states by.
 */
@SubgraphTest
class SaleStateEventsIT {

    @Autowired WebGraphQlTester graphQl;
    @Autowired DSLContext db;
    @Autowired JsonMapper json;

    final UUID owner = UUID.randomUUID();
    final UUID hotel = UUID.randomUUID();
    final UUID roomType = UUID.randomUUID();
    final LocalDate from = LocalDate.now().plusDays(20);

    @BeforeEach
    void anOwnersHotelWithTwoRoomsBookedOnOneNight() {
        db.batchInsert(
                new PropertyRecord().setId(hotel).setOwnerId(owner).setTimeZone("Europe/Paris").setCurrency("EUR")
                        .setStatus("PUBLISHED"),
                new UnitTypeRecord().setId(roomType).setPropertyId(hotel).setMaxGuests(2).setDefaultUnits(5)
                        .setBasePrice(new BigDecimal("90.00")),
                new InventoryNightRecord().setUnitTypeId(roomType).setNight(from.plusDays(1)).setTakenUnits(2))
                .execute();
    }

    @AfterEach
    void signOut() {
        SignedIn.nobody();
    }

    @Test
    void eachChangeAnnouncesTheStoredNightsWithVersionsThatOnlyGrow() {
        SignedIn.as(owner, "owner");
        set(Map.of("roomTypeId", roomType.toString(), "from", from.toString(), "to", from.plusDays(2).toString(),
                "rooms", 8, "minStay", 2));
        set(Map.of("roomTypeId", roomType.toString(), "from", from.plusDays(1).toString(),
                "to", from.plusDays(2).toString(), "price", "120.50", "closedToArrival", true));

        List<InventoryChanged> changes = announced();
        assertThat(changes).hasSize(2);
        assertThat(changes.getFirst().sale()).containsExactly(
                new NightOnSale(from, 8, 0, null, false, 2, null, false, false, 1),
                new NightOnSale(from.plusDays(1), 8, 2, null, false, 2, null, false, false, 2),
                new NightOnSale(from.plusDays(2), 8, 0, null, false, 2, null, false, false, 1));
        assertThat(changes.getLast().sale()).usingRecursiveFieldByFieldElementComparatorIgnoringFields("price")
                .containsExactly(
                        new NightOnSale(from.plusDays(1), 8, 2, null, false, 2, null, true, false, 3),
                        new NightOnSale(from.plusDays(2), 8, 0, null, false, 2, null, true, false, 2));
        assertThat(changes.getLast().sale()).allSatisfy(n -> assertThat(n.price()).isEqualByComparingTo("120.50"));

        db.update(INVENTORY_NIGHT).set(INVENTORY_NIGHT.TAKEN_UNITS, 3)
                .where(INVENTORY_NIGHT.UNIT_TYPE_ID.eq(roomType)).and(INVENTORY_NIGHT.NIGHT.eq(from)).execute();
        assertThat(db.fetchValue(INVENTORY_NIGHT.VERSION, INVENTORY_NIGHT.UNIT_TYPE_ID.eq(roomType)
                .and(INVENTORY_NIGHT.NIGHT.eq(from)))).as("any change of the row, by any code").isEqualTo(2L);
    }

    private void set(Map<String, Object> input) {
        graphQl.document(SetRoomInventoryIT.SET).variable("input", input).execute()
                .path("setRoomInventory.errors").entityList(Object.class).hasSize(0);
    }

    private List<InventoryChanged> announced() {
        return db.select(OUTBOX.PAYLOAD).from(OUTBOX)
                .where(DSL.condition("{0} ->> 'roomTypeId' = {1}", OUTBOX.PAYLOAD, roomType.toString()))
                .and(OUTBOX.TYPE.eq(InventoryEvents.INVENTORY_CHANGED))
                .orderBy(OUTBOX.SEQ)
                .fetch(r -> json.readValue(r.value1().data(), InventoryChanged.class));
    }
}
