package dev.stay.booking.payment;

import java.math.BigDecimal;

/**
 * Where the provider's word on a charge goes when it arrives by webhook: the same settling path as the charge's own
 * answer, the reconciliation and the hold sweeper (reservation's {@code PaymentSettlement}), behind this interface so
 * that the payment feature does not reach into reservations.
 */
public interface ChargeOutcomes {

    enum Applied {
        /** A held booking is confirmed. */
        CONFIRMED,
        /** A held booking is released: the provider declined the charge. */
        RELEASED,
        /** The charge came for a booking released meanwhile: it was given back. */
        REFUNDED,
        /** The booking is already past what this says (a duplicate, or an event older than one applied). */
        UNCHANGED,
        /** No booking of Stay was charged under this key. */
        UNKNOWN_PAYMENT,
        /** The charge is not for the booking's total in its currency: nothing is done, someone must look. */
        AMOUNT_MISMATCH,
        /** A late charge must be given back and the provider did not take the refund: ask again later. */
        REFUND_NOT_TAKEN
    }

    /**
     * @param idempotencyKey the key the charge was sent with
     * @param charge what the provider says about it: SUCCEEDED (with its id) or DECLINED
     */
    Applied apply(String idempotencyKey, PaymentProvider.Charge charge, BigDecimal amount, String currency);
}
