package dev.stay.common.observability;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;
import org.springframework.graphql.ResponseError;
import org.springframework.graphql.server.WebGraphQlInterceptor;
import org.springframework.graphql.server.WebGraphQlRequest;
import org.springframework.graphql.server.WebGraphQlResponse;
import reactor.core.publisher.Mono;

/**
 * Per-operation metrics of this subgraph: {@code stay.graphql.operation} (a timer, by operation name and outcome) and
 * {@code stay.graphql.errors} (a counter, by operation name and error code: the {@code code} extension Stay's typed
 * errors carry, else graphql-java's classification).
 *
 * <p>Operation names come from clients, so they are bounded: a name that is not a GraphQL name, or any name past the
 * first {@link #MAX_OPERATIONS} distinct ones, counts as {@code other}, and a code that is not a plain upper-case word
 * as {@code OTHER}: a client making up names cannot grow the metrics without end.
 */
final class GraphQlOperationMetrics implements WebGraphQlInterceptor {

    static final int MAX_OPERATIONS = 200;
    private static final Pattern NAME = Pattern.compile("[_A-Za-z][_0-9A-Za-z]{0,99}");
    private static final Pattern CODE = Pattern.compile("[A-Z][A-Z0-9_]{0,49}");

    private final MeterRegistry meters;
    private final Set<String> operations = ConcurrentHashMap.newKeySet();

    GraphQlOperationMetrics(MeterRegistry meters) {
        this.meters = meters;
    }

    @Override
    public Mono<WebGraphQlResponse> intercept(WebGraphQlRequest request, Chain chain) {
        String operation = operation(request.getOperationName());
        Timer.Sample sample = Timer.start(meters);
        return chain.next(request).doOnNext(response -> {
            for (ResponseError error : response.getErrors()) {
                meters.counter("stay.graphql.errors", "operation", operation, "code", code(error)).increment();
            }
            sample.stop(Timer.builder("stay.graphql.operation")
                    .description("GraphQL operations this subgraph answered, by operation name")
                    .tags("operation", operation, "outcome", response.getErrors().isEmpty() ? "ok" : "error")
                    .register(meters));
        });
    }

    String operation(String name) {
        if (name == null || name.isEmpty()) {
            return "anonymous";
        }
        if (!NAME.matcher(name).matches()) {
            return "other";
        }
        if (operations.contains(name)) {
            return name;
        }
        synchronized (operations) {
            if (operations.size() < MAX_OPERATIONS) {
                operations.add(name);
                return name;
            }
        }
        return operations.contains(name) ? name : "other";
    }

    static String code(ResponseError error) {
        Map<String, Object> extensions = error.getExtensions();
        Object code = extensions == null ? null : extensions.get("code");
        if (code == null && error.getErrorType() != null) {
            code = error.getErrorType().toString();
        }
        if (code == null) {
            return "UNKNOWN";
        }
        return CODE.matcher(code.toString()).matches() ? code.toString() : "OTHER";
    }
}
