package dev.stay.booking.catalogfeed;

import static dev.stay.booking.db.Tables.APPLIED_EVENT;
import static dev.stay.booking.db.Tables.INVENTORY_NIGHT;
import static dev.stay.booking.db.Tables.PROPERTY;
import static dev.stay.booking.db.Tables.UNIT_TYPE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.stay.booking.db.tables.records.InventoryNightRecord;
import dev.stay.booking.db.tables.records.PropertyRecord;
import dev.stay.booking.db.tables.records.UnitTypeRecord;
import dev.stay.common.events.AppliedEventsPruning;
import dev.stay.common.test.DeadLetters;
import dev.stay.common.test.SubgraphTest;
import dev.stay.devstack.engines.Engines;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
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
 * The catalog's events, in the envelope its outbox publishes on {@code catalog.property}, through the real broker:
 * they create and update booking's properties and unit types, each once, never an older state over a newer one; what
 * cannot be applied is dead-lettered (at once when malformed, after retries otherwise) and never holds up the rest;
 * a database away for a while loses nothing.
 */
@SubgraphTest
class CatalogFeedIT {

    static final String TOPIC = CatalogFeedListener.TOPIC;
    static final DeadLetters DEAD_LETTERS = new DeadLetters(TOPIC + ".DLT");

    @Autowired DSLContext db;
    @Autowired AppliedEventsPruning pruning;
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
        assertThat(property.getStatus()).isEqualTo("PUBLISHED");
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
    void theHotelsStatusFollowsTheCatalog() {
        Event published = propertyChanged(1, "Europe/Rome", "EUR");
        Event suspended = event("property-changed", propertyData(hotel, 2, "SUSPENDED", "Europe/Rome", "EUR"));
        publish(published, suspended);
        awaitApplied(published, suspended);

        assertThat(db.fetchOne(PROPERTY, PROPERTY.ID.eq(hotel)).getStatus()).isEqualTo("SUSPENDED");
    }

    @Test
    void anEventDeliveredTwiceIsAppliedOnce() {
        Event euros = propertyChanged(2, "Europe/London", "EUR");
        Event pounds = propertyChanged(2, "Europe/London", "GBP"); // same version: the later one wins
        Event fiveRooms = unitTypeChanged(2, 2, 0, 5, false);
        Event sevenRooms = unitTypeChanged(2, 2, 0, 7, false);
        publish(euros, pounds, fiveRooms, sevenRooms);
        awaitApplied(pounds, sevenRooms);

        // the first of each again, as a relay that lost its commit would send it; then a late, older event of the
        // same key behind them, which is applied (as a no-op) only once they have been handled
        Event marker = propertyChanged(1, "Europe/London", "EUR");
        publish(euros, fiveRooms, marker);
        awaitApplied(marker);

        assertThat(db.fetchOne(PROPERTY, PROPERTY.ID.eq(hotel)).getCurrency()).isEqualTo("GBP");
        assertThat(db.fetchOne(UNIT_TYPE, UNIT_TYPE.ID.eq(suite)).getDefaultUnits()).isEqualTo(7);
        assertThat(db.fetchCount(APPLIED_EVENT, APPLIED_EVENT.EVENT_ID.in(
                ids(euros, pounds, fiveRooms, sevenRooms, marker)))).isEqualTo(5);
    }

    @Test
    void fewerRoomsByDefaultThanANightHasSoldPinThatNightToWhatItSoldInsteadOfOversellingIt() {
        Event property = propertyChanged(1, "Europe/Madrid", "EUR");
        Event fiveRooms = unitTypeChanged(1, 2, 0, 5, false);
        publish(property, fiveRooms);
        awaitApplied(property, fiveRooms);
        LocalDate busy = LocalDate.now().plusDays(10);
        LocalDate quiet = busy.plusDays(1);
        LocalDate ownCount = busy.plusDays(2);
        db.batchInsert(
                new InventoryNightRecord().setUnitTypeId(suite).setNight(busy).setTakenUnits(4),
                new InventoryNightRecord().setUnitTypeId(suite).setNight(quiet).setTakenUnits(1),
                new InventoryNightRecord().setUnitTypeId(suite).setNight(ownCount).setTotalUnits(8).setTakenUnits(6))
                .execute();

        Event twoRooms = unitTypeChanged(2, 2, 0, 2, false);
        publish(twoRooms);
        awaitApplied(twoRooms);

        assertThat(db.fetchOne(UNIT_TYPE, UNIT_TYPE.ID.eq(suite)).getDefaultUnits()).isEqualTo(2);
        assertThat(db.selectFrom(INVENTORY_NIGHT).where(INVENTORY_NIGHT.UNIT_TYPE_ID.eq(suite))
                .orderBy(INVENTORY_NIGHT.NIGHT).fetch(InventoryNightRecord::getTotalUnits))
                .as("sold out where it had sold more; the rest as they were").containsExactly(4, null, 8);
    }

    @Test
    void anOlderStateArrivingAfterANewerOneChangesNothing() {
        Event newer = propertyChanged(3, "America/New_York", "USD");
        Event removed = unitTypeChanged(3, 2, 2, 6, true);
        Event older = propertyChanged(2, "Europe/Berlin", "EUR");
        Event stillOnSale = unitTypeChanged(2, 2, 0, 9, false);
        publish(newer, removed, older, stillOnSale);
        awaitApplied(newer, removed, older, stillOnSale);

        PropertyRecord property = db.fetchOne(PROPERTY, PROPERTY.ID.eq(hotel));
        assertThat(property.getTimeZone()).isEqualTo("America/New_York");
        assertThat(property.getCurrency()).isEqualTo("USD");
        UnitTypeRecord unitType = db.fetchOne(UNIT_TYPE, UNIT_TYPE.ID.eq(suite));
        assertThat(unitType.getActive()).isFalse();
        assertThat(unitType.getMaxGuests()).isEqualTo(4);
        assertThat(unitType.getDefaultUnits()).isEqualTo(6);
    }

    @Test
    void malformedRecordsAreDeadLetteredAtOnceAndTheGoodOnesBehindThemAreApplied() {
        List<String> poison = List.of(
                "{not json",
                """
                {"type":"property-changed","occurredAt":"%s","data":{"propertyId":"%s"}}""".formatted(Instant.now(), hotel),
                event("property-changed", """
                        {"ownerId":"%s","status":"PUBLISHED","timeZone":"Europe/Madrid","currency":"EUR","version":1}"""
                        .formatted(owner)).json(),
                event("unit-type-changed", """
                        {"propertyId":"%s","maxAdults":2,"maxChildren":0,"defaultUnits":1,"propertyVersion":1}"""
                        .formatted(hotel)).json());
        for (String value : poison) {
            producer.send(new ProducerRecord<>(TOPIC, hotel.toString(), value));
        }
        Event good = propertyChanged(1, "Europe/Madrid", "EUR");
        Event goodSuite = unitTypeChanged(1, 2, 0, 3, false);
        publish(good, goodSuite);

        // well within the retries' budget (20 s in tests): these went straight to the dead letters
        await().atMost(Duration.ofSeconds(10)).until(() -> applied(good, goodSuite));
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                assertThat(DEAD_LETTERS.withKey(hotel)).extracting(DeadLetters.Letter::value)
                        .containsExactlyElementsOf(poison));
        assertThat(db.fetchOne(PROPERTY, PROPERTY.ID.eq(hotel)).getTimeZone()).isEqualTo("Europe/Madrid");
    }

    @Test
    void aSuiteOfAHotelBookingNeverHeardOfIsRetriedThenDeadLetteredNotSkipped() {
        Event orphan = unitTypeChanged(1, 2, 0, 3, false); // its hotel's first event never came
        Event next = propertyChanged(2, "Europe/Vienna", "EUR");
        publish(orphan, next);

        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> assertThat(DEAD_LETTERS.withKey(hotel))
                .singleElement()
                .satisfies(letter -> {
                    assertThat(letter.value()).isEqualTo(orphan.json());
                    assertThat(letter.headers()).contains("foreign key");
                }));
        awaitApplied(next);
        assertThat(db.fetchExists(UNIT_TYPE, UNIT_TYPE.ID.eq(suite))).isFalse();
        assertThat(db.fetchExists(APPLIED_EVENT, APPLIED_EVENT.EVENT_ID.eq(orphan.id().toString()))).isFalse();
    }

    @Test
    void eventsStreamedWhileTheDatabaseIsStoppedAreEachAppliedOnceWhenItIsBack() throws Exception {
        List<UUID> hotels = new ArrayList<>();
        List<Event> stream = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            UUID other = UUID.randomUUID();
            hotels.add(other);
            stream.add(event(other, "property-changed", propertyData(other, 1, "PUBLISHED", "Europe/Lisbon", "EUR")));
        }
        publish(stream.subList(0, 5).toArray(Event[]::new));
        awaitApplied(stream.subList(0, 5).toArray(Event[]::new));

        Engines.shared().postgres().stop();
        try {
            for (Event event : stream.subList(5, 30)) {
                publish(event);
            }
            // the database stays away longer than a listener without back-off would retry (the tests' pool gives up
            // on a connection after 1 s): what this test is about, not a wait for a result
            Thread.sleep(10_000);
        } finally {
            Engines.shared().postgres().start();
        }

        await().atMost(Duration.ofSeconds(90)).ignoreExceptions().until(() -> applied(stream.toArray(Event[]::new)));
        assertThat(db.fetchCount(PROPERTY, PROPERTY.ID.in(hotels))).isEqualTo(30);
        assertThat(db.fetchCount(APPLIED_EVENT, APPLIED_EVENT.EVENT_ID.in(ids(stream.toArray(Event[]::new)))))
                .isEqualTo(30);
        assertThat(hotels).allSatisfy(h -> assertThat(DEAD_LETTERS.withKey(h)).isEmpty());
    }

    @Test
    void appliedEventsAreForgottenAfterTheirRetention() {
        String old = "old-" + UUID.randomUUID();
        String recent = "recent-" + UUID.randomUUID();
        db.insertInto(APPLIED_EVENT, APPLIED_EVENT.EVENT_ID, APPLIED_EVENT.TOPIC, APPLIED_EVENT.APPLIED_AT)
                .values(old, TOPIC, OffsetDateTime.now().minusDays(15))
                .values(recent, TOPIC, OffsetDateTime.now().minusDays(13))
                .execute();

        assertThat(pruning.prune()).isGreaterThanOrEqualTo(1);

        assertThat(db.fetchExists(APPLIED_EVENT, APPLIED_EVENT.EVENT_ID.eq(old))).isFalse();
        assertThat(db.fetchExists(APPLIED_EVENT, APPLIED_EVENT.EVENT_ID.eq(recent))).isTrue();
    }

    record Event(UUID id, UUID key, String json) {}

    private Event propertyChanged(int version, String zone, String currency) {
        return event("property-changed", propertyData(hotel, version, "PUBLISHED", zone, currency));
    }

    private String propertyData(UUID property, int version, String status, String zone, String currency) {
        return """
                {"propertyId":"%s","ownerId":"%s","kind":"HOTEL","status":"%s","timeZone":"%s",\
                "currency":"%s","checkInTime":"14:00:00","version":%d,"occurredAt":"%s"}"""
                .formatted(property, owner, status, zone, currency, version, Instant.now());
    }

    private Event unitTypeChanged(int propertyVersion, int adults, int children, int units, boolean removed) {
        return event("unit-type-changed", """
                {"unitTypeId":"%s","propertyId":"%s","maxAdults":%d,"maxChildren":%d,"defaultUnits":%d,\
                "removed":%b,"propertyVersion":%d,"occurredAt":"%s"}"""
                .formatted(suite, hotel, adults, children, units, removed, propertyVersion, Instant.now()));
    }

    /** This test's hotel's event, in the envelope the catalog's outbox publishes. */
    private Event event(String type, String data) {
        return event(hotel, type, data);
    }

    /** In the envelope the catalog's outbox publishes, to be keyed by the property. */
    private static Event event(UUID property, String type, String data) {
        UUID id = UUID.randomUUID();
        return new Event(id, property, """
                {"eventId":"%s","type":"%s","occurredAt":"%s","data":%s}""".formatted(id, type, Instant.now(), data));
    }

    private void publish(Event... events) {
        for (Event event : events) {
            producer.send(new ProducerRecord<>(TOPIC, event.key().toString(), event.json()));
        }
        producer.flush();
    }

    private boolean applied(Event... events) {
        return db.fetchCount(APPLIED_EVENT, APPLIED_EVENT.EVENT_ID.in(ids(events))) == events.length;
    }

    private void awaitApplied(Event... events) {
        await().atMost(Duration.ofSeconds(30)).until(() -> applied(events));
    }

    private static List<String> ids(Event... events) {
        return Arrays.stream(events).map(e -> e.id().toString()).toList();
    }

    private static <R> R awaitRow(java.util.concurrent.Callable<R> row) {
        return await().atMost(Duration.ofSeconds(30)).until(row, r -> r != null);
    }
}
