package dev.stay.common.events;

import static dev.stay.common.events.AppliedEventTable.APPLIED_AT;
import static dev.stay.common.events.AppliedEventTable.APPLIED_EVENT;
import static dev.stay.common.events.AppliedEventTable.EVENT_ID;
import static dev.stay.common.events.AppliedEventTable.TOPIC;
import static org.jooq.impl.DSL.select;

import java.time.Instant;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * "Apply this event once": every event is delivered at least once, sometimes twice (a relay that lost its commit, a
 * consumer that stopped before committing its offset), and a consumer must not apply the second copy. Recording the
 * event id in the same transaction as the change makes the two one: either both happen or neither. The mark is the
 * event id alone: in one database, one consumer of a topic marks its events; a second consumer of the same topic
 * there must be idempotent by its own key instead (the catalog's {@code restaurantreview.ReviewableVisits}).
 */
public class AppliedEvents {

    private static final int PRUNE_CHUNK = 5_000;

    private final DSLContext db;

    public AppliedEvents(DSLContext db) {
        this.db = db;
    }

    /**
     * Records the event as applied, in the caller's transaction, unless it already was; a concurrent copy waits on
     * the first one's row until that commits (and then finds it) or rolls back (and then takes over).
     *
     * @return true the first time: apply it now; false for a copy: change nothing
     * @throws IllegalStateException outside a transaction, where the mark could outlive a change that failed
     */
    public boolean firstTime(ReceivedEvent event) {
        if (!TransactionSynchronizationManager.isActualTransactionActive()) {
            throw new IllegalStateException("AppliedEvents.firstTime(" + event.eventId() + ") outside a transaction: "
                    + "mark the event in the transaction that applies it");
        }
        return db.insertInto(APPLIED_EVENT, EVENT_ID, TOPIC)
                .values(event.eventId(), event.topic())
                .onConflictDoNothing()
                .execute() == 1;
    }

    /**
     * The guard of every update an event makes: the row changes only if what it holds is not newer than what the
     * event brings (or it holds nothing yet, a row the feed has not reached). Equal counts as not newer, so of two
     * events with the same version the later delivered one wins.
     *
     * @param stored the column with the version (or the producer's time) of the state the row holds
     * @param incoming the event's
     */
    public static <T> Condition notNewerThan(Field<T> stored, T incoming) {
        return stored.isNull().or(stored.le(incoming));
    }

    /**
     * Forgets the events applied before {@code cutoff}, in chunks: once the broker no longer holds them, no copy of
     * them can come back.
     *
     * @return how many were forgotten
     */
    public int deleteAppliedBefore(Instant cutoff) {
        int deleted = 0;
        int chunk;
        do {
            chunk = db.deleteFrom(APPLIED_EVENT)
                    .where(EVENT_ID.in(select(EVENT_ID).from(APPLIED_EVENT).where(APPLIED_AT.lt(cutoff))
                            .limit(PRUNE_CHUNK)))
                    .execute();
            deleted += chunk;
        } while (chunk == PRUNE_CHUNK);
        return deleted;
    }

    /** Fails when the database has no applied_event table, so a subgraph that enabled it without one stops at startup. */
    void requireTable() {
        try {
            db.select(EVENT_ID, TOPIC, APPLIED_AT).from(APPLIED_EVENT).limit(0).fetch();
        } catch (RuntimeException e) {
            throw new IllegalStateException("stay.events.enabled is true but this database has no applied_event "
                    + "table: create it in a migration (see dev.stay.common.events' package documentation)", e);
        }
    }
}
