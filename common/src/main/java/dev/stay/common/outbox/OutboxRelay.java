package dev.stay.common.outbox;

import static dev.stay.common.outbox.OutboxTable.ID;
import static dev.stay.common.outbox.OutboxTable.KEY;
import static dev.stay.common.outbox.OutboxTable.OCCURRED_AT;
import static dev.stay.common.outbox.OutboxTable.OUTBOX;
import static dev.stay.common.outbox.OutboxTable.PAYLOAD;
import static dev.stay.common.outbox.OutboxTable.PUBLISHED_AT;
import static dev.stay.common.outbox.OutboxTable.SEQ;
import static dev.stay.common.outbox.OutboxTable.TOPIC;
import static dev.stay.common.outbox.OutboxTable.TRACEPARENT;
import static dev.stay.common.outbox.OutboxTable.TYPE;
import static org.jooq.Records.mapping;
import static org.jooq.impl.DSL.min;
import static org.jooq.impl.DSL.select;

import io.opentelemetry.api.OpenTelemetry;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.jooq.DSLContext;
import org.jooq.ExecuteListenerProvider;
import org.jooq.Field;
import org.jooq.impl.DSL;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.json.JsonMapper;

/**
 * Publishes what the {@link Outbox} wrote, in the order it was written, and marks it published once the broker has
 * acknowledged it.
 *
 * <p>Each round is one transaction: take a small batch of unpublished events in writing order with
 * {@code FOR UPDATE SKIP LOCKED} (so the instances of a subgraph share the work, each event taken by one of them),
 * send it with an idempotent producer ({@code acks=all}), wait for the acknowledgements, and mark the acknowledged
 * prefix published. An event not acknowledged (broker down, timeout) stays unpublished, with everything after it,
 * and the relay tries again later, backing off up to a few seconds. Nothing is lost; what can happen is a second copy
 * (acknowledged, then the relay's own commit failed), which consumers drop by event id.
 *
 * <p>Order per key across instances: when another instance holds an earlier event of a key (mid-send), this one
 * leaves that key's later events alone for the round, so they never overtake it.
 *
 * <p>{@link OutboxSchedule} runs it every {@code stay.outbox.poll-interval}; {@link #publishPending()} runs it on the
 * caller's thread (tests, or a writer that wants its events out now).
 */
public class OutboxRelay implements DisposableBean {

    private static final int CLEANUP_CHUNK = 5_000;

    private final DSLContext db;
    private final TransactionTemplate transaction;
    private final OutboxSender sender;
    private final OutboxProperties settings;

    /**
     * @param applicationProducer where the broker and its client settings come from; the relay makes a producer of
     *     its own from them, with the settings that keep sending safe
     */
    public OutboxRelay(DSLContext db, PlatformTransactionManager transactions, Map<String, Object> applicationProducer,
            JsonMapper json, OutboxProperties settings, OpenTelemetry telemetry) {
        if (settings.sendTimeout().compareTo(Duration.ofSeconds(1)) < 0 || settings.batchSize() < 1) {
            throw new IllegalArgumentException("stay.outbox: send-timeout must be at least 1s, batch-size at least 1");
        }
        // the same connections and transactions, without the application's execute listeners: a poll every few
        // hundred milliseconds is not the application's work, and would blur its statement counts and metrics
        this.db = DSL.using(db.configuration().derive(new ExecuteListenerProvider[0]));
        this.transaction = new TransactionTemplate(transactions);
        this.transaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        this.sender = new OutboxSender(applicationProducer, settings.sendTimeout(), json,
                new TraceContext(telemetry));
        this.settings = settings;
    }

    /**
     * Publishes every event committed so far that no other instance is publishing, on the caller's thread; safe to
     * call while the schedule runs.
     *
     * @return how many this call published: fewer than were waiting when the broker is unreachable
     */
    public int publishPending() {
        return drain().published();
    }

    /** Deletes the events published longer ago than the retention, in chunks. */
    public int deleteExpired() {
        Instant cutoff = Instant.now().minus(settings.retention());
        int deleted = 0;
        int chunk;
        do {
            chunk = db.deleteFrom(OUTBOX)
                    .where(ID.in(select(ID).from(OUTBOX).where(PUBLISHED_AT.lt(cutoff)).limit(CLEANUP_CHUNK)))
                    .execute();
            deleted += chunk;
        } while (chunk == CLEANUP_CHUNK);
        return deleted;
    }

    /** What a drain published, and the failure that ended it early if any. */
    record Drained(int published, Exception failure) {}

    private record Round(int published, boolean more, Exception failure) {}

    /** Rounds until nothing is left or one fails. */
    Drained drain() {
        int published = 0;
        while (true) {
            Round round = transaction.execute(status -> round());
            published += round.published();
            if (round.failure() != null || !round.more()) {
                return new Drained(published, round.failure());
            }
        }
    }

    private Round round() {
        List<PendingEvent> batch = db.select(ID, SEQ, TOPIC, KEY, TYPE, PAYLOAD, OCCURRED_AT, TRACEPARENT)
                .from(OUTBOX)
                .where(PUBLISHED_AT.isNull())
                .orderBy(SEQ)
                .limit(settings.batchSize())
                .forUpdate().skipLocked()
                .fetch(mapping(PendingEvent::new));
        if (batch.isEmpty()) {
            return new Round(0, false, null);
        }
        OutboxSender.Sent acked = sender.send(withoutKeysHeldElsewhere(batch));
        if (!acked.events().isEmpty()) {
            db.update(OUTBOX)
                    .set(PUBLISHED_AT, Instant.now())
                    .where(ID.in(acked.events().stream().map(PendingEvent::id).toList()))
                    .execute();
        }
        boolean full = batch.size() == settings.batchSize();
        return new Round(acked.events().size(), full && !acked.events().isEmpty(), acked.failure());
    }

    /**
     * Leaves out a key's events that come after an earlier one of the same key which is unpublished but not in this
     * batch: another instance has it locked and is sending it, and these must not overtake it.
     */
    private List<PendingEvent> withoutKeysHeldElsewhere(List<PendingEvent> batch) {
        Field<Long> earliest = min(SEQ).as("earliest");
        Map<String, Long> heldElsewhere = db.select(KEY, earliest)
                .from(OUTBOX)
                .where(PUBLISHED_AT.isNull())
                .and(KEY.in(batch.stream().map(PendingEvent::key).distinct().toList()))
                .and(ID.notIn(batch.stream().map(PendingEvent::id).toList()))
                .and(SEQ.lt(batch.getLast().seq()))
                .groupBy(KEY)
                .fetchMap(KEY, earliest);
        if (heldElsewhere.isEmpty()) {
            return batch;
        }
        return batch.stream()
                .filter(event -> !heldElsewhere.containsKey(event.key()) || event.seq() < heldElsewhere.get(event.key()))
                .toList();
    }

    /** Fails when the database has no outbox table, so a subgraph that enabled it without one stops at startup. */
    void requireTable() {
        try {
            db.select(ID).from(OUTBOX).limit(0).fetch();
        } catch (RuntimeException e) {
            throw new IllegalStateException("stay.outbox.enabled is true but this database has no outbox table: "
                    + "create it in a migration (the statement is in dev.stay.common.outbox's package documentation)", e);
        }
    }

    @Override
    public void destroy() {
        sender.close();
    }
}
