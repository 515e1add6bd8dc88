package dev.stay.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.stay.common.dining.DiningRules;
import dev.stay.common.dining.SeatingDuration;
import dev.stay.common.dining.ServicePeriod;
import dev.stay.common.dining.TableTimes;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * What {@link ReservingTablesFloor} reads of a restaurant, with the statements of booking's {@code DiningRoom}: its
 * terms and rules with its row locked, and its active tables with the times reservations hold them.
 */
final class FloorDiningRoom {

    private static final String TERMS = """
            SELECT id, status, time_zone, currency, slot_minutes, deposit_per_guest, service_periods, closed_dates,
                   seating_durations
              FROM restaurant WHERE id = ? FOR UPDATE""";
    private static final String BUSY = """
            SELECT table_id, starts_at, ends_at FROM table_reservation
             WHERE restaurant_id = ? AND status IN ('HELD', 'CONFIRMED', 'SEATED') AND starts_at < ? AND ends_at > ?""";
    private static final String TABLES = """
            SELECT id, min_party, max_party FROM restaurant_table WHERE restaurant_id = ? AND active ORDER BY id""";
    private static final ObjectMapper JSON = new ObjectMapper();

    /** The restaurant's terms as booking keeps them (its copy of the catalog's, JSON for the rules). */
    record Terms(String status, String currency, BigDecimal depositPerGuest, DiningRules rules) {}

    private FloorDiningRoom() {
    }

    /** The terms, the restaurant's row locked until the transaction ends; empty for an unknown restaurant. */
    static Optional<Terms> lock(Connection db, UUID restaurant) throws SQLException {
        try (PreparedStatement lock = db.prepareStatement(TERMS)) {
            lock.setObject(1, restaurant);
            try (ResultSet row = lock.executeQuery()) {
                return row.next() ? Optional.of(terms(row)) : Optional.empty();
            }
        }
    }

    /** The active tables with the times reservations hold them, from the day before to the day after (DiningRoom). */
    static List<TableTimes> tables(Connection db, UUID restaurant, LocalDate day, ZoneId zone)
            throws SQLException {
        Map<UUID, List<TableTimes.Busy>> busy = new HashMap<>();
        try (PreparedStatement select = db.prepareStatement(BUSY)) {
            select.setObject(1, restaurant);
            select.setTimestamp(2, Timestamp.from(day.plusDays(2).atStartOfDay(zone).toInstant()));
            select.setTimestamp(3, Timestamp.from(day.minusDays(1).atStartOfDay(zone).toInstant()));
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    busy.computeIfAbsent(rows.getObject(1, UUID.class), t -> new ArrayList<>()).add(new TableTimes.Busy(
                            rows.getTimestamp(2).toInstant(), rows.getTimestamp(3).toInstant()));
                }
            }
        }
        List<TableTimes> tables = new ArrayList<>();
        try (PreparedStatement select = db.prepareStatement(TABLES)) {
            select.setObject(1, restaurant);
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    UUID id = rows.getObject(1, UUID.class);
                    tables.add(new TableTimes(id, rows.getInt(2), rows.getInt(3), busy.getOrDefault(id, List.of())));
                }
            }
        }
        return tables;
    }

    private static Terms terms(ResultSet row) throws SQLException {
        try {
            List<ServicePeriod> periods = new ArrayList<>();
            for (JsonNode p : JSON.readTree(row.getString(7))) {
                periods.add(new ServicePeriod(p.path("weekday").asInt(), LocalTime.parse(p.path("opens").asText()),
                        LocalTime.parse(p.path("closes").asText())));
            }
            Set<LocalDate> closed = new HashSet<>();
            for (JsonNode d : JSON.readTree(row.getString(8))) closed.add(LocalDate.parse(d.asText()));
            List<SeatingDuration> durations = new ArrayList<>();
            for (JsonNode d : JSON.readTree(row.getString(9))) {
                durations.add(new SeatingDuration(d.path("upToPartySize").asInt(), d.path("minutes").asInt()));
            }
            return new Terms(row.getString(2), row.getString(4), row.getBigDecimal(6), new DiningRules(
                    ZoneId.of(row.getString(3)), row.getInt(5), periods, closed, durations));
        } catch (java.io.IOException e) {
            throw new SQLException("the restaurant's rules are unreadable", e);
        }
    }
}
