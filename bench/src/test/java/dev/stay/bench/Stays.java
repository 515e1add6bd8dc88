package dev.stay.bench;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Stays to book, spread so that two of them rarely share a night of a room type: round after round over every demo
 * room type on sale, each round a later check-in (by three days, wrapping within the window) and one to three
 * nights. Each comes with the live total, read from booking's database with the same rule as availability (the
 * night's price, else the room type's base price, rounded to the currency's decimals), and only stays that the
 * inventory would sell (open, no stay rule, a room free on every night) are listed.
 */
final class Stays {

    /** One room for one guest. */
    record Stay(UUID hotelId, UUID roomTypeId, LocalDate checkIn, LocalDate checkOut, BigDecimal quote, String currency) {}

    private static final String SPREAD = """
            SELECT u.property_id, u.id, p.currency, d.check_in, d.check_in + d.nights AS check_out,
                   (SELECT sum(coalesce(n.price, u.base_price))
                      FROM generate_series(d.check_in, d.check_in + d.nights - 1, interval '1 day') g(night)
                      LEFT JOIN inventory_night n ON n.unit_type_id = u.id AND n.night = g.night::date) AS quote
              FROM unit_type u
              JOIN property p ON p.id = u.property_id
             CROSS JOIN (SELECT r, ?::date + ((r * 3) % ?)::int AS check_in, 1 + (r % 3)::int AS nights
                           FROM generate_series(0, ?) r) d
             WHERE p.status = 'PUBLISHED' AND u.active AND u.base_price IS NOT NULL
               AND u.default_units >= 1 AND u.min_stay = 1 AND (u.max_stay IS NULL OR u.max_stay >= 3)
               AND NOT EXISTS (SELECT 1 FROM inventory_night n
                                WHERE n.unit_type_id = u.id AND n.night BETWEEN d.check_in AND d.check_in + d.nights
                                  AND (n.closed OR n.min_stay IS NOT NULL OR n.max_stay IS NOT NULL
                                       OR n.closed_to_arrival OR n.closed_to_departure
                                       OR coalesce(n.total_units, u.default_units) <= n.taken_units))
             ORDER BY d.r, u.id
             LIMIT ?
            """;

    private final String name;
    private final List<Stay> stays;
    private final AtomicLong taken = new AtomicLong();

    private Stays(String name, List<Stay> stays) {
        this.name = name;
        this.stays = stays;
    }

    /**
     * @param firstNight the earliest check-in
     * @param days       how many check-in days the window holds (the spread's dates never leave it)
     * @param count      how many stays to list; past the last, the list starts again
     */
    static Stays load(Connection db, String name, LocalDate firstNight, int days, int count) throws SQLException {
        List<Stay> stays = new ArrayList<>(count);
        int roomTypes;
        try (PreparedStatement types = db.prepareStatement("SELECT count(*) FROM unit_type WHERE active");
             ResultSet row = types.executeQuery()) {
            row.next();
            roomTypes = Math.max(1, row.getInt(1));
        }
        try (PreparedStatement query = db.prepareStatement(SPREAD)) {
            query.setDate(1, Date.valueOf(firstNight));
            query.setInt(2, days);
            query.setInt(3, count / roomTypes + 1); // rounds enough for count stays, since each round offers every type
            query.setInt(4, count);
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    String currency = rows.getString(3);
                    BigDecimal quote = rows.getBigDecimal(6)
                            .setScale(Currency.getInstance(currency).getDefaultFractionDigits(), RoundingMode.HALF_EVEN);
                    stays.add(new Stay(rows.getObject(1, UUID.class), rows.getObject(2, UUID.class),
                            rows.getObject(4, LocalDate.class), rows.getObject(5, LocalDate.class), quote, currency));
                }
            }
        }
        if (stays.isEmpty()) {
            throw new IllegalStateException("no room type is on sale from " + firstNight + ": is the demo data loaded?");
        }
        return new Stays(name, List.copyOf(stays));
    }

    Stay next() {
        return stays.get((int) (taken.getAndIncrement() % stays.size()));
    }

    Stay first() {
        return stays.getFirst();
    }

    /** How many room types the spread goes round. */
    long roomTypes() {
        return stays.stream().map(Stay::roomTypeId).distinct().count();
    }

    int size() {
        return stays.size();
    }

    String name() {
        return name;
    }
}
