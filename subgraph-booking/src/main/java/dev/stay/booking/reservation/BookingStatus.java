package dev.stay.booking.reservation;

/** The stored values of {@code booking.status} and {@code booking.payment_status} (checked by the table too). */
final class BookingStatus {

    static final String HELD = "HELD";
    static final String CONFIRMED = "CONFIRMED";
    static final String EXPIRED = "EXPIRED";
    static final String PAYMENT_FAILED = "PAYMENT_FAILED";
    static final String CANCELLED = "CANCELLED";
    static final String COMPLETED = "COMPLETED";
    static final String NO_SHOW = "NO_SHOW";

    static final String PAYMENT_PENDING = "PENDING";
    static final String PAYMENT_UNKNOWN = "UNKNOWN";
    static final String CHARGED = "CHARGED";
    static final String DECLINED = "DECLINED";
    static final String NOT_CHARGED = "NOT_CHARGED";
    static final String REFUNDED = "REFUNDED";
    /** A refund still owed that the provider did not take after its last attempt: an admin retries it. */
    static final String REFUND_FAILED = "REFUND_FAILED";

    private BookingStatus() {}
}
