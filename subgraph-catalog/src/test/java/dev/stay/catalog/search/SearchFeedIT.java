package dev.stay.catalog.search;

import static dev.stay.catalog.db.Tables.PROPERTY_RATING;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.stay.catalog.events.CatalogEvents;
import dev.stay.catalog.search.SearchFixtures.Spec;
import dev.stay.common.test.DeadLetters;
import dev.stay.common.test.SubgraphTest;
import dev.stay.devstack.engines.Engines;
import java.math.BigDecimal;
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
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.graphql.test.tester.WebGraphQlTester;

/**
 * The index's feed through the real broker: an event of a type search has never heard of (reviews' property-rated)
 * re-reads the property; a poison record goes to the dead letters and the feed goes on.
 */
@SubgraphTest
class SearchFeedIT {

    static final DeadLetters DEAD_LETTERS = new DeadLetters(CatalogEvents.TOPIC + ".DLT");

    @Autowired WebGraphQlTester graphQl;
    @Autowired DSLContext db;
    @Autowired PropertyIndexer indexer;
    @Autowired PropertyIndex index;

    @Test
    void aPropertyRatedEventBringsTheNewRatingIntoTheIndex() {
        String city = SearchFixtures.aCity();
        UUID id = new SearchFixtures(db, indexer).aHotel(new Spec("Rated Later", city, 4, null, 0, 0.3, 6.7));
        indexer.refresh(List.of(id));
        assertThat(index.current(List.of(id)).get(id).rating()).isNull();

        // what the reviews feature will do: the table, then its event on catalog.property
        db.insertInto(PROPERTY_RATING).set(PROPERTY_RATING.PROPERTY_ID, id)
                .set(PROPERTY_RATING.AVERAGE, new BigDecimal("8.80")).set(PROPERTY_RATING.REVIEW_COUNT, 12).execute();
        publish(id.toString(), envelope("property-rated", "{\"propertyId\":\"" + id + "\",\"average\":8.8,\"reviewCount\":12}"));

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(graphQl.document(
                        "query ($i: HotelSearchInput!) { searchHotels(input: $i) { edges { rating reviewCount } } }")
                .variable("i", Map.of("city", city, "minRating", 8.0)).execute()
                .path("searchHotels.edges[*].reviewCount").entityList(Integer.class).get()).containsExactly(12));
    }

    @Test
    void aPoisonRecordIsDeadLetteredAndTheFeedGoesOn() {
        String city = SearchFixtures.aCity();
        UUID hotel = new SearchFixtures(db, indexer).aHotel(new Spec("After The Poison", city, 3, null, 0, 0.3, 6.7));

        // one key, so one partition: the valid event behind the poison is read only if the poison is got out of the way.
        // JSON without an event id: other readers of this shared topic (CatalogEventsIT's) still parse it
        publish(hotel.toString(), "{\"poison\":true}");
        publish(hotel.toString(), envelope("property-changed", "{\"propertyId\":\"" + hotel + "\"}"));

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(index.current(List.of(hotel))).containsKey(hotel));
        assertThat(DEAD_LETTERS.withKey(hotel)).extracting(DeadLetters.Letter::value).containsExactly("{\"poison\":true}");
    }

    private static String envelope(String type, String data) {
        return "{\"eventId\":\"" + UUID.randomUUID() + "\",\"type\":\"" + type + "\",\"occurredAt\":\"" + Instant.now()
                + "\",\"data\":" + data + "}";
    }

    private static void publish(String key, String value) {
        try (var producer = new KafkaProducer<String, String>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, Engines.shared().kafka().bootstrapServers(),
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class,
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class))) {
            producer.send(new ProducerRecord<>(CatalogEvents.TOPIC, key, value));
        }
    }
}
