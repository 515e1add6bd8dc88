package dev.stay.catalog.restaurantsearch;

import static dev.stay.catalog.db.Tables.RESTAURANT;
import static dev.stay.catalog.db.Tables.RESTAURANT_TABLE;

import dev.stay.catalog.db.enums.Cuisine;
import dev.stay.catalog.db.enums.PropertyStatus;
import dev.stay.catalog.db.enums.TableArea;
import dev.stay.catalog.db.tables.records.RestaurantRecord;
import dev.stay.catalog.db.tables.records.RestaurantSeatingDurationRecord;
import dev.stay.catalog.db.tables.records.RestaurantServicePeriodRecord;
import dev.stay.catalog.db.tables.records.RestaurantTableRecord;
import dev.stay.devstack.engines.Engines;
import java.time.Instant;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.jooq.DSLContext;
import org.jooq.TableRecord;

/**
 * Published restaurants written straight to the catalog's tables and indexed, each test in a city of its own (a
 * random suffix, with accents), so tests never see each other's restaurants. Every one serves lunch (12:00-15:00)
 * and dinner (19:00-23:00) every day, every 15 minutes, 90 minutes for up to 2, 120 for up to 6; tables as asked.
 */
final class RestaurantSearchFixtures {

    private final DSLContext db;
    private final RestaurantIndex index;

    RestaurantSearchFixtures(DSLContext db, RestaurantIndex index) {
        this.db = db;
        this.index = index;
    }

    /** A city name no other test uses, with accents: "Évora Qxzvab". */
    static String aCity() {
        StringBuilder suffix = new StringBuilder();
        for (int i = 0; i < 6; i++) suffix.append((char) ('a' + ThreadLocalRandom.current().nextInt(26)));
        return "Évora Ção " + Character.toUpperCase(suffix.charAt(0)) + suffix.substring(1);
    }

    record Spec(String name, String city, int priceRange, double lat, double lon, List<Cuisine> cuisines) {

        Spec(String name, String city, int priceRange, Cuisine... cuisines) {
            this(name, city, priceRange, 38.57, -7.91, List.of(cuisines));
        }
    }

    /** Published, with one table for 2 and one for 4 to 6. */
    UUID aRestaurant(Spec spec) {
        return aRestaurant(spec, List.of(new int[] {1, 2}, new int[] {4, 6}));
    }

    UUID aRestaurant(Spec spec, List<int[]> tables) {
        UUID id = UUID.randomUUID();
        List<TableRecord<?>> rows = new ArrayList<>();
        rows.add(new RestaurantRecord().setId(id).setOwnerId(UUID.randomUUID()).setStatus(PropertyStatus.PUBLISHED)
                .setName(spec.name()).setDescription("Plates of the day by the square")
                .setCuisines(spec.cuisines().toArray(Cuisine[]::new)).setPriceRange((short) spec.priceRange())
                .setStreet("Praça do Giraldo 1").setCity(spec.city()).setCountry("PT").setLat(spec.lat())
                .setLon(spec.lon()).setTimeZone("Europe/Lisbon").setCurrency("EUR").setSlotMinutes((short) 15));
        for (short weekday = 1; weekday <= 7; weekday++) {
            rows.add(new RestaurantServicePeriodRecord(id, weekday, LocalTime.of(12, 0), LocalTime.of(15, 0)));
            rows.add(new RestaurantServicePeriodRecord(id, weekday, LocalTime.of(19, 0), LocalTime.of(23, 0)));
        }
        rows.add(new RestaurantSeatingDurationRecord(id, (short) 2, (short) 90));
        rows.add(new RestaurantSeatingDurationRecord(id, (short) 6, (short) 120));
        int label = 1;
        for (int[] table : tables) {
            rows.add(new RestaurantTableRecord(UUID.randomUUID(), id, "T" + label++, (short) table[0], (short) table[1],
                    TableArea.INSIDE, false));
        }
        db.batchInsert(rows).execute();
        return id;
    }

    List<UUID> tables(UUID restaurant) {
        return db.select(RESTAURANT_TABLE.ID).from(RESTAURANT_TABLE)
                .where(RESTAURANT_TABLE.RESTAURANT_ID.eq(restaurant))
                .orderBy(RESTAURANT_TABLE.LABEL).fetch(r -> r.value1());
    }

    void unpublish(UUID restaurant) {
        db.update(RESTAURANT).set(RESTAURANT.STATUS, PropertyStatus.DRAFT).set(RESTAURANT.VERSION, RESTAURANT.VERSION.plus(1))
                .where(RESTAURANT.ID.eq(restaurant)).execute();
    }

    /** Indexed as the Kafka feed would, visible to searches when it returns. */
    void indexed(List<UUID> ids) {
        index.refresh(ids);
    }

    static String envelope(String type, String data) {
        return "{\"eventId\":\"" + UUID.randomUUID() + "\",\"type\":\"" + type + "\",\"occurredAt\":\"" + Instant.now()
                + "\",\"data\":" + data + "}";
    }

    static void publish(String topic, String key, String value) {
        try (var producer = new KafkaProducer<String, String>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, Engines.shared().kafka().bootstrapServers(),
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class,
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class))) {
            producer.send(new ProducerRecord<>(topic, key, value));
        }
    }
}
