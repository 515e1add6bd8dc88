package dev.stay.catalog.events;

import static dev.stay.catalog.db.Tables.OUTBOX;
import static dev.stay.catalog.db.Tables.PROPERTY;
import static dev.stay.catalog.db.Tables.UNIT_TYPE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import dev.stay.catalog.db.tables.records.PropertyRecord;
import dev.stay.catalog.db.tables.records.UnitTypeRecord;
import dev.stay.common.outbox.EventEnvelope;
import dev.stay.common.outbox.OutboxRelay;
import dev.stay.common.outbox.OutboxSchedule;
import dev.stay.common.test.SubgraphTest;
import dev.stay.devstack.engines.Engines;
import java.time.Duration;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.jooq.DSLContext;
import org.jooq.JSONB;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * The catalog's events through its outbox to the real broker: published when, and only when, the change commits;
 * once, in the envelope, keyed by the property, the property and its unit types on one topic; later when the broker
 * was away; in order per property.
 */
@SubgraphTest
class CatalogEventsIT {

    static final Topic CATALOG_PROPERTY = new Topic(CatalogEvents.TOPIC);
    static final Duration A_WHILE = Duration.ofSeconds(30);

    @Autowired DSLContext db;
    @Autowired TransactionTemplate transaction;
    @Autowired CatalogEvents events;
    @Autowired OutboxRelay relay;
    @Autowired OutboxSchedule schedule;
    @Autowired JsonMapper json;

    @Test
    void aNewHotelWithASuiteIsPublishedOnceInTheEnvelopeKeyedByTheHotel() {
        record Written(PropertyRecord hotel, UUID propertyEvent, UUID unitTypeEvent) {}
        Written written = transaction.execute(status -> {
            PropertyRecord hotel = aStoredHotel();
            UnitTypeRecord suite = aStoredSuite(hotel);
            return new Written(hotel, events.propertyChanged(hotel), events.unitTypeChanged(suite, 1));
        });
        PropertyRecord hotel = written.hotel();

        await().atMost(A_WHILE).until(() -> published(List.of(written.propertyEvent(), written.unitTypeEvent())));
        relay.publishPending(); // another round: nothing of this hotel's is sent again

        List<ConsumerRecord<String, String>> sent = CATALOG_PROPERTY.recordsWithKey(hotel.getId());
        assertThat(sent).as("the property, then its suite, on one topic").hasSize(2);
        Map<String, Object> onTheWire = json.readValue(sent.getFirst().value(), new TypeReference<>() {});
        assertThat(onTheWire).containsOnlyKeys("eventId", "type", "occurredAt", "data");
        assertThat(onTheWire.get("eventId")).isEqualTo(written.propertyEvent().toString());
        assertThat(onTheWire.get("occurredAt")).isInstanceOf(String.class);
        EventEnvelope envelope = json.readValue(sent.getFirst().value(), EventEnvelope.class);
        assertThat(envelope.eventId()).isEqualTo(written.propertyEvent());
        assertThat(envelope.type()).isEqualTo("property-changed");
        assertThat(envelope.occurredAt()).isNotNull();
        assertThat(json.treeToValue(envelope.data(), PropertyChanged.class))
                .usingRecursiveComparison().ignoringFields("occurredAt")
                .isEqualTo(new PropertyChanged(hotel.getId(), hotel.getOwnerId(), "HOTEL", "DRAFT", "Europe/Lisbon",
                        "EUR", LocalTime.of(15, 0), 1, null));

        EventEnvelope unitType = json.readValue(sent.get(1).value(), EventEnvelope.class);
        assertThat(unitType.eventId()).isEqualTo(written.unitTypeEvent());
        assertThat(unitType.type()).isEqualTo("unit-type-changed");
        assertThat(json.treeToValue(unitType.data(), UnitTypeChanged.class))
                .usingRecursiveComparison().ignoringFields("unitTypeId", "occurredAt")
                .isEqualTo(new UnitTypeChanged(null, hotel.getId(), 2, 1, 4, false, 1, null));
        assertThat(sent.get(1).partition()).as("one key, one partition, one order").isEqualTo(sent.getFirst().partition());
    }

    @Test
    void aChangeRolledBackIsNeverPublished() {
        UUID[] rolledBack = new UUID[2];
        transaction.executeWithoutResult(status -> {
            PropertyRecord hotel = aStoredHotel();
            rolledBack[0] = hotel.getId();
            rolledBack[1] = events.propertyChanged(hotel);
            status.setRollbackOnly();
        });
        // written after it: once this one is out, the relay has gone past where the other would have been
        UUID later = transaction.execute(status -> events.propertyChanged(aStoredHotel()));

        await().atMost(A_WHILE).until(() -> published(List.of(later)));

        assertThat(db.fetchExists(OUTBOX, OUTBOX.ID.eq(rolledBack[1]))).isFalse();
        assertThat(CATALOG_PROPERTY.recordsWithKey(rolledBack[0])).isEmpty();
    }

    @Test
    void anEventOutsideATransactionIsRefused() {
        PropertyRecord hotel = aStoredHotel();

        assertThatThrownBy(() -> events.propertyChanged(hotel)).isInstanceOf(IllegalStateException.class);
        assertThat(db.fetchExists(OUTBOX, OUTBOX.KEY.eq(hotel.getId().toString()))).isFalse();
    }

    @Test
    void aChangeCommittedWhileKafkaIsDownIsPublishedWhenItIsBack() {
        UUID event;
        Engines.shared().kafka().stop();
        try {
            event = transaction.execute(status -> events.propertyChanged(aStoredHotel()));

            relay.publishPending(); // the broker cannot acknowledge: nothing is marked published
            assertThat(published(List.of(event))).isFalse();
        } finally {
            Engines.shared().kafka().start();
        }

        await().atMost(Duration.ofSeconds(60)).until(() -> published(List.of(event)));
        assertThat(CATALOG_PROPERTY.all())
                .anySatisfy(r -> assertThat(json.readValue(r.value(), EventEnvelope.class).eventId()).isEqualTo(event));
    }

    @Test
    void whileAnotherInstanceSendsAHotelsEventItsLaterOnesWaitButOtherHotelsGoAhead() throws Exception {
        schedule.stop(); // this test drives the relay itself
        CountDownLatch release = new CountDownLatch(1);
        try {
            PropertyRecord first = transaction.execute(status -> aStoredHotel());
            UUID firstV1 = transaction.execute(status -> events.propertyChanged(first));
            UUID firstV2 = transaction.execute(status -> events.propertyChanged(db.update(PROPERTY)
                    .set(PROPERTY.VERSION, PROPERTY.VERSION.plus(1)).set(PROPERTY.CHECK_IN_TIME, LocalTime.of(14, 0))
                    .where(PROPERTY.ID.eq(first.getId()))
                    .returning().fetchOne()));
            UUID other = transaction.execute(status -> events.propertyChanged(aStoredHotel()));

            CountDownLatch taken = new CountDownLatch(1);
            // another instance's relay, mid-send: it holds the hotel's first event
            CompletableFuture<Void> anotherInstance = CompletableFuture.runAsync(() ->
                    transaction.executeWithoutResult(status -> {
                        db.selectFrom(OUTBOX).where(OUTBOX.ID.eq(firstV1)).forUpdate().fetch();
                        taken.countDown();
                        awaitQuietly(release);
                    }));
            assertThat(taken.await(30, TimeUnit.SECONDS)).isTrue();

            relay.publishPending();
            assertThat(published(List.of(other))).isTrue();
            assertThat(published(List.of(firstV1))).isFalse();
            assertThat(published(List.of(firstV2))).as("must not overtake v1").isFalse();

            release.countDown();
            anotherInstance.get(30, TimeUnit.SECONDS);
            relay.publishPending();

            assertThat(CATALOG_PROPERTY.recordsWithKey(first.getId()))
                    .extracting(r -> json.readValue(r.value(), EventEnvelope.class).eventId())
                    .containsExactly(firstV1, firstV2);
        } finally {
            release.countDown();
            schedule.start();
        }
    }

    @Test
    void publishedEventsAreDeletedAfterTheirRetention() {
        UUID expired = anEventPublished(OffsetDateTime.now().minusDays(8));
        UUID recent = anEventPublished(OffsetDateTime.now().minusDays(1));

        relay.deleteExpired();

        assertThat(db.fetchExists(OUTBOX, OUTBOX.ID.eq(expired))).isFalse();
        assertThat(db.fetchExists(OUTBOX, OUTBOX.ID.eq(recent))).isTrue();
    }

    private boolean published(List<UUID> eventIds) {
        return db.fetchCount(OUTBOX, OUTBOX.ID.in(eventIds).and(OUTBOX.PUBLISHED_AT.isNotNull())) == eventIds.size();
    }

    private static void awaitQuietly(CountDownLatch latch) {
        try {
            assertThat(latch.await(30, TimeUnit.SECONDS)).isTrue();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private UUID anEventPublished(OffsetDateTime at) {
        UUID id = UUID.randomUUID();
        db.insertInto(OUTBOX)
                .set(OUTBOX.ID, id).set(OUTBOX.TOPIC, "catalog.test").set(OUTBOX.KEY, id.toString())
                .set(OUTBOX.TYPE, "Test").set(OUTBOX.PAYLOAD, JSONB.valueOf("{}"))
                .set(OUTBOX.OCCURRED_AT, at).set(OUTBOX.PUBLISHED_AT, at)
                .execute();
        return id;
    }

    /** A draft Lisbon hotel as stored, with the database's defaults (version 1, check-in at 15:00). */
    private PropertyRecord aStoredHotel() {
        return db.insertInto(PROPERTY)
                .set(new PropertyRecord().setId(UUID.randomUUID()).setOwnerId(UUID.randomUUID())
                        .setName("Casa do Rio").setStars(4).setStreet("Rua do Ouro 10").setCity("Lisbon")
                        .setCountry("PT").setLat(38.7101).setLon(-9.1372).setTimeZone("Europe/Lisbon")
                        .setCurrency("EUR"))
                .returning()
                .fetchOne();
    }

    private UnitTypeRecord aStoredSuite(PropertyRecord hotel) {
        return db.insertInto(UNIT_TYPE)
                .set(new UnitTypeRecord().setId(UUID.randomUUID()).setPropertyId(hotel.getId()).setPosition(0)
                        .setName("Suite").setMaxAdults(2).setMaxChildren(1).setBeds("1 king bed").setDefaultUnits(4))
                .returning()
                .fetchOne();
    }
}
