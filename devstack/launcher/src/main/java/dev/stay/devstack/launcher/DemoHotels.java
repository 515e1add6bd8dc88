package dev.stay.devstack.launcher;

import dev.stay.devstack.engines.Postgres;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/** A few demo hotels for the summary of {@code platform up}, so the first query has an id to ask for. */
final class DemoHotels {

    private DemoHotels() {
    }

    /** {@code <id>  <name>, <city>} of the first published hotels by name; a note instead when the catalog cannot say. */
    static List<String> firstFew(Postgres postgres, int count) {
        String sql = "SELECT id, name, city FROM property WHERE status = 'PUBLISHED' ORDER BY name LIMIT ?";
        try (Connection connection = DriverManager.getConnection(postgres.jdbcUrl("catalog"), postgres.user(), postgres.password());
             PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setInt(1, count);
            List<String> hotels = new ArrayList<>();
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    hotels.add(rows.getString("id") + "  " + rows.getString("name") + ", " + rows.getString("city"));
                }
            }
            return hotels.isEmpty() ? List.of("(none published yet)") : hotels;
        } catch (SQLException e) {
            return List.of("(cannot list them: " + e.getMessage() + ")");
        }
    }
}
