package dev.stay.booking.inventory;

import dev.stay.codegen.booking.types.InventoryErrorCode;
import dev.stay.codegen.booking.types.SetCancellationPolicyInput;
import dev.stay.common.graphql.Validated;
import dev.stay.common.graphql.Validation;

/**
 * An owner's cancellation policy for a room type, built from the input only when every rule holds: free until some
 * hours before check-in, then a penalty; or not refundable, with neither.
 */
record CancellationPolicyChange(boolean refundable, Integer freeCancellationHours, Integer penaltyPercent) {

    /** A year: free cancellation further ahead than that is no rule at all. */
    static final int MAX_FREE_CANCELLATION_HOURS = 8760;

    static Validated<CancellationPolicyChange, InventoryErrorCode> of(SetCancellationPolicyInput input) {
        Integer hours = input.getFreeCancellationHours();
        Integer penalty = input.getPenaltyPercent();
        var validation = new Validation<InventoryErrorCode>();
        if (!input.getRefundable()) {
            validation
                    .check(hours != null, "freeCancellationHours", InventoryErrorCode.CANCELLATION_TERMS_NOT_REFUNDABLE,
                            "a non-refundable rate has no free cancellation hours")
                    .check(penalty != null, "penaltyPercent", InventoryErrorCode.CANCELLATION_TERMS_NOT_REFUNDABLE,
                            "a non-refundable rate keeps the whole total: leave penaltyPercent out");
        } else {
            validation
                    .check(hours == null, "freeCancellationHours", InventoryErrorCode.CANCELLATION_TERMS_MISSING,
                            "a refundable rate needs freeCancellationHours")
                    .check(penalty == null, "penaltyPercent", InventoryErrorCode.CANCELLATION_TERMS_MISSING,
                            "a refundable rate needs penaltyPercent")
                    .check(hours != null && (hours < 0 || hours > MAX_FREE_CANCELLATION_HOURS), "freeCancellationHours",
                            InventoryErrorCode.CANCELLATION_HOURS_OUT_OF_RANGE,
                            "freeCancellationHours must be 0 to " + MAX_FREE_CANCELLATION_HOURS)
                    .check(penalty != null && (penalty < 0 || penalty > 100), "penaltyPercent",
                            InventoryErrorCode.PENALTY_OUT_OF_RANGE, "penaltyPercent must be 0 to 100");
        }
        return validation.then(() -> new CancellationPolicyChange(input.getRefundable(), hours, penalty));
    }
}
