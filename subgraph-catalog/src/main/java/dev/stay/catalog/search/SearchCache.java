package dev.stay.catalog.search;

import dev.stay.catalog.property.HotelCacheProperties;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.function.Supplier;
import org.apache.commons.pool2.impl.GenericObjectPoolConfig;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Component;
import redis.clients.jedis.Connection;
import redis.clients.jedis.JedisPooled;
import redis.clients.jedis.Pipeline;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;

/**
 * Result pages in Redis under {@code catalog:search:page:<sha-256 of the normalised input, first and after>}, for
 * {@code stay.search.page-ttl}: hotels' and restaurants' (whose keys and areas say so), each page type its own. A page depends on the areas it searched ({@link SearchAreas}): each area has a
 * generation counter ({@code catalog:search:gen:<area>}), and a page is stored with the generations it read before
 * OpenSearch was asked. A change to a hotel or to its availability increments the generations of the areas it was in
 * and is in, once searches see it; a page whose generations differ from the current ones is a miss. So a page is
 * never served after the change that outdated it was indexed; while Redis does not take an increment (down, breaker
 * open), pages cached before it may be served until their TTL ends.
 *
 * <p>Redis is an accelerator, never a dependency: every call is bounded by {@code stay.cache.timeout} and a
 * circuit breaker, and a failure is a miss.
 */
@Component
public class SearchCache implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(SearchCache.class);
    private static final String PAGE = "catalog:search:page:";
    private static final String GENERATION = "catalog:search:gen:";

    /** What a lookup found: the page if it is current, and the generations to store a fresh one with. */
    public record Lookup<P>(String key, List<String> areas, List<String> generations, P page) {}

    /** A page as stored: the generations of its areas when it was read, and the page. */
    record Entry(List<String> generations, JsonNode page) {}

    private final JedisPooled redis;
    private final JsonMapper json;
    private final long ttlSeconds;
    private final CircuitBreaker breaker;

    SearchCache(HotelCacheProperties redisSettings, SearchProperties settings, JsonMapper json) {
        GenericObjectPoolConfig<Connection> pool = new GenericObjectPoolConfig<>();
        pool.setMaxWait(redisSettings.timeout());
        this.redis = new JedisPooled(redisSettings.endpoint(), redisSettings.clientConfig(), pool);
        this.json = json;
        this.ttlSeconds = settings.pageTtl().toSeconds();
        this.breaker = CircuitBreaker.of("catalog-search-redis", CircuitBreakerConfig.custom()
                .slidingWindowSize(20).minimumNumberOfCalls(5).failureRateThreshold(50)
                .waitDurationInOpenState(redisSettings.breakerOpen()).build());
    }

    /** Computes a page of a search from its keyset (null: the first page) and its fingerprint (for its cursors). */
    @FunctionalInterface
    public interface PageOf<P> {
        P compute(ArrayNode after, String fingerprint);
    }

    /**
     * Cache-aside for one page of a search: the cursor checked against the search (INVALID_CURSOR otherwise), the page
     * looked up under the normalised criteria, the page size and the cursor; on a miss computed and stored.
     *
     * @param kind       what is searched ("" for hotels, "restaurants|"...): searches of two kinds never share a key
     * @param criteria   the normalised search, written as JSON for its key
     * @param sortFields how many sort values a cursor of this search carries
     */
    public <P> P aside(String kind, Object criteria, int sortFields, int first, String after, List<String> areas,
                       Class<P> type, PageOf<P> compute) {
        String normalised = kind + json.writeValueAsString(criteria);
        String fingerprint = SearchCursor.sha256(normalised).substring(0, 16);
        ArrayNode afterValues = SearchCursor.decode(json, after, fingerprint, sortFields);
        Lookup<P> lookup = lookup(SearchCursor.sha256(normalised + "|" + first + "|" + after), areas, type);
        if (lookup.page() != null) {
            return lookup.page();
        }
        P page = compute.compute(afterValues, fingerprint);
        store(lookup, page);
        return page;
    }

    /** One round trip: the entry and the current generations of its areas. Redis unreachable: a miss, no generations. */
    public <P> Lookup<P> lookup(String key, List<String> areas, Class<P> type) {
        List<String> keys = new ArrayList<>();
        keys.add(PAGE + key);
        areas.forEach(area -> keys.add(GENERATION + area));
        List<String> values = guarded(() -> redis.mget(keys.toArray(String[]::new)), null);
        if (values == null) {
            return new Lookup<>(key, areas, null, null);
        }
        List<String> generations = values.subList(1, values.size()).stream().map(g -> g == null ? "0" : g).toList();
        P page = null;
        if (values.getFirst() != null) {
            try {
                Entry entry = json.readValue(values.getFirst(), Entry.class);
                page = entry.generations().equals(generations) ? json.treeToValue(entry.page(), type) : null;
            } catch (RuntimeException unreadable) {
                log.warn("unreadable search page {}: {}", key, unreadable.getMessage());
            }
        }
        return new Lookup<>(key, areas, generations, page);
    }

    /** Stores a page read after the lookup, with the generations the lookup saw (none: Redis was away, not stored). */
    public void store(Lookup<?> lookup, Object page) {
        if (lookup.generations() == null) {
            return;
        }
        String entry = json.writeValueAsString(new Entry(lookup.generations(), json.valueToTree(page)));
        guarded(() -> redis.setex(PAGE + lookup.key(), ttlSeconds, entry), null);
    }

    /**
     * Outdates every page of these areas: call once the change is visible to searches.
     *
     * @return whether Redis took it
     */
    public boolean outdate(Collection<String> areas) {
        if (areas.isEmpty()) {
            return true;
        }
        Object done = guarded(() -> {
            try (Pipeline pipeline = redis.pipelined()) {
                areas.stream().distinct().forEach(area -> pipeline.incr(GENERATION + area));
                pipeline.sync();
            }
            return Boolean.TRUE;
        }, null);
        if (done == null) {
            log.warn("search pages of {} not outdated: Redis unavailable; they may be served until their TTL", areas);
        }
        return Objects.equals(done, Boolean.TRUE);
    }

    public CircuitBreaker breaker() {
        return breaker;
    }

    private <T> T guarded(Supplier<T> call, T fallback) {
        try {
            return breaker.executeSupplier(call);
        } catch (RuntimeException unavailable) {
            log.debug("search cache unavailable: {}", unavailable.toString());
            return fallback;
        }
    }

    @Override
    public void destroy() {
        redis.close();
    }
}
