package dev.stay.booking.payment;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.json.JsonMapper;

class PaymentEventTest {

    static final JsonMapper JSON = JsonMapper.builder().build();

    @Test
    void aSucceededChargeReadsAsTheLookupWouldAnswerIt() {
        var event = parse("""
                {"id":"evt_1","type":"charge.succeeded","created":1764504000,
                 "data":{"id":"ch_1","idempotencyKey":"booking-x-charge","amount":"200.00","currency":"EUR"}}""");

        assertThat(event).isNotNull();
        assertThat(event.amount()).isEqualByComparingTo(new BigDecimal("200.00"));
        assertThat(event.charge()).contains(new PaymentProvider.Charge(PaymentProvider.Status.SUCCEEDED, "ch_1"));
    }

    @Test
    void aFailedChargeIsADeclineAndAnotherTypeIsNothingToActOn() {
        assertThat(parse(event("charge.failed", "\"200.00\"")).charge().orElseThrow().status())
                .isEqualTo(PaymentProvider.Status.DECLINED);
        assertThat(parse(event("refund.succeeded", "\"200.00\"")).charge()).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "null", "[]", "{}", "not json", "{\"id\":\"evt\"}",
            "{\"id\":\"evt\",\"type\":\"charge.succeeded\",\"data\":{\"idempotencyKey\":\"k\",\"amount\":\"1.00\",\"currency\":\"EUR\"}}",
            "{\"id\":1,\"type\":\"charge.failed\",\"data\":{\"idempotencyKey\":\"k\",\"amount\":\"1.00\",\"currency\":\"EUR\"}}",
            "{\"id\":\"evt\",\"type\":\"charge.failed\",\"data\":{\"idempotencyKey\":\"k\",\"amount\":\"1.00\",\"currency\":\"eur\"}}",
            "{\"id\":\"evt\",\"type\":\"charge.failed\",\"data\":{\"idempotencyKey\":\"k\",\"amount\":1.00,\"currency\":\"EUR\"}}",
            "{\"id\":\"evt\",\"type\":\"charge.failed\",\"data\":{\"idempotencyKey\":\"k\",\"amount\":\"-1\",\"currency\":\"EUR\"}}",
            "{\"id\":\"evt\",\"type\":\"charge.failed\",\"data\":{\"idempotencyKey\":\"k\",\"amount\":\"1e400\",\"currency\":\"EUR\"}}",
            "{\"id\":\"evt\",\"type\":\"charge.failed\",\"data\":{\"idempotencyKey\":\"k\",\"amount\":\"99999999999999999999\",\"currency\":\"EUR\"}}",
            "{\"id\":\"e v t\",\"type\":\"charge.failed\",\"data\":{\"idempotencyKey\":\"k\",\"amount\":\"1.00\",\"currency\":\"EUR\"}}",
            "{\"id\":\"evt\\u0000\",\"type\":\"charge.failed\",\"data\":{\"idempotencyKey\":\"k\",\"amount\":\"1.00\",\"currency\":\"EUR\"}}"})
    void aBodyThatIsNotAWellFormedEventIsRefused(String body) {
        assertThat(PaymentEvent.parse(JSON, body.getBytes(StandardCharsets.UTF_8))).isEmpty();
    }

    @Test
    void anIdLongerThan128CharactersIsRefused() {
        String body = event("charge.failed", "\"1.00\"").replace("\"evt_1\"", "\"" + "e".repeat(129) + "\"");
        assertThat(PaymentEvent.parse(JSON, body.getBytes(StandardCharsets.UTF_8))).isEmpty();
    }

    static String event(String type, String amount) {
        return "{\"id\":\"evt_1\",\"type\":\"" + type + "\",\"data\":{\"id\":\"ch_1\",\"idempotencyKey\":\"k\",\"amount\":"
                + amount + ",\"currency\":\"EUR\"}}";
    }

    static PaymentEvent parse(String body) {
        return PaymentEvent.parse(JSON, body.getBytes(StandardCharsets.UTF_8)).orElse(null);
    }
}
