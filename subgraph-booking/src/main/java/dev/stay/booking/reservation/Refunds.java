package dev.stay.booking.reservation;

import static dev.stay.booking.db.Tables.BOOKING;

import dev.stay.booking.payment.PaymentProvider;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.UUID;
import org.jooq.DSLContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Refunds a cancellation or a change of dates owes ({@code booking.refund_due}, written with its key in the
 * transaction that decided it). They are sent outside any transaction, right after it commits; one the provider did
 * not take (timeout, reset, 5xx) stays due and {@link #retry} sends it again with the same idempotency key (so the
 * provider refunds it once however often it is sent), after a pause that doubles from
 * {@code stay.booking.refund-backoff} up to {@code refund-backoff-max}, {@code refund-attempts} times in all. Then
 * it is given up: the booking's payment is {@code REFUND_FAILED} (shown to its guest, owner and admins), an error
 * is logged, {@code stay.booking.refunds.failed} counts it and {@code stay.booking.refunds.failed.open} gauges how
 * many are waiting for an admin's {@code retryRefund} ({@link #reopen}). Once taken, it is added to the booking's
 * {@code refunded}.
 */
@Component
class Refunds {

    private static final Logger log = LoggerFactory.getLogger(Refunds.class);

    private final DSLContext db;
    private final PaymentProvider provider;
    private final BookingRepository bookings;
    private final BookingProperties settings;
    private final Counter failed;

    Refunds(DSLContext db, PaymentProvider provider, BookingRepository bookings, BookingProperties settings,
            MeterRegistry meters) {
        this.db = db;
        this.provider = provider;
        this.bookings = bookings;
        this.settings = settings;
        this.failed = Counter.builder("stay.booking.refunds.failed")
                .description("Refunds given up after their last attempt: an admin must retry them").register(meters);
        Gauge.builder("stay.booking.refunds.failed.open", bookings, BookingRepository::refundsFailed)
                .description("Bookings whose refund failed and waits for an admin's retryRefund").register(meters);
    }

    /** Sends the booking's due refund, if any; true once nothing is due any more. */
    boolean send(UUID bookingId) {
        var due = db.select(BOOKING.CHARGE_ID, BOOKING.REFUND_DUE, BOOKING.REFUND_KEY, BOOKING.CURRENCY).from(BOOKING)
                .where(BOOKING.ID.eq(bookingId)).and(BOOKING.REFUND_DUE.isNotNull())
                .and(BOOKING.PAYMENT_STATUS.ne(BookingStatus.REFUND_FAILED)).fetchOptional();
        if (due.isEmpty()) {
            return !bookings.refundFailed(bookingId);
        }
        BigDecimal amount = new BigDecimal(Booking.Money.of(due.get().value2(), due.get().value4()).amount());
        if (!provider.refund(due.get().value3(), due.get().value1(), amount)) {
            notTaken(bookingId, due.get().value3());
            return false;
        }
        taken(bookingId, due.get().value3(), due.get().value2());
        return true;
    }

    /** @return how many due refunds the provider took */
    @Scheduled(fixedDelayString = "${stay.booking.refund-retry-interval:PT1M}")
    int retry() {
        int sent = 0;
        for (UUID id : bookings.refundsDue(OffsetDateTime.now(), settings.batchSize())) {
            if (send(id)) {
                sent++;
            }
        }
        return sent;
    }

    /** Records the refund the provider took under {@code key}, once (a second sender finds nothing due). */
    @Transactional
    void taken(UUID bookingId, String key, BigDecimal amount) {
        var b = bookings.lock(bookingId).orElseThrow();
        if (b.getRefundDue() == null || !key.equals(b.getRefundKey())) {
            return;
        }
        b.setRefunded((b.getRefunded() == null ? BigDecimal.ZERO : b.getRefunded()).add(amount))
                .setRefundDue(null).setRefundKey(null).setRefundAttempts(0).setRefundNextAt(null);
        if (b.getStatus().equals(BookingStatus.CANCELLED)) {
            b.setPaymentStatus(BookingStatus.REFUNDED);
        }
        bookings.update(b);
    }

    /** One more attempt the provider did not take: the next one after a longer pause, or none after the last. */
    @Transactional
    void notTaken(UUID bookingId, String key) {
        var b = bookings.lock(bookingId).orElseThrow();
        if (b.getRefundDue() == null || !key.equals(b.getRefundKey())
                || b.getPaymentStatus().equals(BookingStatus.REFUND_FAILED)) {
            return;
        }
        int attempts = b.getRefundAttempts() + 1;
        b.setRefundAttempts(attempts);
        if (attempts >= settings.refundAttempts()) {
            b.setPaymentStatus(BookingStatus.REFUND_FAILED).setRefundNextAt(null);
            failed.increment();
            log.error("REFUND_FAILED: refund {} of booking {} ({} {}) not taken by the provider after {} attempts: "
                    + "an admin must retry it (retryRefund)", key, bookingId, b.getRefundDue(), b.getCurrency(),
                    attempts);
        } else {
            Duration pause = pauseAfter(attempts, settings.refundBackoff(), settings.refundBackoffMax());
            b.setRefundNextAt(OffsetDateTime.now().plus(pause));
            log.warn("refund {} of booking {} not taken by the provider (attempt {} of {}): sent again in {}", key,
                    bookingId, attempts, settings.refundAttempts(), pause);
        }
        bookings.update(b);
    }

    enum Reopened { REOPENED, NOT_FOUND, NOT_FAILED }

    /** An admin's retry of a refund that failed: its attempts start again, due at once, under the same key. */
    @Transactional
    Reopened reopen(UUID bookingId) {
        var b = bookings.lock(bookingId);
        if (b.isEmpty()) {
            return Reopened.NOT_FOUND;
        }
        if (!b.get().getPaymentStatus().equals(BookingStatus.REFUND_FAILED)) {
            return Reopened.NOT_FAILED;
        }
        // while a refund is owed, a confirmed or cancelled booking's payment is what its charge made it
        bookings.update(b.get().setPaymentStatus(BookingStatus.CHARGED).setRefundAttempts(0).setRefundNextAt(null));
        return Reopened.REOPENED;
    }

    /** The pause after {@code attempts} failed attempts: {@code first}, doubled each time, at most {@code max}. */
    static Duration pauseAfter(int attempts, Duration first, Duration max) {
        int doublings = Math.min(Math.max(attempts - 1, 0), 30);
        Duration pause = first.multipliedBy(1L << doublings);
        return pause.compareTo(max) > 0 ? max : pause;
    }
}
