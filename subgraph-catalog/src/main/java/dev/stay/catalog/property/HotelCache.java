package dev.stay.catalog.property;

import dev.stay.common.observability.StoreCalls;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.micrometer.observation.ObservationRegistry;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;
import org.apache.commons.pool2.impl.GenericObjectPoolConfig;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;
import redis.clients.jedis.Connection;
import redis.clients.jedis.JedisPooled;
import redis.clients.jedis.Pipeline;
import tools.jackson.databind.json.JsonMapper;

/**
 * Hotel pages in Redis, each entry stored as {@code <version>|<loadedAt>|<json>}. A write never replaces a newer
 * version, so a slow reader that loaded version 7 cannot put it back after version 8 was written; a change first
 * leaves a tombstone with its new version ({@code 8|}), which only a reader of version 8 or later may replace.
 * {@code loadedAt} (epoch milliseconds, taken before the page was read from PostgreSQL) lets
 * {@link MissedInvalidations} tell which entries may predate a change whose tombstone Redis did not take.
 *
 * <p>Redis is an accelerator, never a dependency: every call is bounded by {@code stay.cache.timeout} (connect,
 * read, and the wait for a pooled connection) and a circuit breaker, and a failure is a miss (reads go to PostgreSQL).
 */
@Component
class HotelCache implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(HotelCache.class);

    /** KEYS[1] = entry; ARGV = version, rest of the entry (empty for a tombstone), ttl seconds. */
    private static final String SET_UNLESS_NEWER = """
            local current = redis.call('GET', KEYS[1])
            if current then
              local stored = tonumber(string.match(current, '^(%d+)|'))
              if stored and stored > tonumber(ARGV[1]) then return 0 end
            end
            redis.call('SET', KEYS[1], ARGV[1] .. '|' .. ARGV[2], 'EX', tonumber(ARGV[3]))
            return 1""";

    /** A page as cached, with when it was read from the database. */
    record Entry(Hotel hotel, long loadedAt) {}

    private final JedisPooled redis;
    private final JsonMapper json;
    private final long ttlSeconds;
    private final CircuitBreaker breaker;
    private final StoreCalls calls;
    private final Counter hits;
    private final Counter misses;

    HotelCache(HotelCacheProperties settings, JsonMapper json) {
        this(settings, json, new SimpleMeterRegistry(), ObservationRegistry.NOOP);
    }

    /**
     * @param meters where {@code stay.cache.gets} counts hits and misses (Redis away: all misses)
     * @param observations where each round trip to Redis becomes a client span ({@link StoreCalls})
     */
    @Autowired
    HotelCache(HotelCacheProperties settings, JsonMapper json, MeterRegistry meters, ObservationRegistry observations) {
        this.calls = StoreCalls.redis(observations);
        this.hits = meters.counter("stay.cache.gets", "cache", "hotel", "result", "hit");
        this.misses = meters.counter("stay.cache.gets", "cache", "hotel", "result", "miss");
        GenericObjectPoolConfig<Connection> pool = new GenericObjectPoolConfig<>();
        pool.setMaxWait(settings.timeout()); // never queue forever behind connections stuck on a dead Redis
        this.redis = new JedisPooled(settings.endpoint(), settings.clientConfig(), pool);
        this.json = json;
        this.ttlSeconds = settings.hotelTtl().toSeconds();
        this.breaker = CircuitBreaker.of("catalog-redis", CircuitBreakerConfig.custom()
                .slidingWindowSize(20)
                .minimumNumberOfCalls(5)
                .failureRateThreshold(50)
                .waitDurationInOpenState(settings.breakerOpen())
                .build());
    }

    /** The cached pages among these ids; tombstones, unreadable entries and an unreachable Redis are misses. */
    Map<UUID, Entry> getAll(Collection<UUID> ids) {
        if (ids.isEmpty()) {
            return Map.of();
        }
        List<UUID> ordered = List.copyOf(ids);
        List<String> entries = guarded("MGET", () -> redis.mget(ordered.stream().map(HotelCache::key).toArray(String[]::new)),
                null);
        Map<UUID, Entry> found = new HashMap<>();
        if (entries == null) {
            misses.increment(ordered.size());
            return found;
        }
        for (int i = 0; i < ordered.size(); i++) {
            String entry = entries.get(i);
            int bar = entry == null ? -1 : entry.indexOf('|');
            int secondBar = bar < 0 ? -1 : entry.indexOf('|', bar + 1);
            if (bar > 0 && secondBar > bar + 1 && secondBar < entry.length() - 1) {
                try {
                    long loadedAt = Long.parseLong(entry, bar + 1, secondBar, 10);
                    found.put(ordered.get(i), new Entry(json.readValue(entry.substring(secondBar + 1), Hotel.class),
                            loadedAt));
                } catch (RuntimeException unreadable) {
                    log.warn("unreadable cache entry for hotel {}: {}", ordered.get(i), unreadable.getMessage());
                }
            }
        }
        hits.increment(found.size());
        misses.increment(ordered.size() - found.size());
        return found;
    }

    /**
     * Caches pages loaded from the database, each unless a newer version is already there.
     *
     * @param loadedAt when the query that read them started (epoch milliseconds)
     */
    void putAll(Collection<Hotel> hotels, long loadedAt) {
        if (hotels.isEmpty()) {
            return;
        }
        guarded("EVAL", () -> {
            try (Pipeline pipeline = redis.pipelined()) {
                for (Hotel hotel : hotels) {
                    pipeline.eval(SET_UNLESS_NEWER, List.of(key(hotel.id())),
                            List.of(String.valueOf(hotel.version()), loadedAt + "|" + json.writeValueAsString(hotel),
                                    String.valueOf(ttlSeconds)));
                }
                pipeline.sync();
            }
            return null;
        }, null);
    }

    /**
     * Called inside the transaction that changes a hotel, before it commits: from now on only version
     * {@code newVersion} or later may be cached, so no reader can put back what this change replaces. It waits at
     * most {@code stay.cache.timeout}, and not at all while the breaker is open.
     *
     * @return whether Redis took the tombstone (if not, the breaker is open or Redis is down)
     */
    boolean invalidate(UUID id, int newVersion) {
        Object result = guarded("EVAL", () -> redis.eval(SET_UNLESS_NEWER, List.of(key(id)),
                List.of(String.valueOf(newVersion), "", String.valueOf(ttlSeconds))), null);
        return result != null;
    }

    /** The breaker that skips Redis while it fails; it tries again on its own after {@code stay.cache.breaker-open}. */
    CircuitBreaker breaker() {
        return breaker;
    }

    static String key(UUID id) {
        return "catalog:hotel:" + id;
    }

    /** @param operation the Redis command, for the call's span (a pipeline: the command it repeats) */
    private <T> T guarded(String operation, Supplier<T> call, T fallback) {
        try {
            return breaker.executeSupplier(() -> calls.call(operation, call));
        } catch (RuntimeException unavailable) {
            log.debug("hotel cache unavailable: {}", unavailable.toString());
            return fallback;
        }
    }

    @Override
    public void destroy() {
        redis.close();
    }
}
