package dev.stay.booking.reservation;

import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static dev.stay.booking.db.Tables.OUTBOX;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import dev.stay.common.test.SubgraphTest;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationRegistry;
import io.micrometer.tracing.Tracer;
import java.util.List;
import java.util.UUID;
import org.jooq.DSLContext;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.graphql.test.tester.WebGraphQlTester;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A booking's trace reaches what it touches: the payment provider gets the trace in its request's traceparent, the
 * events the booking appends keep it for the relay, and what booking logs on the way is a JSON line with its ids.
 */
@SubgraphTest
@ExtendWith(OutputCaptureExtension.class)
class BookingTraceIT {

    @Autowired WebGraphQlTester graphQl;
    @Autowired DSLContext db;
    @Autowired ObservationRegistry observations;
    @Autowired Tracer tracer;
    @Autowired JsonMapper json;

    @Test
    void theProviderTheEventsAndTheLogsOfABookingAreInItsTrace(CapturedOutput output) {
        var hotel = BookingFixtures.aHotelWithRoomsLeft(db, graphQl, 1);
        String key = "traced-" + UUID.randomUUID();
        String traceId = Observation.createNotStarted("test.request", observations).observe(() -> {
            // a 5xx first: booking logs a warning in the trace, then tries again
            hotel.book(UUID.randomUUID(), key, hotel.input("tok_5xx"));
            return tracer.currentSpan().context().traceId();
        });

        List<LoggedRequest> charges = BookingFixtures.paymentProvider().findAll(postRequestedFor(urlEqualTo("/v1/charges")))
                .stream().filter(request -> request.getHeader("Idempotency-Key") != null
                        && request.getHeader("traceparent") != null
                        && request.getHeader("traceparent").contains(traceId)).toList();
        assertThat(charges).as("the charges sent in this booking's trace").isNotEmpty();
        assertThat(charges).allSatisfy(request -> assertThat(request.getHeader("traceparent"))
                .matches("00-" + traceId + "-[0-9a-f]{16}-[0-9a-f]{2}"));

        // appended by the request itself (what a later sweep or reconciliation appends is in a trace of its own)
        List<String> appended = db.select(OUTBOX.TRACEPARENT).from(OUTBOX).where(OUTBOX.KEY.eq(hotel.hotel().toString()))
                .and(OUTBOX.TYPE.in("booking.held", "rooms-changed")).fetch(OUTBOX.TRACEPARENT);
        assertThat(appended).hasSizeGreaterThanOrEqualTo(2).allSatisfy(traceparent -> assertThat(traceparent).contains(traceId));

        List<JsonNode> warnings = output.getOut().lines().filter(line -> line.startsWith("{") && line.contains(traceId))
                .map(json::readTree).toList();
        assertThat(warnings).as("JSON log lines of this trace").isNotEmpty()
                .anySatisfy(line -> assertThat(line.path("message").asString()).contains("payment provider answered"));
    }
}
