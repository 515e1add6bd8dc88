package dev.stay.booking.payment;

import io.micrometer.common.KeyValues;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationRegistry;
import io.micrometer.observation.transport.RequestReplySenderContext;
import java.io.IOException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

/**
 * Each call to the payment provider as an observation, {@code stay.payment.requests}: a client span of the booking's
 * trace (its context sent in the request's {@code traceparent} header) and a timer by method, path and status. The
 * path is the endpoint's, without the query, so an idempotency key never becomes a tag.
 */
final class PaymentCalls {

    /** The call in flight: Micrometer's tracing handler writes the trace headers through the builder. */
    interface Call {
        HttpResponse<String> send(HttpRequest request) throws IOException;
    }

    private final ObservationRegistry observations;

    PaymentCalls(ObservationRegistry observations) {
        this.observations = observations;
    }

    HttpResponse<String> observe(HttpRequest.Builder builder, Call call) throws IOException {
        RequestReplySenderContext<HttpRequest.Builder, HttpResponse<String>> context =
                new RequestReplySenderContext<>((carrier, key, value) -> carrier.setHeader(key, value));
        context.setCarrier(builder);
        HttpRequest probe = builder.copy().build();
        context.setRemoteServiceName("payment-provider");
        Observation observation = Observation.createNotStarted("stay.payment.requests", () -> context, observations)
                .contextualName("payment " + probe.method() + " " + probe.uri().getPath())
                .lowCardinalityKeyValues(KeyValues.of("method", probe.method(), "path", probe.uri().getPath()))
                .start();
        try (Observation.Scope scope = observation.openScope()) {
            HttpResponse<String> response = call.send(builder.build());
            context.setResponse(response);
            observation.lowCardinalityKeyValue("status", Integer.toString(response.statusCode()));
            return response;
        } catch (IOException | RuntimeException e) {
            observation.lowCardinalityKeyValue("status", "IO_ERROR");
            observation.error(e);
            throw e;
        } finally {
            observation.stop();
        }
    }
}
