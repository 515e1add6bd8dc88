package dev.stay.booking.inventory;

import static dev.stay.booking.db.Tables.INVENTORY_NIGHT;
import static dev.stay.booking.db.Tables.UNIT_TYPE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import dev.stay.booking.db.tables.records.InventoryNightRecord;
import dev.stay.booking.db.tables.records.PropertyRecord;
import dev.stay.booking.db.tables.records.UnitTypeRecord;
import dev.stay.common.test.SubgraphTest;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import javax.sql.DataSource;
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
    @Autowired DataSource dataSource;

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

    @Test
    void aRoomTakenWhileTheDefaultCountIsLoweredCannotSlipBetweenTheTwo() throws Exception {
        try (Connection taking = dataSource.getConnection()) {
            taking.setAutoCommit(false);
            update(taking, "UPDATE inventory_night SET taken_units = 5 WHERE unit_type_id = ? AND night = ?", onDefault);
            CompletableFuture<Void> lowering = CompletableFuture.runAsync(() -> inOwnConnection(
                    c -> update(c, "UPDATE unit_type SET default_units = 4 WHERE id = ?", null)));

            awaitABlockedStatement();
            assertThat(lowering).as("waits for the night that takes a room on the default count").isNotDone();
            taking.commit();

            assertThat(lowering).failsWithin(Duration.ofSeconds(10)).withThrowableThat()
                    .satisfies(e -> assertThat(sqlState(e)).isEqualTo(CHECK_VIOLATION));
        }
        assertThat(taken(onDefault)).isEqualTo(5);
        assertThat(db.fetchValue(UNIT_TYPE.DEFAULT_UNITS, UNIT_TYPE.ID.eq(roomType))).isEqualTo(5);
    }

    @Test
    void aDefaultCountLoweredWhileARoomIsTakenIsSeenByTheNightThatTakesIt() throws Exception {
        try (Connection lowering = dataSource.getConnection()) {
            lowering.setAutoCommit(false);
            update(lowering, "UPDATE unit_type SET default_units = 4 WHERE id = ?", null);
            CompletableFuture<Void> taking = CompletableFuture.runAsync(() -> inOwnConnection(c -> update(c,
                    "UPDATE inventory_night SET taken_units = 5 WHERE unit_type_id = ? AND night = ?", onDefault)));

            awaitABlockedStatement();
            assertThat(taking).as("waits for the new default count").isNotDone();
            lowering.commit();

            assertThat(taking).failsWithin(Duration.ofSeconds(10)).withThrowableThat()
                    .satisfies(e -> assertThat(sqlState(e)).isEqualTo(CHECK_VIOLATION));
        }
        assertThat(taken(onDefault)).isEqualTo(4);
    }

    interface Sql {
        void run(Connection connection) throws SQLException;
    }

    private void inOwnConnection(Sql sql) {
        try (Connection connection = dataSource.getConnection()) {
            sql.run(connection);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Runs the statement with the room type's id, and the night when given. */
    private void update(Connection connection, String sql, LocalDate night) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setObject(1, roomType);
            if (night != null) {
                statement.setObject(2, night);
            }
            statement.executeUpdate();
        }
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

    /** Until PostgreSQL shows a statement of this database waiting for a lock: the other side is really blocked. */
    private void awaitABlockedStatement() {
        await().atMost(Duration.ofSeconds(10)).until(() -> db.fetchSingle(
                "SELECT count(*) FROM pg_stat_activity WHERE datname = current_database() AND wait_event_type = 'Lock'")
                .get(0, Integer.class) > 0);
    }
}
