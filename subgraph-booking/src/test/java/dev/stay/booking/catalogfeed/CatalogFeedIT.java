package dev.stay.booking.catalogfeed;

import static dev.stay.booking.db.Tables.APPLIED_EVENT;
import static dev.stay.booking.db.Tables.PARKED_UNIT_TYPE;
import static dev.stay.booking.db.Tables.PROPERTY;
import static dev.stay.booking.db.Tables.UNIT_TYPE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.stay.booking.db.tables.records.PropertyRecord;
import dev.stay.booking.db.tables.records.UnitTypeRecord;
import dev.stay.common.test.SubgraphTest;
import dev.stay.devstack.engines.Engines;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.util.Arrays;
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
 * The catalog's events, in the envelope its outbox publishes, through the real broker: they create and update
 * booking's properties and unit types, each once, never an older state over a newer one.
 */
@SubgraphTest
class CatalogFeedIT {

    static final String PROPERTY_CHANGED = "catalog.property-changed";
    static final String UNIT_TYPE_CHANGED = "catalog.unit-type-changed";

    @Autowired DSLContext db;
    KafkaProducer<String, String> producer;

    UUID hotel = UUID.randomUUID();
    UUID owner = UUID.randomUUID();
    UUID suite = UUID.randomUUID();

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
    void aNewHotelAndItsSuiteFromTheCatalogBecomeBookingsOwnUnpricedUntilTheOwnerPricesIt() {
        publish(propertyChanged(1, "Europe/Lisbon", "EUR"), unitTypeChanged(1, 2, 1, 4, false));

        PropertyRecord property = awaitRow(() -> db.fetchOne(PROPERTY, PROPERTY.ID.eq(hotel)));
        assertThat(property.getOwnerId()).isEqualTo(owner);
        assertThat(property.getTimeZone()).isEqualTo("Europe/Lisbon");
        assertThat(property.getCurrency()).isEqualTo("EUR");
        assertThat(property.getCheckInTime()).isEqualTo(LocalTime.of(14, 0));
        UnitTypeRecord unitType = awaitRow(() -> db.fetchOne(UNIT_TYPE, UNIT_TYPE.ID.eq(suite)));
        assertThat(unitType.getPropertyId()).isEqualTo(hotel);
        assertThat(unitType.getMaxGuests()).as("adults and children").isEqualTo(3);
        assertThat(unitType.getDefaultUnits()).isEqualTo(4);
        assertThat(unitType.getActive()).isTrue();
        assertThat(unitType.getBasePrice()).isNull();
    }

    @Test
    void aSuiteAnnouncedBeforeItsHotelWaitsForIt() {
        Event suiteFirst = unitTypeChanged(1, 2, 0, 3, false);
        publish(suiteFirst);
        awaitApplied(suiteFirst);
        assertThat(db.fetchExists(UNIT_TYPE, UNIT_TYPE.ID.eq(suite))).isFalse();
        assertThat(db.fetchExists(PARKED_UNIT_TYPE, PARKED_UNIT_TYPE.ID.eq(suite))).isTrue();

        publish(propertyChanged(1, "Europe/Paris", "EUR"));

        UnitTypeRecord unitType = awaitRow(() -> db.fetchOne(UNIT_TYPE, UNIT_TYPE.ID.eq(suite)));
        assertThat(unitType.getMaxGuests()).isEqualTo(2);
        assertThat(unitType.getDefaultUnits()).isEqualTo(3);
        assertThat(db.fetchExists(PARKED_UNIT_TYPE, PARKED_UNIT_TYPE.PROPERTY_ID.eq(hotel))).isFalse();
    }

    @Test
    void anEventDeliveredTwiceIsAppliedOnce() {
        Event euros = propertyChanged(2, "Europe/London", "EUR");
        Event pounds = propertyChanged(2, "Europe/London", "GBP"); // same version: the later one wins
        Event fiveRooms = unitTypeChanged(2, 2, 0, 5, false);
        Event sevenRooms = unitTypeChanged(2, 2, 0, 7, false);
        publish(euros, pounds);
        awaitApplied(pounds);
        publish(fiveRooms, sevenRooms);
        awaitApplied(sevenRooms);

        // the first of each again, as a relay that lost its commit would send it; then a late, older event of the
        // same key behind them, which is applied (as a no-op) only once they have been handled
        Event propertyMarker = propertyChanged(1, "Europe/London", "EUR");
        Event unitTypeMarker = unitTypeChanged(1, 2, 0, 1, false);
        publish(euros, propertyMarker, fiveRooms, unitTypeMarker);
        awaitApplied(propertyMarker, unitTypeMarker);

        assertThat(db.fetchOne(PROPERTY, PROPERTY.ID.eq(hotel)).getCurrency()).isEqualTo("GBP");
        assertThat(db.fetchOne(UNIT_TYPE, UNIT_TYPE.ID.eq(suite)).getDefaultUnits()).isEqualTo(7);
        assertThat(db.fetchCount(APPLIED_EVENT, APPLIED_EVENT.EVENT_ID.in(
                euros.id(), pounds.id(), fiveRooms.id(), sevenRooms.id(), propertyMarker.id(), unitTypeMarker.id())))
                .isEqualTo(6);
    }

    @Test
    void anOlderStateArrivingAfterANewerOneChangesNothing() {
        Event newer = propertyChanged(3, "America/New_York", "USD");
        Event removed = unitTypeChanged(3, 2, 2, 6, true);
        publish(newer);
        awaitApplied(newer);
        publish(removed);
        awaitApplied(removed);

        Event older = propertyChanged(2, "Europe/Berlin", "EUR");
        Event stillOnSale = unitTypeChanged(2, 2, 0, 9, false);
        publish(older, stillOnSale);
        awaitApplied(older, stillOnSale);

        PropertyRecord property = db.fetchOne(PROPERTY, PROPERTY.ID.eq(hotel));
        assertThat(property.getTimeZone()).isEqualTo("America/New_York");
        assertThat(property.getCurrency()).isEqualTo("USD");
        UnitTypeRecord unitType = db.fetchOne(UNIT_TYPE, UNIT_TYPE.ID.eq(suite));
        assertThat(unitType.getActive()).isFalse();
        assertThat(unitType.getMaxGuests()).isEqualTo(4);
        assertThat(unitType.getDefaultUnits()).isEqualTo(6);
    }

    record Event(String topic, String key, UUID id, String json) {}

    private Event propertyChanged(int version, String zone, String currency) {
        return event(PROPERTY_CHANGED, "PropertyChanged", """
                {"propertyId":"%s","ownerId":"%s","kind":"HOTEL","status":"PUBLISHED","timeZone":"%s",\
                "currency":"%s","checkInTime":"14:00:00","version":%d,"occurredAt":"%s"}"""
                .formatted(hotel, owner, zone, currency, version, Instant.now()));
    }

    private Event unitTypeChanged(int propertyVersion, int adults, int children, int units, boolean removed) {
        return event(UNIT_TYPE_CHANGED, "UnitTypeChanged", """
                {"unitTypeId":"%s","propertyId":"%s","maxAdults":%d,"maxChildren":%d,"defaultUnits":%d,\
                "removed":%b,"propertyVersion":%d,"occurredAt":"%s"}"""
                .formatted(suite, hotel, adults, children, units, removed, propertyVersion, Instant.now()));
    }

    /** In the envelope the catalog's outbox publishes, keyed by the property. */
    private Event event(String topic, String type, String data) {
        UUID id = UUID.randomUUID();
        return new Event(topic, hotel.toString(), id, """
                {"eventId":"%s","type":"%s","occurredAt":"%s","data":%s}""".formatted(id, type, Instant.now(), data));
    }

    private void publish(Event... events) {
        for (Event event : events) {
            producer.send(new ProducerRecord<>(event.topic(), event.key(), event.json()));
        }
        producer.flush();
    }

    private void awaitApplied(Event... events) {
        UUID[] ids = Arrays.stream(events).map(Event::id).toArray(UUID[]::new);
        await().atMost(Duration.ofSeconds(30))
                .until(() -> db.fetchCount(APPLIED_EVENT, APPLIED_EVENT.EVENT_ID.in(ids)) == ids.length);
    }

    private static <R> R awaitRow(java.util.concurrent.Callable<R> row) {
        return await().atMost(Duration.ofSeconds(30)).until(row, r -> r != null);
    }
}
