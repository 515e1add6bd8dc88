package dev.stay.booking.reservation;

import static dev.stay.booking.db.Tables.IDEMPOTENCY_KEY;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.UUID;
import java.util.function.Function;
import java.util.function.Supplier;
import org.jooq.DSLContext;
import org.jooq.JSONB;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.json.JsonMapper;

/**
 * Idempotency keys, scoped to the caller. The first request with a key inserts its row in a transaction of its own
 * and so owns it: a concurrent duplicate finds the row and waits for the answer instead of doing the work again.
 */
@Component
public class IdempotencyKeys {

    private static final Logger log = LoggerFactory.getLogger(IdempotencyKeys.class);

    /** What a key says about a request. */
    sealed interface Claim {}

    /** The first request with this key: it does the work and answers. */
    record Owned() implements Claim {}

    /** Seen with the same input and answered. */
    record Answered(Object payload) implements Claim {}

    /** Seen with other input. */
    record Reused() implements Claim {}

    /** Seen with the same input, still running; {@code bookingId} once it booked. */
    record Running(UUID bookingId) implements Claim {}

    private final DSLContext db;
    private final JsonMapper json;
    private final BookingProperties settings;

    IdempotencyKeys(DSLContext db, JsonMapper json, BookingProperties settings) {
        this.db = db;
        this.json = json;
        this.settings = settings;
    }

    /** @param answerType what the key's stored answer is read as */
    @Transactional
    Claim claim(UUID caller, String key, String requestHash, Class<?> answerType) {
        int inserted = db.insertInto(IDEMPOTENCY_KEY)
                .set(IDEMPOTENCY_KEY.CALLER_ID, caller)
                .set(IDEMPOTENCY_KEY.KEY, key)
                .set(IDEMPOTENCY_KEY.REQUEST_HASH, requestHash)
                .set(IDEMPOTENCY_KEY.CREATED_AT, OffsetDateTime.now())
                .onConflictDoNothing()
                .execute();
        return inserted == 1 ? new Owned() : seen(caller, key, requestHash, answerType);
    }

    /** What the key's row says now, for a request that did not insert it. */
    @Transactional(readOnly = true)
    Claim seen(UUID caller, String key, String requestHash, Class<?> answerType) {
        var row = db.selectFrom(IDEMPOTENCY_KEY)
                .where(IDEMPOTENCY_KEY.CALLER_ID.eq(caller)).and(IDEMPOTENCY_KEY.KEY.eq(key))
                .fetchOptional();
        if (row.isEmpty()) {
            return new Running(null); // its first request failed and let go of it: ask again
        }
        if (!row.get().getRequestHash().equals(requestHash)) {
            return new Reused();
        }
        JSONB response = row.get().getResponse();
        return response == null ? new Running(row.get().getBookingId())
                : new Answered(json.readValue(response.data(), answerType));
    }

    /** Notes the booking the key's request made, in the transaction that makes it. */
    @Transactional(propagation = Propagation.MANDATORY)
    public void booked(UUID caller, String key, UUID bookingId) {
        db.update(IDEMPOTENCY_KEY).set(IDEMPOTENCY_KEY.BOOKING_ID, bookingId)
                .where(IDEMPOTENCY_KEY.CALLER_ID.eq(caller)).and(IDEMPOTENCY_KEY.KEY.eq(key))
                .execute();
    }

    @Transactional
    void answer(UUID caller, String key, Object payload, UUID bookingId) {
        db.update(IDEMPOTENCY_KEY)
                .set(IDEMPOTENCY_KEY.RESPONSE, JSONB.valueOf(json.writeValueAsString(payload)))
                .set(IDEMPOTENCY_KEY.BOOKING_ID, bookingId)
                .where(IDEMPOTENCY_KEY.CALLER_ID.eq(caller)).and(IDEMPOTENCY_KEY.KEY.eq(key))
                .execute();
    }

    /**
     * Does {@code work} once for this caller's key and stores its answer, as {@code createBooking} does: a replay
     * with the same request answers the stored answer (or, while the first still runs, waits for it up to
     * {@code stay.booking.idempotency-wait}, then answers {@code inUse} with the booking the first request made so
     * far, if any); another request with the key answers
     * {@code reused}. The work notes its booking with {@link #booked} in its transaction, so that a failure after it
     * changed something keeps the key. Table reservations' lifecycle steps use it too: their "booking" is then the
     * reservation's id.
     */
    public <T> T once(UUID caller, String key, String requestHash, Class<T> answerType, Supplier<T> work,
               Function<T, UUID> bookingOf, Supplier<T> reused, Function<UUID, T> inUse) {
        Instant giveUp = Instant.now().plus(settings.idempotencyWait());
        while (true) {
            switch (claim(caller, key, requestHash, answerType)) {
                case Owned owned -> {
                    T answer;
                    try {
                        answer = work.get();
                    } catch (RuntimeException e) {
                        forget(caller, key);
                        throw e;
                    }
                    answer(caller, key, answer, bookingOf.apply(answer));
                    return answer;
                }
                case Answered answered -> {
                    return answerType.cast(answered.payload());
                }
                case Reused r -> {
                    return reused.get();
                }
                case Running running -> {
                    if (Instant.now().isAfter(giveUp)) {
                        return inUse.apply(running.bookingId());
                    }
                    // polled, not locked: the first request holds no transaction while it calls the provider, and
                    // may run on another instance; the wait is bounded by stay.booking.idempotency-wait
                    try {
                        Thread.sleep(50);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        throw new IllegalStateException("interrupted while waiting for the first request", e);
                    }
                }
            }
        }
    }

    /** Lets go of a key whose request failed before it changed anything, so that it can be tried again. */
    @Transactional
    void forget(UUID caller, String key) {
        db.deleteFrom(IDEMPOTENCY_KEY)
                .where(IDEMPOTENCY_KEY.CALLER_ID.eq(caller)).and(IDEMPOTENCY_KEY.KEY.eq(key))
                .and(IDEMPOTENCY_KEY.BOOKING_ID.isNull())
                .execute();
    }

    @Scheduled(fixedDelayString = "${stay.booking.idempotency-prune-interval:PT1H}")
    void prune() {
        int pruned = db.deleteFrom(IDEMPOTENCY_KEY)
                .where(IDEMPOTENCY_KEY.CREATED_AT.lt(OffsetDateTime.now().minus(settings.idempotencyRetention())))
                .execute();
        if (pruned > 0) {
            log.info("pruned {} idempotency keys older than {}", pruned, settings.idempotencyRetention());
        }
    }
}
