package dev.stay.booking.inventory;

/**
 * The share of a booking's total a hotel keeps when the guest never comes: what cancelling late would keep (the
 * policy's {@code penaltyPercent}), and everything on a non-refundable rate. One rule for the offers' policy, the
 * booking's policy and {@code markNoShow}, so that what a guest is shown before booking is what a no-show costs.
 */
public final class NoShowPenalty {

    private NoShowPenalty() {}

    public static int percent(boolean refundable, int penaltyPercent) {
        return refundable ? penaltyPercent : 100;
    }
}
