package dev.stay.common.outbox;

import static dev.stay.common.outbox.OutboxTable.OCCURRED_AT;
import static dev.stay.common.outbox.OutboxTable.OUTBOX;
import static dev.stay.common.outbox.OutboxTable.PUBLISHED_AT;
import static org.jooq.impl.DSL.min;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.time.Instant;
import org.jooq.DSLContext;
import org.jooq.ExecuteListenerProvider;
import org.jooq.impl.DSL;

/**
 * The outbox's lag as a gauge, {@code stay.outbox.lag} (seconds): the age of the oldest event written and not yet
 * acknowledged by the broker. It grows while Kafka is away or the relay is stuck, and falls back to 0 once it caught
 * up. Read on each scrape, through the partial index of unpublished rows.
 */
final class OutboxLag {

    private final DSLContext db;

    OutboxLag(DSLContext db, MeterRegistry meters) {
        // like the relay: not the application's statements, kept out of its statement counts
        this.db = DSL.using(db.configuration().derive(new ExecuteListenerProvider[0]));
        Gauge.builder("stay.outbox.lag", this, OutboxLag::seconds)
                .description("Age of the oldest outbox event not yet published")
                .baseUnit("seconds")
                .register(meters);
    }

    /** The oldest unpublished event's age in seconds; 0 when none waits, NaN when the database cannot say. */
    double seconds() {
        try {
            Instant oldest = db.select(min(OCCURRED_AT)).from(OUTBOX).where(PUBLISHED_AT.isNull()).fetchOne(0, Instant.class);
            return oldest == null ? 0 : Math.max(0, Duration.between(oldest, Instant.now()).toMillis() / 1000.0);
        } catch (RuntimeException e) {
            return Double.NaN;
        }
    }
}
