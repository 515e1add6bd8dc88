package dev.stay.catalog.bookingfeed;

import static dev.stay.catalog.db.Tables.PROPERTY;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.stay.catalog.db.enums.Amenity;
import dev.stay.catalog.db.enums.PropertyStatus;
import dev.stay.catalog.db.tables.records.PropertyRecord;
import dev.stay.common.test.SignedIn;
import dev.stay.common.test.SubgraphTest;
import dev.stay.devstack.engines.Engines;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.jooq.DSLContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.graphql.test.tester.GraphQlTester;
import org.springframework.graphql.test.tester.WebGraphQlTester;

/**
 * A hotel's currency is what its prices mean: once booking announces a priced night (its {@code inventory-changed}
 * on {@code booking.inventory}, through the real broker), the catalog refuses to change the currency.
 */
@SubgraphTest
class CurrencyLockIT {

    static final String UPDATE = "mutation ($id: ID!, $version: Int!, $input: UpdateHotelInput!) { "
            + "updateHotel(id: $id, version: $version, input: $input) { hotel { version } errors { field code } } }";

    @Autowired WebGraphQlTester graphQl;
    @Autowired DSLContext db;
    final UUID owner = UUID.randomUUID();

    @AfterEach
    void signOut() {
        SignedIn.nobody();
    }

    @Test
    void aHotelWithPricedNightsKeepsItsCurrency() {
        UUID hotel = aHotelInEuros();
        SignedIn.as(owner, "owner");
        assertThat(update(hotel, 1, Map.of("currency", "GBP")).path("updateHotel.errors").entityList(Object.class).get())
                .as("no prices yet: the currency may change").isEmpty();

        publish(hotel, inventoryChanged(hotel, "120.00", "GBP"));
        await().atMost(Duration.ofSeconds(20)).until(() -> pricedSince(hotel) != null);

        var refused = update(hotel, 2, Map.of("currency", "USD"));
        refused.path("updateHotel.errors[0].code").entity(String.class).isEqualTo("CURRENCY_LOCKED");
        refused.path("updateHotel.errors[0].field").entity(String.class).isEqualTo("currency");
        refused.path("updateHotel.hotel").valueIsNull();
        PropertyRecord stored = db.selectFrom(PROPERTY).where(PROPERTY.ID.eq(hotel)).fetchSingle();
        assertThat(stored.getCurrency()).isEqualTo("GBP");
        assertThat(stored.getVersion()).isEqualTo(2);
        assertThat(update(hotel, 2, Map.of("currency", "GBP", "stars", 5)).path("updateHotel.errors")
                .entityList(Object.class).get()).as("the same currency, with other changes, is fine").isEmpty();
    }

    @Test
    void closingNightsWithoutAPriceLocksNothingAndAPoisonRecordBlocksNothing() {
        UUID closedOnly = aHotelInEuros();
        UUID priced = aHotelInEuros();

        publish(closedOnly, inventoryChanged(closedOnly, null, "EUR"));
        publish(priced, "{not json");
        publish(priced, inventoryChanged(priced, "80", "EUR"));

        await().atMost(Duration.ofSeconds(20)).until(() -> pricedSince(priced) != null);
        assertThat(pricedSince(closedOnly)).isNull();
    }

    private UUID aHotelInEuros() {
        UUID id = UUID.randomUUID();
        db.executeInsert(new PropertyRecord().setId(id).setOwnerId(owner).setStatus(PropertyStatus.PUBLISHED)
                .setName("Casa Moeda").setDescription("").setStars(3).setStreet("Rua 1").setCity("Porto")
                .setCountry("PT").setLat(41.15).setLon(-8.61).setTimeZone("Europe/Lisbon").setCurrency("EUR")
                .setAmenities(new Amenity[0]).setVersion(1));
        return id;
    }

    private GraphQlTester.Response update(UUID hotel, int version, Map<String, Object> input) {
        return graphQl.document(UPDATE).variable("id", hotel.toString()).variable("version", version)
                .variable("input", input).execute();
    }

    private Object pricedSince(UUID hotel) {
        return db.select(PROPERTY.PRICED_SINCE).from(PROPERTY).where(PROPERTY.ID.eq(hotel)).fetchOne(PROPERTY.PRICED_SINCE);
    }

    /** Booking's event, in the envelope its outbox publishes. */
    private static String inventoryChanged(UUID hotel, String price, String currency) {
        return """
                {"eventId":"%s","type":"inventory-changed","occurredAt":"%s","data":{"propertyId":"%s",\
                "roomTypeId":"%s","from":"2027-03-01","to":"2027-03-05","rooms":null,"price":%s,"currency":"%s",\
                "closed":%s}}""".formatted(UUID.randomUUID(), Instant.now(), hotel, UUID.randomUUID(), price, currency,
                price == null);
    }

    private static void publish(UUID hotel, String value) {
        try (var producer = new KafkaProducer<String, String>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, Engines.shared().kafka().bootstrapServers(),
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class,
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class))) {
            producer.send(new ProducerRecord<>(BookingFeedListener.TOPIC, hotel.toString(), value));
        }
    }
}
