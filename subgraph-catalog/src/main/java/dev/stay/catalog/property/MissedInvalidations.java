package dev.stay.catalog.property;

import static dev.stay.catalog.db.Tables.MISSED_INVALIDATION;
import static dev.stay.catalog.db.Tables.PROPERTY;
import static org.jooq.impl.DSL.currentOffsetDateTime;
import static org.jooq.impl.DSL.max;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import javax.sql.DataSource;
import org.jooq.DSLContext;
import org.jooq.SQLDialect;
import org.jooq.impl.DSL;
import org.jooq.types.DayToSecond;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Changes whose tombstone Redis did not take, and what readers must stop trusting because of them.
 *
 * <p>A change leaves its tombstone before it commits (see {@link HotelCache}). When Redis is away or the breaker is
 * open, the tombstone is lost, while Redis may still hold, or hold again once back, the page as it was before: an
 * {@code unpublishHotel} in a blip would leave the hotel public for up to the TTL. So the change records the miss in
 * PostgreSQL, in its own transaction, and from then on a cached page read from the database before the miss is
 * <em>suspect</em>: it is served only if its version is still the database's (one query for all suspects of a
 * request), and otherwise read again and re-cached. The instance that missed distrusts at once, after the commit;
 * every other instance when it next polls the table ({@code stay.cache.missed-poll}, a couple of seconds), or when it
 * starts. A miss stops mattering once every page cached before it has expired, so rows older than the TTL are pruned.
 *
 * <p>Nothing here talks to Redis or Kafka inside a transaction: the row is written with the change, and the local
 * mark is set after the commit. The poll runs on its own {@link DSLContext} so that it stays out of request metrics.
 */
@Component
class MissedInvalidations implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(MissedInvalidations.class);

    private final DSLContext db;
    private final DSLContext background;
    private final HotelCache cache;
    private final HotelCacheProperties settings;
    private final Clock clock;
    /** Pages loaded before this instant (epoch milliseconds) are checked against the database. */
    private final AtomicLong distrustLoadedBefore = new AtomicLong(Long.MIN_VALUE);
    private volatile OffsetDateTime newestSeen;
    private ScheduledExecutorService poller; // guarded by this

    MissedInvalidations(DSLContext db, DataSource dataSource, HotelCache cache, HotelCacheProperties settings) {
        this.db = db;
        this.cache = cache;
        this.background = DSL.using(dataSource, SQLDialect.POSTGRES);
        this.settings = settings;
        this.clock = Clock.systemUTC();
    }

    /** To call in the transaction of the change whose tombstone Redis did not take. */
    void record(UUID hotelId, int version) {
        db.insertInto(MISSED_INVALIDATION)
                .set(MISSED_INVALIDATION.PROPERTY_ID, hotelId).set(MISSED_INVALIDATION.VERSION, version)
                .onConflictDoNothing().execute();
        log.warn("hotel {} version {}: cache not invalidated, cached pages are checked against the database", hotelId,
                version);
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    distrustUntilNow();
                }
            });
        } else {
            distrustUntilNow();
        }
    }

    /**
     * The entries that may be served: all of them, but for suspect ones whose version is no longer the database's.
     * Suspects found current are cached again stamped with the time of the check, so each costs one query, not one
     * per read until it expires.
     */
    Map<UUID, Hotel> trustworthy(Map<UUID, HotelCache.Entry> cached) {
        long before = distrustLoadedBefore.get();
        Map<UUID, Hotel> trusted = new HashMap<>();
        List<UUID> suspects = cached.entrySet().stream()
                .filter(e -> e.getValue().loadedAt() < before).map(Map.Entry::getKey).toList();
        cached.forEach((id, entry) -> {
            if (entry.loadedAt() >= before) trusted.put(id, entry.hotel());
        });
        if (!suspects.isEmpty()) {
            long checkedAt = now();
            List<Hotel> current = new ArrayList<>();
            Map<UUID, Integer> versions = db.select(PROPERTY.ID, PROPERTY.VERSION).from(PROPERTY)
                    .where(PROPERTY.ID.in(suspects)).fetchMap(PROPERTY.ID, PROPERTY.VERSION);
            for (UUID id : suspects) {
                Hotel hotel = cached.get(id).hotel();
                if (Objects.equals(versions.get(id), hotel.version())) {
                    trusted.put(id, hotel);
                    current.add(hotel);
                }
            }
            cache.putAll(current, checkedAt);
        }
        return trusted;
    }

    /** Pages loaded before this instant (epoch milliseconds) are checked against the database before they are served. */
    long distrustLoadedBefore() {
        return distrustLoadedBefore.get();
    }

    /** Now, as the cache stamps pages: taken before the query that loads them. */
    long now() {
        return clock.millis();
    }

    /** Looks for misses of other instances (and prunes those that no longer matter). */
    void poll() {
        OffsetDateTime newest = background.select(max(MISSED_INVALIDATION.MISSED_AT)).from(MISSED_INVALIDATION)
                .fetchOne().value1();
        if (newest != null && (newestSeen == null || newest.isAfter(newestSeen))) {
            newestSeen = newest;
            distrustUntilNow();
        }
        background.deleteFrom(MISSED_INVALIDATION).where(MISSED_INVALIDATION.MISSED_AT.lt(currentOffsetDateTime()
                .minus(DayToSecond.valueOf(settings.hotelTtl().plus(settings.clockSkew()))))).execute();
    }

    private void distrustUntilNow() {
        distrustLoadedBefore.accumulateAndGet(clock.millis() + settings.clockSkew().toMillis(), Math::max);
    }

    private void pollQuietly() {
        try {
            poll();
        } catch (RuntimeException e) {
            log.warn("cannot look for missed cache invalidations: {}", e.toString());
        }
    }

    @Override
    public synchronized void start() {
        if (poller != null) return;
        poller = new ScheduledThreadPoolExecutor(1, Thread.ofPlatform().name("hotel-cache-misses").daemon().factory());
        long every = settings.missedPoll().toMillis();
        poller.scheduleWithFixedDelay(this::pollQuietly, 0, every, TimeUnit.MILLISECONDS);
    }

    @Override
    public synchronized void stop() {
        if (poller == null) return;
        poller.shutdownNow();
        poller = null;
    }

    @Override
    public synchronized boolean isRunning() {
        return poller != null;
    }
}
