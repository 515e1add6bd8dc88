package dev.stay.common.outbox;

import static dev.stay.common.outbox.OutboxTable.ID;
import static dev.stay.common.outbox.OutboxTable.KEY;
import static dev.stay.common.outbox.OutboxTable.OCCURRED_AT;
import static dev.stay.common.outbox.OutboxTable.OUTBOX;
import static dev.stay.common.outbox.OutboxTable.PAYLOAD;
import static dev.stay.common.outbox.OutboxTable.TOPIC;
import static dev.stay.common.outbox.OutboxTable.TRACEPARENT;
import static dev.stay.common.outbox.OutboxTable.TYPE;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;
import org.jooq.DSLContext;
import org.jooq.JSONB;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import tools.jackson.databind.json.JsonMapper;

/**
 * Announces a change from inside the transaction that makes it: the event becomes visible to the {@link OutboxRelay}
 * when, and only if, that transaction commits. Inside a traced request the row keeps the request's trace context
 * ({@code traceparent}), so that the relay's send and every consumer's work join the trace of the change.
 */
public class Outbox {

    private final DSLContext db;
    private final JsonMapper json;

    public Outbox(DSLContext db, JsonMapper json) {
        this.db = db;
        this.json = json;
    }

    /**
     * Writes the event to the outbox in the current transaction, which must be the one making the change (the
     * application's DataSource, through Spring's or jOOQ's transaction).
     *
     * @param topic where it is published: one topic per aggregate, named after its owner and the aggregate
     *     ({@code catalog.property}), so that every fact about one aggregate stays in one order
     * @param key the Kafka key: events with the same key stay in order (the aggregate's id, e.g. the property's)
     * @param type the fact, the envelope's {@code type}, which consumers dispatch on: {@code property-changed}
     * @param event a past-tense record, the envelope's {@code data}
     * @return the event id consumers will deduplicate on
     * @throws IllegalStateException outside a transaction, where the event could outlive a change that failed
     */
    public UUID append(String topic, String key, String type, Object event) {
        Objects.requireNonNull(topic, "topic");
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(event, "event");
        if (!TransactionSynchronizationManager.isActualTransactionActive()) {
            throw new IllegalStateException("Outbox.append(" + topic + ") outside a transaction: append in the "
                    + "transaction that makes the change, so the event is published if and only if it commits");
        }
        UUID id = UUID.randomUUID();
        db.insertInto(OUTBOX)
                .columns(ID, TOPIC, KEY, TYPE, PAYLOAD, OCCURRED_AT, TRACEPARENT)
                .values(id, topic, key, type, JSONB.valueOf(json.writeValueAsString(event)),
                        Instant.now(), TraceContext.current())
                .execute();
        return id;
    }
}
