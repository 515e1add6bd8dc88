package dev.stay.booking.dining;

import static dev.stay.booking.db.Tables.APPLIED_EVENT;
import static dev.stay.booking.db.Tables.RESTAURANT;
import static dev.stay.booking.db.Tables.RESTAURANT_TABLE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.stay.booking.db.tables.records.RestaurantRecord;
import dev.stay.common.test.DeadLetters;
import dev.stay.common.test.SubgraphTest;
import dev.stay.devstack.engines.Engines;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.jooq.DSLContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The catalog's {@code restaurant-changed} through the real broker: booking's copy follows it, each event once, never
 * an older version over a newer one; a table dropped takes no more reservations; what cannot be applied is
 * dead-lettered and holds up nothing behind it.
 */
@SubgraphTest
class RestaurantFeedIT {

    static final DeadLetters DEAD_LETTERS = new DeadLetters(RestaurantFeed.TOPIC + ".DLT");

    @Autowired DSLContext db;
    KafkaProducer<String, String> producer;
    UUID restaurant = UUID.randomUUID();
    UUID owner = UUID.randomUUID();
    UUID window = UUID.randomUUID();
    UUID terrace = UUID.randomUUID();

    record Event(UUID id, String json) {}

    @BeforeEach
    void connect() {
        producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, Engines.shared().kafka().bootstrapServers(),
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class,
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class));
    }

    @AfterEach
    void disconnect() {
        producer.close();
    }

    @Test
    void aRestaurantAndItsTablesBecomeBookingsOwnAndFollowTheCatalog() {
        Event first = changed(1, "PUBLISHED", "10.00", tables(true, true));
        publish(first);
        RestaurantRecord row = await().atMost(Duration.ofSeconds(30))
                .until(() -> db.fetchOne(RESTAURANT, RESTAURANT.ID.eq(restaurant)), r -> r != null);
        assertThat(row.getOwnerId()).isEqualTo(owner);
        assertThat(row.getTimeZone()).isEqualTo("Europe/Lisbon");
        assertThat(row.getDepositPerGuest()).isEqualByComparingTo("10.00");
        assertThat(row.getServicePeriods().data()).contains("\"weekday\": 5").contains("22:00");
        assertThat(db.fetchCount(RESTAURANT_TABLE, RESTAURANT_TABLE.RESTAURANT_ID.eq(restaurant)
                .and(RESTAURANT_TABLE.ACTIVE))).isEqualTo(2);

        Event second = changed(2, "PUBLISHED", "12.50", tables(true, false)); // the terrace is gone
        publish(second, first); // the first again, late
        Event marker = changed(1, "SUSPENDED", "0", tables(false, false)); // older: applied as nothing
        publish(marker);
        awaitApplied(second, marker);

        RestaurantRecord now = db.fetchOne(RESTAURANT, RESTAURANT.ID.eq(restaurant));
        assertThat(now.getCatalogVersion()).isEqualTo(2);
        assertThat(now.getStatus()).isEqualTo("PUBLISHED");
        assertThat(now.getDepositPerGuest()).isEqualByComparingTo("12.50");
        assertThat(db.select(RESTAURANT_TABLE.ID).from(RESTAURANT_TABLE).where(RESTAURANT_TABLE.RESTAURANT_ID
                .eq(restaurant)).and(RESTAURANT_TABLE.ACTIVE).fetch(RESTAURANT_TABLE.ID)).containsExactly(window);
        assertThat(db.fetchCount(APPLIED_EVENT, APPLIED_EVENT.EVENT_ID.eq(first.id().toString()))).isEqualTo(1);
    }

    @Test
    void poisonIsDeadLetteredAndTheGoodEventBehindItApplied() {
        List<String> poison = List.of(
                "{not json",
                envelope(UUID.randomUUID(), data(1, "PUBLISHED", "10.00", tables(true, true))
                        .replace("Europe/Lisbon", "Mars/Olympus_Mons")),
                envelope(UUID.randomUUID(), data(1, "PUBLISHED", "10.00", tables(true, true))
                        .replace("\"maxParty\":4", "\"maxParty\":0")),
                envelope(UUID.randomUUID(), data(1, "OPEN", "10.00", tables(true, true))),
                envelope(UUID.randomUUID(), data(1, "PUBLISHED", "-5", tables(true, true))));
        for (String value : poison) {
            producer.send(new ProducerRecord<>(RestaurantFeed.TOPIC, restaurant.toString(), value));
        }
        Event good = changed(3, "PUBLISHED", "10.00", tables(true, true));
        publish(good);

        awaitApplied(good);
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                assertThat(DEAD_LETTERS.withKey(restaurant)).extracting(DeadLetters.Letter::value)
                        .containsExactlyElementsOf(poison));
        assertThat(db.fetchOne(RESTAURANT, RESTAURANT.ID.eq(restaurant)).getCatalogVersion()).isEqualTo(3);
    }

    private String tables(boolean windowActive, boolean terraceListed) {
        String w = "{\"id\":\"%s\",\"label\":\"W1\",\"minParty\":1,\"maxParty\":4,\"area\":\"window\",\"active\":%s}"
                .formatted(window, windowActive);
        String t = "{\"id\":\"%s\",\"label\":\"T1\",\"minParty\":2,\"maxParty\":6,\"area\":\"terrace\",\"active\":true}"
                .formatted(terrace);
        return terraceListed ? "[" + w + "," + t + "]" : "[" + w + "]";
    }

    private String data(int version, String status, String deposit, String tables) {
        return """
                {"restaurantId":"%s","ownerId":"%s","status":"%s","name":"Tasca","city":"Lisboa","country":"PT",
                 "lat":38.71,"lon":-9.14,"timeZone":"Europe/Lisbon","currency":"EUR","slotMinutes":30,
                 "depositPerGuest":"%s","depositRefundableHours":24,
                 "servicePeriods":[{"weekday":5,"opens":"22:00","closes":"02:00"}],
                 "closedDates":["2026-12-25"],"seatingDurations":[{"upToPartySize":4,"minutes":90}],
                 "tables":%s,"version":%d,"occurredAt":"%s"}"""
                .formatted(restaurant, owner, status, deposit, tables, version, Instant.now());
    }

    private Event changed(int version, String status, String deposit, String tables) {
        UUID id = UUID.randomUUID();
        return new Event(id, envelope(id, data(version, status, deposit, tables)));
    }

    private static String envelope(UUID id, String data) {
        return """
                {"eventId":"%s","type":"restaurant-changed","occurredAt":"%s","data":%s}"""
                .formatted(id, Instant.now(), data);
    }

    private void publish(Event... events) {
        for (Event e : events) {
            producer.send(new ProducerRecord<>(RestaurantFeed.TOPIC, restaurant.toString(), e.json()));
        }
        producer.flush();
    }

    private void awaitApplied(Event... events) {
        await().atMost(Duration.ofSeconds(30)).until(() -> db.fetchCount(APPLIED_EVENT, APPLIED_EVENT.EVENT_ID.in(
                java.util.Arrays.stream(events).map(e -> e.id().toString()).toList())) == events.length);
    }
}
