package dev.stay.catalog.events;

import static dev.stay.catalog.db.Tables.OUTBOX;
import static dev.stay.catalog.db.Tables.PROPERTY;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.stay.catalog.db.tables.records.PropertyRecord;
import dev.stay.common.test.SubgraphTest;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationRegistry;
import io.micrometer.tracing.TraceContext;
import io.micrometer.tracing.Tracer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.UUID;
import java.util.regex.Pattern;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.jooq.DSLContext;
import org.jooq.JSONB;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The trace of a change goes through the outbox: the row keeps the appending request's traceparent, and the record
 * the relay sends carries, in its traceparent header, the relay's own send span in that same trace. Rows outside a
 * trace, or with a traceparent that is not one, still go out. And the outbox's lag is the oldest waiting event's age.
 */
@SubgraphTest
class OutboxTraceIT {

    static final Topic CATALOG_PROPERTY = new Topic(CatalogEvents.TOPIC);
    static final Pattern TRACEPARENT = Pattern.compile("00-([0-9a-f]{32})-([0-9a-f]{16})-[0-9a-f]{2}");
    static final Duration A_WHILE = Duration.ofSeconds(30);

    @Autowired DSLContext db;
    @Autowired TransactionTemplate transaction;
    @Autowired CatalogEvents events;
    @Autowired ObservationRegistry observations;
    @Autowired Tracer tracer;
    @Autowired MeterRegistry meters;

    @Test
    void aChangeInATracedRequestSendsItsRecordInThatTraceUnderTheRelaysOwnSpan() {
        record Appended(UUID hotel, UUID event, TraceContext request) {}
        Appended appended = Observation.createNotStarted("test.request", observations).observe(() -> transaction.execute(status -> {
            PropertyRecord hotel = aStoredHotel();
            return new Appended(hotel.getId(), events.propertyChanged(hotel), tracer.currentSpan().context());
        }));

        String stored = db.select(OUTBOX.TRACEPARENT).from(OUTBOX).where(OUTBOX.ID.eq(appended.event())).fetchSingle().value1();
        assertThat(stored).as("the request's span, sampled")
                .matches("00-" + appended.request().traceId() + "-" + appended.request().spanId() + "-0[13]");

        ConsumerRecord<String, String> sent = await().atMost(A_WHILE)
                .until(() -> CATALOG_PROPERTY.recordsWithKey(appended.hotel()), records -> !records.isEmpty()).getFirst();
        var header = TRACEPARENT.matcher(traceparent(sent));
        assertThat(header.matches()).as("a W3C traceparent header").isTrue();
        assertThat(header.group(1)).as("the request's trace").isEqualTo(appended.request().traceId());
        assertThat(header.group(2)).as("the relay's send span, not the request's").isNotEqualTo(appended.request().spanId());
    }

    @Test
    void aChangeOutsideATraceStoresNoTraceparentAndIsStillSent() {
        record Appended(UUID hotel, UUID event) {}
        Appended appended = transaction.execute(status -> {
            PropertyRecord hotel = aStoredHotel();
            return new Appended(hotel.getId(), events.propertyChanged(hotel));
        });

        assertThat(db.select(OUTBOX.TRACEPARENT).from(OUTBOX).where(OUTBOX.ID.eq(appended.event())).fetchSingle().value1()).isNull();
        ConsumerRecord<String, String> sent = await().atMost(A_WHILE)
                .until(() -> CATALOG_PROPERTY.recordsWithKey(appended.hotel()), records -> !records.isEmpty()).getFirst();
        assertThat(traceparent(sent)).as("the relay's send starts a trace of its own").matches(TRACEPARENT);
    }

    @Test
    void aRowWhoseTraceparentIsNotOneIsSentUnderAFreshTraceAndTheGarbageGoesNowhere() {
        UUID key = UUID.randomUUID();
        String garbage = "00-" + "z".repeat(32) + "-" + "0".repeat(16) + "-01\r\nx-injected: 1" + "é".repeat(5_000);
        transaction.executeWithoutResult(status -> db.insertInto(OUTBOX)
                .set(OUTBOX.ID, UUID.randomUUID()).set(OUTBOX.TOPIC, CatalogEvents.TOPIC).set(OUTBOX.KEY, key.toString())
                .set(OUTBOX.TYPE, "property-changed").set(OUTBOX.PAYLOAD, JSONB.valueOf("{}"))
                .set(OUTBOX.OCCURRED_AT, OffsetDateTime.now()).set(OUTBOX.TRACEPARENT, garbage)
                .execute());

        ConsumerRecord<String, String> sent = await().atMost(A_WHILE)
                .until(() -> CATALOG_PROPERTY.recordsWithKey(key), records -> !records.isEmpty()).getFirst();
        assertThat(traceparent(sent)).matches(TRACEPARENT);
        assertThat(sent.headers().toArray()).extracting(Header::key).containsExactly("traceparent");
    }

    @Test
    void theOutboxLagIsTheAgeOfTheOldestEventNotYetPublished() {
        transaction.executeWithoutResult(status -> {
            // uncommitted, so no relay can take it; the gauge reads through this transaction's connection
            db.insertInto(OUTBOX)
                    .set(OUTBOX.ID, UUID.randomUUID()).set(OUTBOX.TOPIC, "catalog.test").set(OUTBOX.KEY, "lag")
                    .set(OUTBOX.TYPE, "Test").set(OUTBOX.PAYLOAD, JSONB.valueOf("{}"))
                    .set(OUTBOX.OCCURRED_AT, OffsetDateTime.now().minusMinutes(10))
                    .execute();
            assertThat(meters.get("stay.outbox.lag").gauge().value()).isBetween(600.0, 700.0);
            status.setRollbackOnly();
        });
        await().atMost(A_WHILE).until(() -> meters.get("stay.outbox.lag").gauge().value() < 60);
    }

    private static String traceparent(ConsumerRecord<String, String> record) {
        Header header = record.headers().lastHeader("traceparent");
        assertThat(header).as("a traceparent header").isNotNull();
        return new String(header.value(), StandardCharsets.US_ASCII);
    }

    private PropertyRecord aStoredHotel() {
        return db.insertInto(PROPERTY)
                .set(new PropertyRecord().setId(UUID.randomUUID()).setOwnerId(UUID.randomUUID())
                        .setName("Casa da Sé").setStars(3).setStreet("Rua Augusta 1").setCity("Lisbon")
                        .setCountry("PT").setLat(38.7101).setLon(-9.1372).setTimeZone("Europe/Lisbon")
                        .setCurrency("EUR"))
                .returning()
                .fetchOne();
    }
}
