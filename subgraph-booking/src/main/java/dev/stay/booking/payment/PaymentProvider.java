package dev.stay.booking.payment;

import java.math.BigDecimal;

/**
 * The card payment provider. Every call that moves money carries an idempotency key: the provider answers a repeated
 * key with the first outcome and never charges twice, so a caller may retry with the same key, and only with it.
 */
public interface PaymentProvider {

    enum Status {
        /** The money is taken. */
        SUCCEEDED,
        /** The card was refused: nothing is taken. */
        DECLINED,
        /** The provider holds no charge under that key (lookups only). */
        NOT_FOUND,
        /** No clear answer (timeout, connection reset, 5xx): the charge may or may not exist. */
        UNKNOWN
    }

    record Charge(Status status, String chargeId) {

        public static Charge unknown() {
            return new Charge(Status.UNKNOWN, null);
        }
    }

    Charge charge(String idempotencyKey, BigDecimal amount, String currency, String token, String reference);

    /** What the provider did with the charge sent under this key. */
    Charge find(String idempotencyKey);

    /** Gives back {@code amount} of a charge; true once the provider took the refund. */
    boolean refund(String idempotencyKey, String chargeId, BigDecimal amount);
}
