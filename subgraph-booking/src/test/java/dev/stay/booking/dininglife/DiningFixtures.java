package dev.stay.booking.dininglife;

import static dev.stay.booking.db.Tables.OUTBOX;
import static dev.stay.booking.db.Tables.RESTAURANT;
import static dev.stay.booking.db.Tables.RESTAURANT_TABLE;
import static dev.stay.booking.db.Tables.TABLE_RESERVATION;

import com.github.tomakehurst.wiremock.WireMockServer;
import dev.stay.booking.db.tables.records.TableReservationRecord;
import dev.stay.devstack.engines.Engines;
import java.math.BigDecimal;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import org.jooq.DSLContext;
import org.jooq.JSONB;

/**
 * A published restaurant in a time zone with three tables, as booking keeps it, and reservations of it written
 * straight into {@code table_reservation} in the state a test needs (confirmed with a charged deposit, seated, ...).
 */
final class DiningFixtures {

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final String CODE = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ";

    final DSLContext db;
    final UUID restaurant = UUID.randomUUID();
    final UUID owner = UUID.randomUUID();
    final ZoneId zone;
    final List<UUID> tables = List.of(UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID());

    private DiningFixtures(DSLContext db, String zone) {
        this.db = db;
        this.zone = ZoneId.of(zone);
    }

    static DiningFixtures aRestaurantIn(DSLContext db, String zone) {
        var f = new DiningFixtures(db, zone);
        db.insertInto(RESTAURANT)
                .set(RESTAURANT.ID, f.restaurant).set(RESTAURANT.OWNER_ID, f.owner).set(RESTAURANT.STATUS, "PUBLISHED")
                .set(RESTAURANT.TIME_ZONE, zone).set(RESTAURANT.CURRENCY, "EUR").set(RESTAURANT.SLOT_MINUTES, 15)
                .set(RESTAURANT.DEPOSIT_PER_GUEST, new BigDecimal("10.00"))
                .set(RESTAURANT.DEPOSIT_REFUNDABLE_HOURS, 24)
                .set(RESTAURANT.SERVICE_PERIODS, JSONB.valueOf("[]")).set(RESTAURANT.CLOSED_DATES, JSONB.valueOf("[]"))
                .set(RESTAURANT.SEATING_DURATIONS, JSONB.valueOf("[{\"upToPartySize\":50,\"minutes\":120}]"))
                .set(RESTAURANT.CATALOG_VERSION, 1)
                .execute();
        for (UUID table : f.tables) {
            db.insertInto(RESTAURANT_TABLE).set(RESTAURANT_TABLE.ID, table).set(RESTAURANT_TABLE.RESTAURANT_ID,
                    f.restaurant).set(RESTAURANT_TABLE.MIN_PARTY, 1).set(RESTAURANT_TABLE.MAX_PARTY, 6).execute();
        }
        return f;
    }

    static DiningFixtures aRestaurantInLisbon(DSLContext db) {
        return aRestaurantIn(db, "Europe/Lisbon");
    }

    static WireMockServer paymentProvider() {
        return Engines.shared().payment().server();
    }

    /** A reservation of {@code table} starting {@code fromNow} from now for two hours, its deposit (4 x 10.00) charged. */
    UUID aConfirmed(UUID guest, int table, Duration fromNow) {
        return a(guest, table, Instant.now().plus(fromNow), "CONFIRMED", new BigDecimal("40.00"));
    }

    /** The same, its party already at the table. */
    UUID aSeated(UUID guest, int table, Duration fromNow) {
        UUID id = aConfirmed(guest, table, fromNow);
        db.update(TABLE_RESERVATION).set(TABLE_RESERVATION.STATUS, "SEATED")
                .set(TABLE_RESERVATION.SEATED_AT, OffsetDateTime.now()).where(TABLE_RESERVATION.ID.eq(id)).execute();
        return id;
    }

    /**
     * A reservation in {@code status} starting at {@code startsAt}; a deposit above zero is charged (CHARGED, charge id
     * {@code ch_<id>}), none is NOT_CHARGED (or DECLINED for a released one).
     */
    UUID a(UUID guest, int table, Instant startsAt, String status, BigDecimal deposit) {
        UUID id = UUID.randomUUID();
        boolean charged = deposit.signum() > 0 && !List.of("PAYMENT_FAILED", "EXPIRED").contains(status);
        var local = startsAt.atZone(zone);
        var row = new TableReservationRecord().setId(id).setReference(reference()).setGuestId(guest)
                .setRestaurantId(restaurant).setTableId(tables.get(table)).setDay(local.toLocalDate())
                .setLocalTime(local.toLocalTime().withSecond(0).withNano(0))
                .setStartsAt(startsAt.atOffset(ZoneOffset.UTC))
                .setEndsAt(startsAt.plus(Duration.ofHours(2)).atOffset(ZoneOffset.UTC))
                .setPartySize(4).setDeposit(deposit).setCurrency("EUR").setStatus(status)
                .setPaymentStatus(charged ? "CHARGED" : deposit.signum() > 0 ? "DECLINED" : "NOT_CHARGED")
                .setChargeId(charged ? "ch_" + id : null).setCharged(charged ? deposit : null)
                .setHoldExpiresAt(status.equals("HELD") ? OffsetDateTime.now().plusMinutes(10) : null)
                .setCreatedAt(OffsetDateTime.now()).setUpdatedAt(OffsetDateTime.now());
        db.insertInto(TABLE_RESERVATION).set(row).execute();
        return id;
    }

    TableReservationRecord row(UUID id) {
        return db.selectFrom(TABLE_RESERVATION).where(TABLE_RESERVATION.ID.eq(id)).fetchSingle();
    }

    String status(UUID id) {
        return row(id).getStatus();
    }

    /** The payloads of the events of {@code type} this restaurant published, oldest first. */
    List<String> events(String type) {
        return db.select(OUTBOX.PAYLOAD).from(OUTBOX).where(OUTBOX.TOPIC.eq("booking.reservation"))
                .and(OUTBOX.KEY.eq(restaurant.toString())).and(OUTBOX.TYPE.eq(type)).orderBy(OUTBOX.OCCURRED_AT)
                .fetch(r -> r.value1().data());
    }

    private static String reference() {
        var code = new StringBuilder("RES-");
        for (int i = 0; i < 6; i++) {
            code.append(CODE.charAt(RANDOM.nextInt(CODE.length())));
        }
        return code.toString();
    }
}
