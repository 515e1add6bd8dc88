package dev.stay.common.observability;

import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationRegistry;
import io.micrometer.observation.transport.Kind;
import io.micrometer.observation.transport.SenderContext;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * Calls to Redis and OpenSearch as observations, {@code stay.store.calls}: a client span in the caller's trace and a
 * timer by store and operation. Jedis and opensearch-java carry no OpenTelemetry instrumentation that Stay can switch
 * on (JDBC has datasource-micrometer, HTTP clients and Kafka Spring's own), so the code that calls them wraps each
 * round trip here, once per client: the catalog's caches for Redis, its search engine for OpenSearch.
 *
 * <p>A span says which store ({@code db.system}: {@code redis}, {@code opensearch}), which operation
 * ({@code db.operation}: a Redis command, an OpenSearch endpoint) and, for OpenSearch, which index
 * ({@code db.collection.name}); never a key, a value or a query, which hold what guests typed. The index is a span
 * tag only, not a metric tag: a re-index names a new index every time. A failed call's span carries the error and
 * the failure is thrown on, so the caller's fallback (a cache miss, {@code SearchUnavailable}) is unchanged.
 */
public final class StoreCalls {

    public static final String NAME = "stay.store.calls";
    public static final String SYSTEM = "db.system";
    public static final String OPERATION = "db.operation";
    public static final String COLLECTION = "db.collection.name";

    private final ObservationRegistry observations;
    private final String system;

    private StoreCalls(ObservationRegistry observations, String system) {
        this.observations = Objects.requireNonNull(observations);
        this.system = system;
    }

    public static StoreCalls redis(ObservationRegistry observations) {
        return new StoreCalls(observations, "redis");
    }

    public static StoreCalls openSearch(ObservationRegistry observations) {
        return new StoreCalls(observations, "opensearch");
    }

    /** @param operation the command, e.g. {@code MGET}: a fixed word of the caller's code, never an input */
    public <T> T call(String operation, Supplier<T> call) {
        return call(operation, null, call);
    }

    /**
     * @param operation the command or endpoint, e.g. {@code search}: a fixed word of the caller's code
     * @param collection the index or alias, or null
     */
    public <T> T call(String operation, String collection, Supplier<T> call) {
        // a client span: nothing travels to the store (neither protocol has headers), hence the setter that drops it
        SenderContext<Object> context = new SenderContext<>((carrier, key, value) -> { }, Kind.CLIENT);
        context.setRemoteServiceName(system);
        Observation observation = Observation.createNotStarted(NAME, () -> context, observations)
                .contextualName(collection == null ? system + " " + operation : system + " " + operation + " " + collection)
                .lowCardinalityKeyValue(SYSTEM, system)
                .lowCardinalityKeyValue(OPERATION, operation);
        if (collection != null) {
            observation.highCardinalityKeyValue(COLLECTION, collection);
        }
        return observation.observe(call);
    }
}
