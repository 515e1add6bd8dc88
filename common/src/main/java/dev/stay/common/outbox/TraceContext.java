package dev.stay.common.outbox;

import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.api.trace.propagation.W3CTraceContextPropagator;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.propagation.TextMapGetter;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * How a trace crosses the outbox: the appending request's context is kept with the row as a W3C {@code traceparent},
 * and the relay's send becomes a span of that trace whose own context travels in the record's {@code traceparent}
 * header, where the consumers' observation (spring-kafka) picks it up.
 */
final class TraceContext {

    /** The record header, and the outbox column: W3C Trace Context's name for it. */
    static final String HEADER = "traceparent";

    private static final W3CTraceContextPropagator W3C = W3CTraceContextPropagator.getInstance();

    private static final TextMapGetter<Map<String, String>> FROM_MAP = new TextMapGetter<>() {
        @Override
        public Iterable<String> keys(Map<String, String> carrier) {
            return carrier.keySet();
        }

        @Override
        public String get(Map<String, String> carrier, String key) {
            return carrier == null ? null : carrier.get(key);
        }
    };

    private final Tracer tracer;

    TraceContext(OpenTelemetry telemetry) {
        this.tracer = telemetry.getTracer("dev.stay.common.outbox");
    }

    /** The {@code traceparent} of the span current on this thread; null when there is none (not traced, or not sampled). */
    static String current() {
        Map<String, String> carrier = new HashMap<>();
        W3C.inject(Context.current(), carrier, Map::put);
        return carrier.get(HEADER);
    }

    /**
     * Starts the producer span of one event, child of the request that appended it; an event appended outside a
     * traced request gets a span of its own trace.
     */
    Send send(PendingEvent event) {
        Context parent = event.traceparent() == null
                ? Context.root()
                : W3C.extract(Context.root(), Map.of(HEADER, event.traceparent()), FROM_MAP);
        Span span = tracer.spanBuilder(event.topic() + " send")
                .setParent(parent)
                .setSpanKind(SpanKind.PRODUCER)
                .setAttribute("messaging.system", "kafka")
                .setAttribute("messaging.operation.type", "send")
                .setAttribute("messaging.destination.name", event.topic())
                .setAttribute("messaging.message.id", event.id().toString())
                .setAttribute("messaging.kafka.message.key", event.key())
                .setAttribute("stay.event.type", event.type())
                .startSpan();
        return new Send(span);
    }

    /** One event's send as a span: ended with the broker's answer. */
    record Send(Span span) {

        /** What goes in the record's header: this span's context, when it is recorded or carried on. */
        Optional<String> traceparent() {
            if (!span.getSpanContext().isValid()) {
                return Optional.empty();
            }
            Map<String, String> carrier = new HashMap<>();
            W3C.inject(Context.root().with(span), carrier, Map::put);
            return Optional.ofNullable(carrier.get(HEADER));
        }

        void end(Exception error) {
            if (error != null) {
                span.recordException(error);
                span.setStatus(StatusCode.ERROR, error.getClass().getSimpleName());
            }
            span.end();
        }
    }
}
