package dev.stay.bench;

import dev.stay.common.dining.DiningRules;
import dev.stay.common.dining.SeatingSlots;
import dev.stay.common.dining.Slot;
import dev.stay.common.dining.Start;
import dev.stay.common.dining.TableTimes;
import java.math.BigDecimal;
import java.math.RoundingMode;
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
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * The floor PostgreSQL sets for a table reservation: the statements of booking's {@code HoldingTable.hold}, the
 * transaction of {@code reserveTable}, written out in plain JDBC and sent in a loop by as many threads as the router
 * phase has clients, with nothing else around them (no router, no token check, no idempotency key, no deposit
 * charged, no confirmation, no answer read back).
 *
 * <p>One transaction a reservation, as {@code HoldingTable} runs it: the restaurant's row locked {@code FOR UPDATE}
 * (its reservations line up there) with its terms and rules; the day and the start judged (common's
 * {@code DiningRules}); the reservations holding its tables from the day before to the day after, and its active
 * tables ({@code DiningRoom.tables}); the slot for the party ({@code SeatingSlots.at}, the smallest free table); the
 * deposit against the quote; a unique reference; the reservation (HELD, with its expiry) and its
 * {@code reservation.held} outbox row inserted. The same pure computation of slots runs here as in booking, from
 * {@code common}. The outbox row is written as already published, so that the relay does not send it to Kafka.
 */
final class ReservingTablesFloor {

    private static final String REFERENCE_TAKEN = "SELECT EXISTS (SELECT 1 FROM table_reservation WHERE reference = ?)";
    private static final String INSERT_RESERVATION = """
            INSERT INTO table_reservation (id, reference, guest_id, restaurant_id, table_id, day, local_time, starts_at,
                                           ends_at, party_size, deposit, currency, status, payment_status,
                                           hold_expires_at, version, created_at, updated_at)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'HELD', 'PENDING', ?, 1, ?, ?)""";
    private static final String INSERT_OUTBOX = """
            INSERT INTO outbox (id, topic, key, type, payload, occurred_at, published_at)
            VALUES (?, 'booking.reservation', ?, 'reservation.held', ?::jsonb, ?, ?)""";
    /** What booking's {@code stay.dining.hold-for} defaults to. */
    private static final Duration HOLD_FOR = Duration.ofMinutes(10);
    private static final String REFERENCE_ALPHABET = "23456789ABCDEFGHJKLMNPQRSTUVWXYZ";
    private static final SecureRandom RANDOM = new SecureRandom();
    
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
        Optional<FloorDiningRoom.Terms> locked = FloorDiningRoom.lock(db, visit.restaurantId());
        if (locked.isEmpty() || !"PUBLISHED".equals(locked.get().status())) {
            return "ReservationRejected";
        }
        FloorDiningRoom.Terms terms = locked.get();
        DiningRules rules = terms.rules();
        LocalDate today = LocalDate.now(rules.zone());
        if (visit.date().isBefore(today) || visit.date().isAfter(today.plusDays(180))) {
            return "ReservationRejected";
        }
        LocalTime time = LocalTime.parse(visit.time());
        Optional<Start> start = rules.start(visit.date(), time);
        Instant now = Instant.now();
        if (start.isEmpty() || !start.get().startsAt().isAfter(now)) {
            return "ReservationRejected";
        }
        List<TableTimes> tables = FloorDiningRoom.tables(db, visit.restaurantId(), visit.date(), rules.zone());
        if (tables.stream().noneMatch(t -> t.seats(visit.partySize()))) {
            return "ReservationRejected";
        }
        Optional<Slot> found = SeatingSlots.at(rules, start.get(), visit.partySize(), tables);
        if (found.isEmpty()) {
            return "ReservationRejected";
        }
        int digits = Math.max(Currency.getInstance(terms.currency()).getDefaultFractionDigits(), 0);
        BigDecimal deposit = terms.depositPerGuest().multiply(BigDecimal.valueOf(visit.partySize()))
                .setScale(digits, RoundingMode.HALF_EVEN);
        if (!terms.currency().equals(visit.currency()) || deposit.compareTo(new BigDecimal(visit.deposit())) != 0) {
            return "DepositChanged";
        }
        Slot slot = found.get();
        if (slot.tablesFree() == 0) {
            // as booking does: the other free start times within an hour, for the answer
            SeatingSlots.free(rules, visit.date(), visit.partySize(), tables, now);
            return "SlotTaken";
        }
        String reference = newReference(db);
        UUID id = UUID.randomUUID();
        try (PreparedStatement insert = db.prepareStatement(INSERT_RESERVATION)) {
            insert.setObject(1, id);
            insert.setString(2, reference);
            insert.setObject(3, guest);
            insert.setObject(4, visit.restaurantId());
            insert.setObject(5, slot.smallestTable());
            insert.setDate(6, Date.valueOf(visit.date()));
            insert.setTime(7, Time.valueOf(time));
            insert.setTimestamp(8, Timestamp.from(slot.startsAt()));
            insert.setTimestamp(9, Timestamp.from(slot.endsAt()));
            insert.setInt(10, visit.partySize());
            insert.setBigDecimal(11, deposit);
            insert.setString(12, terms.currency());
            insert.setTimestamp(13, Timestamp.from(now.plus(HOLD_FOR)));
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
                    visit.restaurantId(), slot.smallestTable(), guest, visit.date(), time, slot.startsAt(),
                    slot.endsAt(), visit.partySize(), deposit.toPlainString(), terms.currency(), now));
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
