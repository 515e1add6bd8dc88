package dev.stay.booking.inventory;

import static dev.stay.booking.db.Tables.INVENTORY_NIGHT;
import static dev.stay.booking.db.Tables.UNIT_TYPE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.stay.booking.db.tables.records.InventoryNightRecord;
import dev.stay.booking.db.tables.records.PropertyRecord;
import dev.stay.booking.db.tables.records.UnitTypeRecord;
import dev.stay.common.test.SubgraphTest;
import java.math.BigDecimal;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.UUID;
import org.jooq.DSLContext;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * PostgreSQL's own guarantee, whatever the code above it does: raw SQL that would leave a night with more rooms taken
 * than on sale is refused with check_violation (23514), on nights with their own count and on nights still on the
 * room type's default count.
 */
@SubgraphTest
class NightsNeverOversoldIT {

    static final String CHECK_VIOLATION = "23514";

    @Autowired DSLContext db;

    UUID hotel = UUID.randomUUID();
    UUID roomType = UUID.randomUUID();
    LocalDate counted = LocalDate.now().plusDays(30);
    LocalDate onDefault = counted.plusDays(1);

    /** Five rooms by default; one night counts three of its own, all taken; the next is on the default with four taken. */
    @BeforeEach
    void aRoomTypeWithAFullNightAndANightOnItsDefaultCount() {
        db.batchInsert(
                new PropertyRecord().setId(hotel).setStatus("PUBLISHED").setTimeZone("Europe/Rome").setCurrency("EUR"),
                new UnitTypeRecord().setId(roomType).setPropertyId(hotel).setMaxGuests(2).setDefaultUnits(5)
                        .setBasePrice(new BigDecimal("80.00")),
                new InventoryNightRecord().setUnitTypeId(roomType).setNight(counted).setTotalUnits(3).setTakenUnits(3),
                new InventoryNightRecord().setUnitTypeId(roomType).setNight(onDefault).setTakenUnits(4))
                .execute();
    }

    @Test
    void takingARoomMoreThanANightWithItsOwnCountHasIsRefused() {
        assertRefused(() -> db.execute("UPDATE inventory_night SET taken_units = taken_units + 1 "
                + "WHERE unit_type_id = ? AND night = ?", roomType, counted));
        assertRefused(() -> db.execute("UPDATE inventory_night SET total_units = 2 "
                + "WHERE unit_type_id = ? AND night = ?", roomType, counted));

        assertThat(taken(counted)).isEqualTo(3);
    }

    @Test
    void takingMoreThanTheDefaultCountOnANightWithoutItsOwnCountIsRefused() {
        db.execute("UPDATE inventory_night SET taken_units = 5 WHERE unit_type_id = ? AND night = ?", roomType, onDefault);

        assertRefused(() -> db.execute("UPDATE inventory_night SET taken_units = 6 "
                + "WHERE unit_type_id = ? AND night = ?", roomType, onDefault));
        assertThat(taken(onDefault)).as("the legal update went through, the oversold one did not").isEqualTo(5);
    }

    @Test
    void aNewNightCannotStartOversoldOnTheDefaultCount() {
        assertRefused(() -> db.execute("INSERT INTO inventory_night (unit_type_id, night, taken_units) VALUES (?, ?, 6)",
                roomType, counted.plusDays(5)));

        assertThat(db.fetchCount(INVENTORY_NIGHT, INVENTORY_NIGHT.NIGHT.eq(counted.plusDays(5)))).isZero();
    }

    @Test
    void handingANightBackToTheDefaultCountIsRefusedWhenTheDefaultIsTooSmall() {
        db.execute("UPDATE inventory_night SET total_units = 8, taken_units = 7 WHERE unit_type_id = ? AND night = ?",
                roomType, counted);

        assertRefused(() -> db.execute("UPDATE inventory_night SET total_units = NULL "
                + "WHERE unit_type_id = ? AND night = ?", roomType, counted));
    }

    @Test
    void loweringTheDefaultCountUnderWhatADefaultNightHasTakenIsRefused() {
        assertRefused(() -> db.execute("UPDATE unit_type SET default_units = 3 WHERE id = ?", roomType));
        assertThat(db.fetchValue(UNIT_TYPE.DEFAULT_UNITS, UNIT_TYPE.ID.eq(roomType))).isEqualTo(5);

        db.execute("UPDATE unit_type SET default_units = 4 WHERE id = ?", roomType);
        assertThat(db.fetchValue(UNIT_TYPE.DEFAULT_UNITS, UNIT_TYPE.ID.eq(roomType)))
                .as("down to what is taken, and nights with their own count do not hold it up").isEqualTo(4);
    }

    private int taken(LocalDate night) {
        return db.fetchValue(INVENTORY_NIGHT.TAKEN_UNITS,
                INVENTORY_NIGHT.UNIT_TYPE_ID.eq(roomType).and(INVENTORY_NIGHT.NIGHT.eq(night)));
    }

    private static void assertRefused(Runnable write) {
        assertThatThrownBy(write::run).satisfies(e -> assertThat(sqlState(e)).isEqualTo(CHECK_VIOLATION));
    }

    private static String sqlState(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SQLException sql) {
                return sql.getSQLState();
            }
        }
        return null;
    }
}
