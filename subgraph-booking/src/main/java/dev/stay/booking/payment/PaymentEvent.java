package dev.stay.booking.payment;

import java.math.BigDecimal;
import java.util.Optional;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * One webhook call of the provider: {@code {id, type, created, data: {id, idempotencyKey, amount, currency}}}, type
 * {@code charge.succeeded} or {@code charge.failed} (any other type is ignored), {@code data.id} the charge's id.
 * {@link #parse} accepts only a well-formed one: bounded printable ids, a decimal amount, an ISO currency code.
 */
record PaymentEvent(String id, String type, String chargeId, String idempotencyKey, BigDecimal amount,
                    String currency) {

    static final String SUCCEEDED = "charge.succeeded";
    static final String FAILED = "charge.failed";

    /** The charge as the provider's lookup would answer it; empty for a type Stay does not act on. */
    Optional<PaymentProvider.Charge> charge() {
        return switch (type) {
            case SUCCEEDED -> Optional.of(new PaymentProvider.Charge(PaymentProvider.Status.SUCCEEDED, chargeId));
            case FAILED -> Optional.of(new PaymentProvider.Charge(PaymentProvider.Status.DECLINED, chargeId));
            default -> Optional.empty();
        };
    }

    /** @return the event, or empty when the body is not a well-formed event */
    static Optional<PaymentEvent> parse(JsonMapper json, byte[] body) {
        try {
            JsonNode root = json.readTree(body);
            JsonNode data = root.path("data");
            String id = text(root, "id", 128);
            String type = text(root, "type", 64);
            String key = text(data, "idempotencyKey", 128);
            String currency = text(data, "currency", 3);
            String amountText = text(data, "amount", 32);
            if (id == null || type == null || key == null || currency == null || amountText == null
                    || !currency.matches("[A-Z]{3}") || !amountText.matches("\\d{1,15}(\\.\\d{1,4})?")) {
                return Optional.empty();
            }
            String chargeId = text(data, "id", 128);
            if (type.equals(SUCCEEDED) && chargeId == null) {
                return Optional.empty(); // a success without the charge's id could never be refunded
            }
            return Optional.of(new PaymentEvent(id, type, chargeId, key, new BigDecimal(amountText), currency));
        } catch (RuntimeException e) {
            return Optional.empty();
        }
    }

    /** A string field of 1 to {@code max} printable ASCII characters, else null. */
    private static String text(JsonNode node, String field, int max) {
        JsonNode value = node.get(field);
        if (value == null || !value.isString()) {
            return null;
        }
        String text = value.asString();
        return text.length() >= 1 && text.length() <= max && text.matches("[\\x21-\\x7E]+") ? text : null;
    }
}
