package dev.stay.bench;

import java.math.BigDecimal;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.Date;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * The floor PostgreSQL sets for a booking: the statements of booking's {@code HoldingRooms} transaction, written out
 * in plain JDBC and sent in a loop by as many threads as the router phase has clients, with nothing else around them
 * (no router, no token check, no idempotency key, no payment, no settlement).
 *
 * <p>One transaction a booking, as {@code HoldingRooms.hold} runs it: the room type's terms; the stay's missing
 * nights inserted in date order; the nights locked {@code FOR UPDATE} in date order; the hotel's nights read as
 * {@code InventoryRepository.nights} reads them; the stay judged (open, rooms free, party size, stay rules); the rooms
 * taken; a unique reference checked; the booking, its nights and its {@code booking.held} outbox row inserted. The
 * outbox row is written as already published, so that the relay does not send these bookings to Kafka.
 */
final class HoldingRoomsFloor {

    private static final String TERMS = """
            SELECT p.id, p.owner_id, p.time_zone, p.currency, NOT u.active
              FROM unit_type u JOIN property p ON p.id = u.property_id WHERE u.id = ?""";
    private static final String CREATE_MISSING_NIGHTS = """
            INSERT INTO inventory_night (unit_type_id, night)
            SELECT ?, g.night::date FROM generate_series(?::date, ?::date, interval '1 day') g(night) ORDER BY 2
            ON CONFLICT DO NOTHING""";
    private static final String LOCK_NIGHTS = """
            SELECT taken_units FROM inventory_night WHERE unit_type_id = ? AND night BETWEEN ? AND ?
             ORDER BY night FOR UPDATE""";
    private static final String NIGHTS = """
            SELECT u.id, g.night::date,
                   coalesce(n.total_units, u.default_units) - coalesce(n.taken_units, 0),
                   coalesce(n.price, u.base_price), coalesce(n.closed, false),
                   coalesce(n.min_stay, u.min_stay), coalesce(n.max_stay, u.max_stay),
                   coalesce(n.closed_to_arrival, false), coalesce(n.closed_to_departure, false),
                   u.max_guests, u.refundable, u.free_cancellation_hours, u.penalty_percent,
                   p.currency, p.time_zone, p.check_in_time
              FROM unit_type u JOIN property p ON p.id = u.property_id
             CROSS JOIN generate_series(?::date, ?::date, interval '1 day') g(night)
              LEFT JOIN inventory_night n ON n.unit_type_id = u.id AND n.night = g.night::date
             WHERE u.property_id = ? AND u.active AND p.status = 'PUBLISHED'
             ORDER BY u.id, g.night""";
    private static final String TAKE = """
            UPDATE inventory_night SET taken_units = taken_units + ?
             WHERE unit_type_id = ? AND night >= ? AND night < ?""";
    private static final String REFERENCE_TAKEN = "SELECT EXISTS (SELECT 1 FROM booking WHERE reference = ?)";
    private static final String INSERT_BOOKING = """
            INSERT INTO booking (id, reference, guest_id, property_id, unit_type_id, check_in, check_out, guests, rooms,
                                 total, currency, status, payment_status, hold_expires_at, created_at, updated_at)
            VALUES (?, ?, ?, ?, ?, ?, ?, 1, 1, ?, ?, 'HELD', 'PENDING', ?, ?, ?)""";
    private static final String INSERT_NIGHT = "INSERT INTO booking_night (booking_id, night, price) VALUES (?, ?, ?)";
    private static final String INSERT_OUTBOX = """
            INSERT INTO outbox (id, topic, key, type, payload, occurred_at, published_at)
            VALUES (?, 'booking.booking', ?, 'booking.held', ?::jsonb, ?, ?)""";
    private static final String REFERENCE_ALPHABET = "23456789ABCDEFGHJKLMNPQRSTUVWXYZ";
    private static final SecureRandom RANDOM = new SecureRandom();

    private final String jdbcUrl;
    private final String user;
    private final String password;

    HoldingRoomsFloor(String jdbcUrl, String user, String password) {
        this.jdbcUrl = jdbcUrl;
        this.user = user;
        this.password = password;
    }

    /** {@code threads} connections booking the next stay of {@code stays} in a loop until {@code duration} has passed. */
    void run(BookingPhase phase, Stays stays, int threads, Duration duration) throws Exception {
        long end = System.nanoTime() + duration.toNanos();
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<?>> loops = new ArrayList<>();
            for (int i = 0; i < threads; i++) {
                loops.add(pool.submit(() -> {
                    UUID guest = UUID.randomUUID();
                    try (Connection db = DriverManager.getConnection(jdbcUrl, user, password)) {
                        db.setAutoCommit(false);
                        while (System.nanoTime() < end) {
                            Stays.Stay stay = stays.next();
                            phase.started();
                            long sent = System.nanoTime();
                            String outcome;
                            try {
                                outcome = hold(db, guest, stay);
                                db.commit();
                            } catch (SQLException e) {
                                db.rollback();
                                outcome = BookingPhase.FAILED;
                            }
                            phase.record((int) ((System.nanoTime() - sent) / 1_000_000), outcome);
                        }
                    }
                    return null;
                }));
            }
            for (Future<?> loop : loops) {
                loop.get();
            }
        } finally {
            pool.shutdownNow();
        }
    }

    /** One booking's transaction, left open for the caller to commit; the outcome is named as createBooking's answers. */
    private static String hold(Connection db, UUID guest, Stays.Stay stay) throws SQLException {
        UUID propertyId;
        try (PreparedStatement terms = db.prepareStatement(TERMS)) {
            terms.setObject(1, stay.roomTypeId());
            try (ResultSet row = terms.executeQuery()) {
                if (!row.next() || !row.getObject(1, UUID.class).equals(stay.hotelId()) || row.getBoolean(5)) {
                    return "BookingRejected";
                }
                propertyId = row.getObject(1, UUID.class);
            }
        }
        LocalDate lastNight = stay.checkOut().minusDays(1);
        try (PreparedStatement insert = db.prepareStatement(CREATE_MISSING_NIGHTS)) {
            insert.setObject(1, stay.roomTypeId());
            insert.setDate(2, Date.valueOf(stay.checkIn()));
            insert.setDate(3, Date.valueOf(lastNight));
            insert.executeUpdate();
        }
        try (PreparedStatement lock = db.prepareStatement(LOCK_NIGHTS)) {
            lock.setObject(1, stay.roomTypeId());
            lock.setDate(2, Date.valueOf(stay.checkIn()));
            lock.setDate(3, Date.valueOf(lastNight));
            try (ResultSet rows = lock.executeQuery()) {
                while (rows.next()) {
                    rows.getInt(1);
                }
            }
        }
        List<BigDecimal> prices = new ArrayList<>();
        BigDecimal total = BigDecimal.ZERO;
        try (PreparedStatement nights = db.prepareStatement(NIGHTS)) {
            nights.setDate(1, Date.valueOf(stay.checkIn()));
            nights.setDate(2, Date.valueOf(stay.checkOut()));
            nights.setObject(3, propertyId);
            try (ResultSet rows = nights.executeQuery()) {
                while (rows.next()) {
                    if (!rows.getObject(1, UUID.class).equals(stay.roomTypeId())) {
                        continue;
                    }
                    LocalDate night = rows.getObject(2, LocalDate.class);
                    if (night.equals(stay.checkOut())) {
                        if (rows.getBoolean(9)) {
                            return "BookingRejected";
                        }
                        continue;
                    }
                    boolean arrival = night.equals(stay.checkIn());
                    int nightsLong = (int) (stay.checkOut().toEpochDay() - stay.checkIn().toEpochDay());
                    Integer maxStay = (Integer) rows.getObject(7);
                    if (rows.getBoolean(5) || rows.getInt(10) < 1 || arrival && (rows.getBoolean(8)
                            || rows.getInt(6) > nightsLong || maxStay != null && maxStay < nightsLong)) {
                        return "BookingRejected";
                    }
                    if (rows.getInt(3) < 1) {
                        return "SoldOut";
                    }
                    prices.add(rows.getBigDecimal(4));
                    total = total.add(rows.getBigDecimal(4));
                }
            }
        }
        if (total.compareTo(stay.quote()) != 0) {
            return "PriceChanged";
        }
        try (PreparedStatement take = db.prepareStatement(TAKE)) {
            take.setInt(1, 1);
            take.setObject(2, stay.roomTypeId());
            take.setDate(3, Date.valueOf(stay.checkIn()));
            take.setDate(4, Date.valueOf(stay.checkOut()));
            take.executeUpdate();
        }
        String reference = newReference(db);
        UUID id = UUID.randomUUID();
        Timestamp now = Timestamp.from(Instant.now());
        try (PreparedStatement insert = db.prepareStatement(INSERT_BOOKING)) {
            insert.setObject(1, id);
            insert.setString(2, reference);
            insert.setObject(3, guest);
            insert.setObject(4, propertyId);
            insert.setObject(5, stay.roomTypeId());
            insert.setDate(6, Date.valueOf(stay.checkIn()));
            insert.setDate(7, Date.valueOf(stay.checkOut()));
            insert.setBigDecimal(8, total);
            insert.setString(9, stay.currency());
            insert.setTimestamp(10, Timestamp.from(now.toInstant().plus(Duration.ofMinutes(15))));
            insert.setTimestamp(11, now);
            insert.setTimestamp(12, now);
            insert.executeUpdate();
        }
        try (PreparedStatement insert = db.prepareStatement(INSERT_NIGHT)) {
            LocalDate night = stay.checkIn();
            for (BigDecimal price : prices) {
                insert.setObject(1, id);
                insert.setDate(2, Date.valueOf(night));
                insert.setBigDecimal(3, price);
                insert.addBatch();
                night = night.plusDays(1);
            }
            insert.executeBatch();
        }
        try (PreparedStatement insert = db.prepareStatement(INSERT_OUTBOX)) {
            insert.setObject(1, UUID.randomUUID());
            insert.setString(2, propertyId.toString());
            insert.setString(3, """
                    {"bookingId":"%s","reference":"%s","propertyId":"%s","roomTypeId":"%s","guestId":"%s",\
                    "checkIn":"%s","checkOut":"%s","rooms":1,"total":%s,"currency":"%s","holdExpiresAt":"%s",\
                    "occurredAt":"%s"}""".formatted(id, reference, propertyId, stay.roomTypeId(), guest, stay.checkIn(),
                    stay.checkOut(), total.toPlainString(), stay.currency(), now.toInstant().plus(Duration.ofMinutes(15)),
                    now.toInstant()));
            insert.setTimestamp(4, now);
            insert.setTimestamp(5, now);
            insert.executeUpdate();
        }
        return "BookingHeld";
    }

    /** STY- and six characters, checked unique as {@code HoldingRooms} checks it. */
    private static String newReference(Connection db) throws SQLException {
        try (PreparedStatement taken = db.prepareStatement(REFERENCE_TAKEN)) {
            while (true) {
                StringBuilder reference = new StringBuilder("STY-");
                for (int i = 0; i < 6; i++) {
                    reference.append(REFERENCE_ALPHABET.charAt(RANDOM.nextInt(REFERENCE_ALPHABET.length())));
                }
                taken.setString(1, reference.toString());
                try (ResultSet row = taken.executeQuery()) {
                    row.next();
                    if (!row.getBoolean(1)) {
                        return reference.toString();
                    }
                }
            }
        }
    }
}
