package dev.stay.catalog.availability;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stay.devstack.engines.Engines;
import dev.stay.devstack.engines.Postgres;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import org.flywaydb.core.Flyway;
import org.jooq.CloseableDSLContext;
import org.jooq.DSLContext;
import org.jooq.conf.ParamType;
import org.jooq.impl.DSL;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * {@link BookableStays#lowestTotals} at the seed scale: 500,000 published hotels with 2 to 5 room types each
 * (1.75 million), and booking's sparse nights for one room type in ten (30 nights of the next 90 each, 5.25 million),
 * in a schema of its own. It prints PostgreSQL's plan and time for 10,000 candidates and stays of 1, 7 and 14
 * nights, and fails above a bound. Slow to fill (minutes), so only on request: {@code -Dstay.scale=true}.
 */
@EnabledIfSystemProperty(named = "stay.scale", matches = "true")
class BookableStaysScaleIT {

    static final int HOTELS = 500_000;
    /** A schema of its own in the catalog database, so the other tests of the JVM never see these hotels. */
    static final String SCHEMA = "catalog_scale";
    static CloseableDSLContext db;

    @BeforeAll
    static void aSeedScaleProjection() {
        Postgres postgres = Engines.shared().postgres();
        String url = postgres.jdbcUrl("catalog");
        url += (url.contains("?") ? "&" : "?") + "currentSchema=" + SCHEMA;
        Flyway.configure().dataSource(url, postgres.user(), postgres.password()).schemas(SCHEMA).defaultSchema(SCHEMA)
                .locations("classpath:db/migration/catalog").load().migrate();
        db = DSL.using(url, postgres.user(), postgres.password());
        db.settings().setRenderSchema(false);
        if (db.fetchCount(DSL.table("property")) < HOTELS) {
            fill(db);
        }
    }

    @AfterAll
    static void disconnect() {
        if (db != null) {
            db.close();
        }
    }

    /** Ids from md5 of the hotel number, room types numbered within their hotel; one in ten room types has nights. */
    static void fill(DSLContext db) {
        long started = System.nanoTime();
        db.execute("TRUNCATE property, availability_room_type, availability_night CASCADE");
        db.execute("""
                INSERT INTO property (id, owner_id, status, name, stars, street, city, country, lat, lon, time_zone,
                                      currency)
                SELECT md5('hotel' || i)::uuid, md5('owner' || (i / 4))::uuid, 'PUBLISHED', 'Hotel ' || i, 1 + i % 5,
                       'Street ' || i, 'City ' || (i % 1000), 'PT', 38.7, -9.1, 'Europe/Lisbon', 'EUR'
                FROM generate_series(0, ? - 1) i""", HOTELS);
        db.execute("""
                INSERT INTO availability_room_type (unit_type_id, property_id, max_guests, default_units, base_price,
                                                    min_stay, max_stay, active, version)
                SELECT md5('room' || i || '/' || t)::uuid, md5('hotel' || i)::uuid, 1 + t % 4, 2 + (i + t) % 9,
                       60 + (i * 7 + t * 13) % 300, 1, NULL, true, 1
                FROM generate_series(0, ? - 1) i, generate_series(0, 1 + i % 4) t""", HOTELS);
        db.execute("""
                INSERT INTO availability_night (unit_type_id, night, total_units, taken_units, price, closed, min_stay,
                                                max_stay, closed_to_arrival, closed_to_departure, version)
                SELECT r.unit_type_id, current_date + 1 + d * 3 + (hashtext(r.unit_type_id::text) & 1), NULL,
                       LEAST(r.default_units, d % 3), CASE WHEN d % 5 = 0 THEN r.base_price * 1.2 END, d % 29 = 0,
                       CASE WHEN d % 11 = 0 THEN 2 END, NULL, d % 17 = 0, false, 2
                FROM availability_room_type r, generate_series(0, 29) d
                WHERE hashtext(r.unit_type_id::text) % 10 = 0""");
        db.execute("""
                UPDATE availability_room_type r SET nights_until = n.last
                FROM (SELECT unit_type_id, max(night) AS last FROM availability_night GROUP BY unit_type_id) n
                WHERE n.unit_type_id = r.unit_type_id""");
        db.execute("VACUUM ANALYZE property");
        db.execute("VACUUM ANALYZE availability_room_type");
        db.execute("VACUUM ANALYZE availability_night");
        System.out.printf("filled %,d hotels, %,d room types, %,d nights in %d s%n", db.fetchCount(DSL.table("property")),
                db.fetchCount(DSL.table("availability_room_type")), db.fetchCount(DSL.table("availability_night")),
                (System.nanoTime() - started) / 1_000_000_000);
    }

    @Test
    void tenThousandCandidatesAreAnsweredInOneFastStatement() {
        long seed = Long.getLong("stay.scale.seed", System.nanoTime());
        System.out.println("candidate sample seed: " + seed);
        Random random = new Random(seed);
        List<UUID> candidates = new ArrayList<>();
        random.ints(10_000, 0, HOTELS).forEach(i -> candidates.add(hotelId(i)));
        BookableStays stays = new BookableStays(db);
        LocalDate in = LocalDate.now(ZoneId.of("Europe/Lisbon")).plusDays(10);
        for (int nights : new int[] {1, 7, 14}) {
            StayQuery stay = new StayQuery(in, in.plusDays(nights), 2, 1);
            stays.lowestTotals(candidates, stay); // warm the cache as a running catalog has it
            String sql = stays.lowestTotalsQuery(candidates, stay).getSQL(ParamType.INLINED);
            List<String> plan = db.fetch("EXPLAIN (ANALYZE, BUFFERS) " + sql).getValues(0, String.class);
            long started = System.nanoTime();
            int found = stays.lowestTotals(candidates, stay).size();
            long millis = (System.nanoTime() - started) / 1_000_000;
            System.out.printf("%d nights: %,d of 10,000 bookable, lowestTotals %d ms%n%s%n", nights, found, millis,
                    String.join("\n", plan));
            assertThat(found).as("most hotels have a room for two").isGreaterThan(5_000);
            assertThat(millis).as("10,000 candidates, %d nights", nights).isLessThan(2_000);
        }
    }

    /** PostgreSQL's {@code md5('hotel' || i)::uuid}. */
    private static UUID hotelId(int i) {
        try {
            byte[] md5 = MessageDigest.getInstance("MD5").digest(("hotel" + i).getBytes(StandardCharsets.UTF_8));
            ByteBuffer bytes = ByteBuffer.wrap(md5);
            return new UUID(bytes.getLong(), bytes.getLong());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
