package dev.stay.booking.dining;

import static dev.stay.booking.db.Tables.TABLE_RESERVATION;

import dev.stay.booking.payment.PaymentProvider;
import io.micrometer.core.instrument.Counter;
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
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Refunds a cancellation or a change owes ({@code table_reservation.refund_due} with its {@code refund_key}, written
 * in the transaction that decided it), sent outside any transaction right after it commits. One the provider did not
 * take stays due and {@link #retry} sends it again with the same key, after a pause doubling from
 * {@code stay.dining.refund-backoff} up to {@code refund-backoff-max}, {@code refund-attempts} times in all; then the
 * payment is REFUND_FAILED, logged as an error starting {@code REFUND_FAILED:} and counted by
 * {@code stay.dining.refunds.failed}, as hotels' refunds are.
 */
@Component
class ReservationRefunds {

    private static final Logger log = LoggerFactory.getLogger(ReservationRefunds.class);

    private final DSLContext db;
    private final PaymentProvider provider;
    private final Reservations reservations;
    private final ReservationEvents events;
    private final DiningProperties settings;
    private final Counter failed;
    private final TransactionTemplate transaction;

    ReservationRefunds(DSLContext db, PaymentProvider provider, Reservations reservations, ReservationEvents events,
                       DiningProperties settings, MeterRegistry meters, PlatformTransactionManager transactions) {
        this.transaction = new TransactionTemplate(transactions);
        this.db = db;
        this.provider = provider;
        this.reservations = reservations;
        this.events = events;
        this.settings = settings;
        this.failed = Counter.builder("stay.dining.refunds.failed")
                .description("Reservation refunds given up after their last attempt").register(meters);
    }

    /** Sends the reservation's due refund, if any; true once nothing is due any more. */
    boolean send(UUID id) {
        var due = db.select(TABLE_RESERVATION.CHARGE_ID, TABLE_RESERVATION.REFUND_DUE, TABLE_RESERVATION.REFUND_KEY,
                        TABLE_RESERVATION.CURRENCY, TABLE_RESERVATION.PAYMENT_STATUS)
                .from(TABLE_RESERVATION).where(TABLE_RESERVATION.ID.eq(id)).fetchSingle();
        if (due.value2() == null) {
            return true;
        }
        if (due.value5().equals("REFUND_FAILED")) {
            return false;
        }
        BigDecimal amount = new BigDecimal(TableReservation.Money.of(due.value2(), due.value4()).amount());
        if (!provider.refund(due.value3(), due.value1(), amount)) {
            transaction.executeWithoutResult(status -> notTaken(id, due.value3()));
            return false;
        }
        transaction.executeWithoutResult(status -> taken(id, due.value3(), due.value2()));
        return true;
    }

    /** @return how many due refunds the provider took */
    @Scheduled(fixedDelayString = "${stay.dining.refund-retry-interval:PT1M}")
    int retry() {
        int sent = 0;
        for (UUID id : db.select(TABLE_RESERVATION.ID).from(TABLE_RESERVATION)
                .where(TABLE_RESERVATION.REFUND_DUE.isNotNull())
                .and(TABLE_RESERVATION.PAYMENT_STATUS.ne("REFUND_FAILED"))
                .and(TABLE_RESERVATION.REFUND_NEXT_AT.isNull().or(TABLE_RESERVATION.REFUND_NEXT_AT.le(OffsetDateTime.now())))
                .orderBy(TABLE_RESERVATION.REFUND_NEXT_AT.asc().nullsFirst()).limit(settings.batchSize())
                .fetch(TABLE_RESERVATION.ID)) {
            if (send(id)) {
                sent++;
            }
        }
        return sent;
    }

    /** Records the refund the provider took under {@code key}, once (a second sender finds nothing due). */
    private void taken(UUID id, String key, BigDecimal amount) {
        var r = reservations.lock(id).orElseThrow();
        if (r.getRefundDue() == null || !key.equals(r.getRefundKey())) {
            return;
        }
        r.setRefunded((r.getRefunded() == null ? BigDecimal.ZERO : r.getRefunded()).add(amount))
                .setRefundDue(null).setRefundKey(null).setRefundAttempts(0).setRefundNextAt(null);
        if (r.getStatus().equals("CANCELLED")) {
            r.setPaymentStatus("REFUNDED");
        }
        events.noted(r);
    }

    /** One more attempt not taken: the next after a longer pause, or none after the last. */
    private void notTaken(UUID id, String key) {
        var r = reservations.lock(id).orElseThrow();
        if (r.getRefundDue() == null || !key.equals(r.getRefundKey()) || r.getPaymentStatus().equals("REFUND_FAILED")) {
            return;
        }
        int attempts = r.getRefundAttempts() + 1;
        r.setRefundAttempts(attempts);
        if (attempts >= settings.refundAttempts()) {
            r.setPaymentStatus("REFUND_FAILED").setRefundNextAt(null);
            failed.increment();
            log.error("REFUND_FAILED: refund {} of reservation {} ({} {}) not taken by the provider after {} attempts",
                    key, id, r.getRefundDue(), r.getCurrency(), attempts);
        } else {
            int doublings = Math.min(attempts - 1, 30);
            Duration pause = settings.refundBackoff().multipliedBy(1L << doublings);
            pause = pause.compareTo(settings.refundBackoffMax()) > 0 ? settings.refundBackoffMax() : pause;
            r.setRefundNextAt(OffsetDateTime.now().plus(pause));
            log.warn("refund {} of reservation {} not taken (attempt {} of {}): sent again in {}", key, id, attempts,
                    settings.refundAttempts(), pause);
        }
        events.noted(r);
    }
}
