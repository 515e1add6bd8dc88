package dev.stay.booking.dining;

import static dev.stay.booking.db.Tables.RESTAURANT;
import static dev.stay.booking.db.Tables.RESTAURANT_TABLE;
import static dev.stay.booking.db.Tables.TABLE_RESERVATION;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.jooq.DSLContext;
import org.jooq.JSONB;

/**
 * Restaurants as booking's copy holds them, written straight into its tables (the feed's own tests go through
 * Kafka): open every day from 12:00 to 23:00 in Lisbon, 30-minute slots, 90 minutes for up to 4 guests and 120 above.
 */
record DiningFixtures(UUID restaurant, UUID owner, List<UUID> tables, ZoneId zone) {

    static DiningFixtures aRestaurantInLisbon(DSLContext db, String depositPerGuest, int... maxParties) {
        return aRestaurant(db, "Europe/Lisbon", depositPerGuest, "[" + everyDay("12:00", "23:00") + "]", maxParties);
    }

    static DiningFixtures aRestaurant(DSLContext db, String zone, String depositPerGuest, String servicePeriods,
                                      int... maxParties) {
        UUID restaurant = UUID.randomUUID();
        UUID owner = UUID.randomUUID();
        db.insertInto(RESTAURANT)
                .set(RESTAURANT.ID, restaurant).set(RESTAURANT.OWNER_ID, owner).set(RESTAURANT.STATUS, "PUBLISHED")
                .set(RESTAURANT.TIME_ZONE, zone).set(RESTAURANT.CURRENCY, "EUR").set(RESTAURANT.SLOT_MINUTES, 30)
                .set(RESTAURANT.DEPOSIT_PER_GUEST, new BigDecimal(depositPerGuest))
                .set(RESTAURANT.DEPOSIT_REFUNDABLE_HOURS, 24)
                .set(RESTAURANT.SERVICE_PERIODS, JSONB.valueOf(servicePeriods))
                .set(RESTAURANT.CLOSED_DATES, JSONB.valueOf("[]"))
                .set(RESTAURANT.SEATING_DURATIONS,
                        JSONB.valueOf("[{\"upToPartySize\":4,\"minutes\":90},{\"upToPartySize\":50,\"minutes\":120}]"))
                .set(RESTAURANT.CATALOG_VERSION, 1)
                .execute();
        List<UUID> tables = new ArrayList<>();
        for (int max : maxParties) {
            UUID table = UUID.randomUUID();
            db.insertInto(RESTAURANT_TABLE).set(RESTAURANT_TABLE.ID, table)
                    .set(RESTAURANT_TABLE.RESTAURANT_ID, restaurant).set(RESTAURANT_TABLE.MIN_PARTY, 1)
                    .set(RESTAURANT_TABLE.MAX_PARTY, max).execute();
            tables.add(table);
        }
        return new DiningFixtures(restaurant, owner, tables, ZoneId.of(zone));
    }

    static String everyDay(String opens, String closes) {
        List<String> periods = new ArrayList<>();
        for (int day = 1; day <= 7; day++) {
            periods.add("{\"weekday\":" + day + ",\"opens\":\"" + opens + "\",\"closes\":\"" + closes + "\"}");
        }
        return String.join(",", periods);
    }

    /** A confirmed reservation without deposit of this guest on the first table, written straight into the table. */
    UUID aConfirmedReservation(DSLContext db, UUID guest, LocalDate day, LocalTime time) {
        UUID id = UUID.randomUUID();
        OffsetDateTime starts = day.atTime(time).atZone(zone).toOffsetDateTime();
        db.insertInto(TABLE_RESERVATION)
                .set(TABLE_RESERVATION.ID, id).set(TABLE_RESERVATION.REFERENCE, aReference())
                .set(TABLE_RESERVATION.GUEST_ID, guest).set(TABLE_RESERVATION.RESTAURANT_ID, restaurant)
                .set(TABLE_RESERVATION.TABLE_ID, tables.getFirst()).set(TABLE_RESERVATION.DAY, day)
                .set(TABLE_RESERVATION.LOCAL_TIME, time).set(TABLE_RESERVATION.STARTS_AT, starts)
                .set(TABLE_RESERVATION.ENDS_AT, starts.plusMinutes(90)).set(TABLE_RESERVATION.PARTY_SIZE, 2)
                .set(TABLE_RESERVATION.DEPOSIT, BigDecimal.ZERO).set(TABLE_RESERVATION.CURRENCY, "EUR")
                .set(TABLE_RESERVATION.STATUS, "CONFIRMED").set(TABLE_RESERVATION.PAYMENT_STATUS, "NOT_CHARGED")
                .set(TABLE_RESERVATION.CREATED_AT, OffsetDateTime.now())
                .set(TABLE_RESERVATION.UPDATED_AT, OffsetDateTime.now())
                .execute();
        return id;
    }

    static String aReference() {
        String alphabet = "0123456789ABCDEFGHJKLMNPQRSTUVWXYZ";
        StringBuilder ref = new StringBuilder("RES-");
        for (int i = 0; i < 6; i++) {
            ref.append(alphabet.charAt(ThreadLocalRandom.current().nextInt(alphabet.length())));
        }
        return ref.toString();
    }
}
