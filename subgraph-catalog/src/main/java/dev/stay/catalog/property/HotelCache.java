package dev.stay.catalog.property;

import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import redis.clients.jedis.DefaultJedisClientConfig;
import redis.clients.jedis.HostAndPort;
import redis.clients.jedis.JedisPooled;
import redis.clients.jedis.Pipeline;
import tools.jackson.databind.json.JsonMapper;

/**
 * Hotel pages in Redis, each entry stored as {@code <version>|<json>}. A write never replaces a newer version, so a
 * slow reader that loaded version 7 cannot put it back after version 8 was written; a change first leaves a
 * tombstone with its new version ({@code 8|}), which only a reader of version 8 or later may replace.
 *
 * <p>Redis is an accelerator, never a dependency: every call is bounded by short timeouts and a circuit breaker,
 * and a failure is a miss (reads go to PostgreSQL).
 */
@Component
class HotelCache implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(HotelCache.class);

    /** KEYS[1] = entry; ARGV = version, json (empty for a tombstone), ttl seconds. */
    private static final String SET_UNLESS_NEWER = """
            local current = redis.call('GET', KEYS[1])
            if current then
              local stored = tonumber(string.match(current, '^(%d+)|'))
              if stored and stored > tonumber(ARGV[1]) then return 0 end
            end
            redis.call('SET', KEYS[1], ARGV[1] .. '|' .. ARGV[2], 'EX', tonumber(ARGV[3]))
            return 1""";

    private final JedisPooled redis;
    private final JsonMapper json;
    private final Duration ttl;
    private final CircuitBreaker breaker = CircuitBreaker.of("catalog-redis", CircuitBreakerConfig.custom()
            .slidingWindowSize(20)
            .minimumNumberOfCalls(5)
            .failureRateThreshold(50)
            .waitDurationInOpenState(Duration.ofSeconds(5))
            .build());

    HotelCache(@Value("${STAY_REDIS_URL:redis://127.0.0.1:16379}") URI url,
               @Value("${stay.cache.hotel-ttl:10m}") Duration ttl, JsonMapper json) {
        this.redis = new JedisPooled(new HostAndPort(url.getHost(), url.getPort()), DefaultJedisClientConfig.builder()
                .connectionTimeoutMillis(250)
                .socketTimeoutMillis(250)
                .build());
        this.json = json;
        this.ttl = ttl;
    }

    /** The cached pages among these ids; tombstones, unreadable entries and an unreachable Redis are misses. */
    Map<UUID, Hotel> getAll(Collection<UUID> ids) {
        if (ids.isEmpty()) {
            return Map.of();
        }
        List<UUID> ordered = List.copyOf(ids);
        List<String> entries = guarded(() -> redis.mget(ordered.stream().map(HotelCache::key).toArray(String[]::new)),
                null);
        Map<UUID, Hotel> found = new HashMap<>();
        if (entries == null) {
            return found;
        }
        for (int i = 0; i < ordered.size(); i++) {
            String entry = entries.get(i);
            int bar = entry == null ? -1 : entry.indexOf('|');
            if (bar > 0 && bar < entry.length() - 1) {
                try {
                    found.put(ordered.get(i), json.readValue(entry.substring(bar + 1), Hotel.class));
                } catch (RuntimeException unreadable) {
                    log.warn("unreadable cache entry for hotel {}: {}", ordered.get(i), unreadable.getMessage());
                }
            }
        }
        return found;
    }

    /** Caches pages loaded from the database, each unless a newer version is already there. */
    void putAll(Collection<Hotel> hotels) {
        if (hotels.isEmpty()) {
            return;
        }
        guarded(() -> {
            try (Pipeline pipeline = redis.pipelined()) {
                for (Hotel hotel : hotels) {
                    pipeline.eval(SET_UNLESS_NEWER, List.of(key(hotel.id())),
                            List.of(String.valueOf(hotel.version()), json.writeValueAsString(hotel),
                                    String.valueOf(ttl.toSeconds())));
                }
                pipeline.sync();
            }
            return null;
        }, null);
    }

    /**
     * Called inside the transaction that changes a hotel, before it commits: from now on only version
     * {@code newVersion} or later may be cached, so no reader can put back what this change replaces.
     *
     * @return whether Redis took the tombstone (if not, the breaker is open or Redis is down)
     */
    boolean invalidate(UUID id, int newVersion) {
        Object result = guarded(() -> redis.eval(SET_UNLESS_NEWER, List.of(key(id)),
                List.of(String.valueOf(newVersion), "", String.valueOf(ttl.toSeconds()))), null);
        return result != null;
    }

    /** The breaker that skips Redis while it fails; it tries again on its own after a few seconds. */
    CircuitBreaker breaker() {
        return breaker;
    }

    static String key(UUID id) {
        return "catalog:hotel:" + id;
    }

    private <T> T guarded(Supplier<T> call, T fallback) {
        try {
            return breaker.executeSupplier(call);
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
