package dev.stay.booking.payment;

import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code POST /webhooks/payments}: the provider tells booking what became of a charge. Not GraphQL and not signed by
 * the router (see {@link PaymentWebhookConfig}): the body is read up to its limit, its {@link PaymentSignature}
 * checked before anything is parsed, each event applied once by id ({@link ReceivedPaymentEvents}) through the one
 * settling path ({@link ChargeOutcomes}). Answers: 200 with what was done (a duplicate, an event older than what was
 * applied or an unknown payment included: the provider has nothing to send again); 401 bad or old signature; 400 not
 * an event; 413 too large; 422 amount not the booking's; 503 a late charge's refund not taken yet (send it again).
 */
@RestController
class PaymentWebhookController {

    static final String PATH = "/webhooks/payments";
    private static final Logger log = LoggerFactory.getLogger(PaymentWebhookController.class);

    private final PaymentSignature signature;
    private final ReceivedPaymentEvents received;
    private final List<ChargeOutcomes> outcomes;
    private final PaymentWebhookProperties settings;
    private final JsonMapper json;
    private final Clock clock;

    PaymentWebhookController(PaymentSignature signature, ReceivedPaymentEvents received, List<ChargeOutcomes> outcomes,
                             PaymentWebhookProperties settings, JsonMapper json, Clock clock) {
        this.signature = signature;
        this.received = received;
        this.outcomes = outcomes;
        this.settings = settings;
        this.json = json;
        this.clock = clock;
    }

    @PostMapping(PATH)
    ResponseEntity<Map<String, String>> receive(HttpServletRequest request) throws IOException {
        if (request.getContentLengthLong() > settings.maxBodyBytes()) {
            return answer(HttpStatus.CONTENT_TOO_LARGE, "TOO_LARGE");
        }
        byte[] body = request.getInputStream().readNBytes(settings.maxBodyBytes() + 1);
        if (body.length > settings.maxBodyBytes()) {
            return answer(HttpStatus.CONTENT_TOO_LARGE, "TOO_LARGE");
        }
        if (!signature.verifies(request.getHeader(PaymentSignature.HEADER), body, clock.instant())) {
            return answer(HttpStatus.UNAUTHORIZED, "INVALID_SIGNATURE");
        }
        var parsed = PaymentEvent.parse(json, body);
        if (parsed.isEmpty()) {
            return answer(HttpStatus.BAD_REQUEST, "MALFORMED_EVENT");
        }
        PaymentEvent event = parsed.get();
        var charge = event.charge();
        if (charge.isEmpty()) {
            return answer(HttpStatus.OK, "IGNORED");
        }
        if (!received.claim(event)) {
            return answer(HttpStatus.OK, "DUPLICATE");
        }
        ChargeOutcomes.Applied applied;
        try {
            applied = settle(event, charge.get());
        } catch (RuntimeException e) {
            received.forget(event);
            throw e;
        }
        return switch (applied) {
            case REFUND_NOT_TAKEN -> {
                received.forget(event); // its next delivery sends the refund again, with the same key
                yield answer(HttpStatus.SERVICE_UNAVAILABLE, applied.name());
            }
            case AMOUNT_MISMATCH -> {
                log.error("payment event {} ({} {} under {}) does not match its booking: nothing done", event.id(),
                        event.amount(), event.currency(), event.idempotencyKey());
                received.applied(event, applied);
                yield answer(HttpStatus.UNPROCESSABLE_CONTENT, applied.name());
            }
            default -> {
                received.applied(event, applied);
                yield answer(HttpStatus.OK, applied.name());
            }
        };
    }

    /** Each kind of payment (a booking's, a table reservation's) knows its own keys; the others answer unknown. */
    private ChargeOutcomes.Applied settle(PaymentEvent event, PaymentProvider.Charge charge) {
        for (ChargeOutcomes kind : outcomes) {
            var applied = kind.apply(event.idempotencyKey(), charge, event.amount(), event.currency());
            if (applied != ChargeOutcomes.Applied.UNKNOWN_PAYMENT) {
                return applied;
            }
        }
        return ChargeOutcomes.Applied.UNKNOWN_PAYMENT;
    }

    private static ResponseEntity<Map<String, String>> answer(HttpStatus status, String outcome) {
        return ResponseEntity.status(status).body(Map.of("outcome", outcome));
    }
}
