package dev.stay.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.math.BigDecimal;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.Date;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Time;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * The floor PostgreSQL sets for a table reservation: the statements of booking's hold transaction for
 * {@code reserveTable}, written out in plain JDBC and sent in a loop by as many threads as the router phase has
 * clients, with nothing else around them (no router, no token check, no idempotency key, no deposit charged, no
 * confirmation, no answer read back).
 *
 * <p>One transaction a reservation: the restaurant's terms, its row locked so that its reservations are decided
 * one at a time; the seating duration for the party; the smallest active table that seats the party with no
 * reservation holding it over the party's time; a unique reference; the reservation (HELD) and its
 * {@code reservation.held} outbox row inserted. The outbox row is written as already published, so that the relay
 * does not send it to Kafka.
 */
final class ReservingTablesFloor {

    private static final String TERMS = """
            SELECT status, time_zone, currency, deposit_per_guest, seating_durations, catalog_version
              FROM restaurant WHERE id = ? FOR UPDATE""";
    private static final String FREE_TABLE = """
            SELECT t.id FROM restaurant_table t
             WHERE t.restaurant_id = ? AND t.active AND t.min_party <= ? AND t.max_party >= ?
               AND NOT EXISTS (SELECT 1 FROM table_reservation r
                                WHERE r.table_id = t.id AND r.status IN ('HELD', 'CONFIRMED', 'SEATED')
                                  AND tstzrange(r.starts_at, r.ends_at, '[)') && tstzrange(?, ?, '[)'))
             ORDER BY t.max_party, t.id LIMIT 1""";
    private static final String REFERENCE_TAKEN = "SELECT EXISTS (SELECT 1 FROM table_reservation WHERE reference = ?)";
    private static final String INSERT_RESERVATION = """
            INSERT INTO table_reservation (id, reference, guest_id, restaurant_id, table_id, day, local_time, starts_at,
                                           ends_at, party_size, deposit, currency, status, payment_status,
                                           hold_expires_at, created_at, updated_at)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'HELD', 'PENDING', ?, ?, ?)""";
    private static final String INSERT_OUTBOX = """
            INSERT INTO outbox (id, topic, key, type, payload, occurred_at, published_at)
            VALUES (?, 'booking.reservation', ?, 'reservation.held', ?::jsonb, ?, ?)""";
    private static final String REFERENCE_ALPHABET = "0123456789ABCDEFGHJKLMNPQRSTUVWXYZ";
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final ObjectMapper JSON = new ObjectMapper();

    private final String jdbcUrl;
    private final String user;
    private final String password;

    ReservingTablesFloor(String jdbcUrl, String user, String password) {
        this.jdbcUrl = jdbcUrl;
        this.user = user;
        this.password = password;
    }

    /** {@code threads} connections reserving the next visit in a loop until {@code duration} has passed. */
    void run(BookingPhase phase, Visits visits, int threads, Duration duration) throws Exception {
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
                            Visits.Visit visit = visits.next();
                            phase.started();
                            long sent = System.nanoTime();
                            String outcome;
                            try {
                                outcome = hold(db, guest, visit);
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

    /** One reservation's transaction, left open for the caller to commit; outcomes named as reserveTable's answers. */
    private static String hold(Connection db, UUID guest, Visits.Visit visit) throws SQLException {
        ZoneId zone;
        String currency;
        BigDecimal deposit;
        int minutes = -1;
        try (PreparedStatement terms = db.prepareStatement(TERMS)) {
            terms.setObject(1, visit.restaurantId());
            try (ResultSet row = terms.executeQuery()) {
                if (!row.next() || !"PUBLISHED".equals(row.getString(1))) {
                    return "ReservationRejected";
                }
                zone = ZoneId.of(row.getString(2));
                currency = row.getString(3);
                deposit = row.getBigDecimal(4).multiply(BigDecimal.valueOf(visit.partySize()));
                for (JsonNode duration : JSON.readTree(row.getString(5))) {
                    if (minutes < 0 && duration.path("upToPartySize").asInt() >= visit.partySize()) {
                        minutes = duration.path("minutes").asInt();
                    }
                }
            } catch (java.io.IOException e) {
                throw new SQLException("seating durations unreadable", e);
            }
        }
        if (minutes < 0) {
            return "ReservationRejected";
        }
        LocalTime time = LocalTime.parse(visit.time());
        Instant startsAt = visit.date().atTime(time).atZone(zone).toInstant();
        Instant endsAt = startsAt.plus(Duration.ofMinutes(minutes));
        UUID table;
        try (PreparedStatement free = db.prepareStatement(FREE_TABLE)) {
            free.setObject(1, visit.restaurantId());
            free.setInt(2, visit.partySize());
            free.setInt(3, visit.partySize());
            free.setTimestamp(4, Timestamp.from(startsAt));
            free.setTimestamp(5, Timestamp.from(endsAt));
            try (ResultSet row = free.executeQuery()) {
                if (!row.next()) {
                    return "SlotTaken";
                }
                table = row.getObject(1, UUID.class);
            }
        }
        String reference = newReference(db);
        UUID id = UUID.randomUUID();
        Instant now = Instant.now();
        Instant holdExpires = now.plus(Duration.ofMinutes(15));
        try (PreparedStatement insert = db.prepareStatement(INSERT_RESERVATION)) {
            insert.setObject(1, id);
            insert.setString(2, reference);
            insert.setObject(3, guest);
            insert.setObject(4, visit.restaurantId());
            insert.setObject(5, table);
            insert.setDate(6, Date.valueOf(visit.date()));
            insert.setTime(7, Time.valueOf(time));
            insert.setTimestamp(8, Timestamp.from(startsAt));
            insert.setTimestamp(9, Timestamp.from(endsAt));
            insert.setInt(10, visit.partySize());
            insert.setBigDecimal(11, deposit);
            insert.setString(12, currency);
            insert.setTimestamp(13, Timestamp.from(holdExpires));
            insert.setTimestamp(14, Timestamp.from(now));
            insert.setTimestamp(15, Timestamp.from(now));
            insert.executeUpdate();
        }
        try (PreparedStatement insert = db.prepareStatement(INSERT_OUTBOX)) {
            insert.setObject(1, UUID.randomUUID());
            insert.setString(2, visit.restaurantId().toString());
            insert.setString(3, """
                    {"reservationId":"%s","reference":"%s","restaurantId":"%s","tableId":"%s","guestId":"%s",\
                    "date":"%s","time":"%s","startsAt":"%s","endsAt":"%s","partySize":%d,"status":"HELD",\
                    "deposit":"%s","currency":"%s","version":1,"occurredAt":"%s"}""".formatted(id, reference,
                    visit.restaurantId(), table, guest, visit.date(), time, startsAt, endsAt, visit.partySize(),
                    deposit.toPlainString(), currency, now));
            insert.setTimestamp(4, Timestamp.from(now));
            insert.setTimestamp(5, Timestamp.from(now));
            insert.executeUpdate();
        }
        return "ReservationHeld";
    }

    /** RES- and six characters, checked unique as booking checks it. */
    private static String newReference(Connection db) throws SQLException {
        try (PreparedStatement taken = db.prepareStatement(REFERENCE_TAKEN)) {
            while (true) {
                StringBuilder reference = new StringBuilder("RES-");
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
