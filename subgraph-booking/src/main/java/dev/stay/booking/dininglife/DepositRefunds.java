package dev.stay.booking.dininglife;

import static dev.stay.booking.db.Tables.TABLE_RESERVATION;

import dev.stay.booking.dining.TableReservation;
import dev.stay.booking.dining.ReservationEvents;
import dev.stay.booking.dining.Reservations;
import dev.stay.booking.payment.PaymentProvider;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;
import org.jooq.DSLContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The deposit a completed visit gives back ("post billing"), as hotels' refunds are sent: written as
 * {@code refund_due} in the transaction that completes the reservation, sent outside any transaction right after it
 * commits under the completion's own key ({@link LifecycleSteps#completionRefundKey}), so the provider refunds it once
 * however often it is sent. One the provider did not take (timeout, reset, 5xx) stays due, and {@link #retry} sends
 * it again after a pause doubling from {@code refund-backoff} to {@code refund-backoff-max}, {@code refund-attempts}
 * times in all; then the payment is {@code REFUND_FAILED}, an error logged and
 * {@code stay.dining.refunds.failed} counted. Only COMPLETED reservations are this class's: the refunds of
 * cancellations and changes carry their own keys and are theirs to send.
 */
@Component
class DepositRefunds {

    private static final Logger log = LoggerFactory.getLogger(DepositRefunds.class);

    private final DSLContext db;
    private final PaymentProvider provider;
    private final TableReservations reservations;
    private final Reservations rows;
    private final ReservationEvents events;
    private final LifecycleProperties settings;
    private final Clock clock;
    private final Counter failed;
    private final TransactionTemplate transaction;

    DepositRefunds(DSLContext db, PaymentProvider provider, TableReservations reservations, Reservations rows,
                   ReservationEvents events, LifecycleProperties settings, Clock clock, MeterRegistry meters,
                   PlatformTransactionManager transactions) {
        // taken and notTaken are called from send, inside this bean: a template, not @Transactional, makes each one
        // transaction (the row locked while its bookkeeping is written)
        this.transaction = new TransactionTemplate(transactions);
        this.rows = rows;
        this.events = events;
        this.db = db;
        this.provider = provider;
        this.reservations = reservations;
        this.settings = settings;
        this.clock = clock;
        this.failed = Counter.builder("stay.dining.refunds.failed")
                .description("Deposit refunds of completed visits given up after their last attempt").register(meters);
    }

    /** Sends the completed reservation's due refund, if any; true once nothing is due any more. */
    boolean send(UUID id) {
        var due = db.select(TABLE_RESERVATION.CHARGE_ID, TABLE_RESERVATION.REFUND_DUE, TABLE_RESERVATION.CURRENCY)
                .from(TABLE_RESERVATION)
                .where(TABLE_RESERVATION.ID.eq(id)).and(TABLE_RESERVATION.STATUS.eq("COMPLETED"))
                .and(TABLE_RESERVATION.REFUND_KEY.eq(LifecycleSteps.completionRefundKey(id)))
                .and(TABLE_RESERVATION.REFUND_DUE.isNotNull())
                .and(TABLE_RESERVATION.PAYMENT_STATUS.ne("REFUND_FAILED")).fetchOptional();
        if (due.isEmpty()) {
            return !db.fetchExists(TABLE_RESERVATION, TABLE_RESERVATION.ID.eq(id)
                    .and(TABLE_RESERVATION.PAYMENT_STATUS.eq("REFUND_FAILED")));
        }
        // sent in the currency's own decimals, as the deposit was charged
        BigDecimal amount = new BigDecimal(TableReservation.Money.of(due.get().value2(), due.get().value3()).amount());
        if (!provider.refund(LifecycleSteps.completionRefundKey(id), due.get().value1(), amount)) {
            notTaken(id);
            return false;
        }
        taken(id, due.get().value2());
        return true;
    }

    /** @return how many due refunds the provider took this round */
    @Scheduled(fixedDelayString = "${stay.dining.lifecycle.refund-retry-interval:PT1M}")
    int retry() {
        int sent = 0;
        for (UUID id : reservations.completionRefundsDue(OffsetDateTime.now(clock), settings.batchSize())) {
            if (send(id)) {
                sent++;
            }
        }
        return sent;
    }

    /** Records the refund the provider took, once (a second sender finds nothing due). */
    void taken(UUID id, BigDecimal amount) {
        transaction.executeWithoutResult(status -> recordTaken(id, amount));
    }

    private void recordTaken(UUID id, BigDecimal amount) {
        var r = rows.lock(id).orElseThrow();
        if (r.getRefundDue() == null || !LifecycleSteps.completionRefundKey(id).equals(r.getRefundKey())) {
            return;
        }
        r.setRefunded((r.getRefunded() == null ? BigDecimal.ZERO : r.getRefunded()).add(amount))
                .setRefundDue(null).setRefundKey(null).setRefundAttempts(0).setRefundNextAt(null)
                .setPaymentStatus("REFUNDED");
        events.noted(r);
    }

    /** One more attempt the provider did not take: the next after a longer pause, or none after the last. */
    void notTaken(UUID id) {
        transaction.executeWithoutResult(status -> recordNotTaken(id));
    }

    private void recordNotTaken(UUID id) {
        var r = rows.lock(id).orElseThrow();
        if (r.getRefundDue() == null || !LifecycleSteps.completionRefundKey(id).equals(r.getRefundKey())
                || r.getPaymentStatus().equals("REFUND_FAILED")) {
            return;
        }
        int attempts = r.getRefundAttempts() + 1;
        r.setRefundAttempts(attempts);
        if (attempts >= settings.refundAttempts()) {
            r.setPaymentStatus("REFUND_FAILED").setRefundNextAt(null);
            failed.increment();
            log.error("REFUND_FAILED: deposit refund of completed reservation {} ({} {}) not taken by the provider "
                    + "after {} attempts", id, r.getRefundDue(), r.getCurrency(), attempts);
        } else {
            Duration pause = pauseAfter(attempts);
            r.setRefundNextAt(OffsetDateTime.now(clock).plus(pause).withOffsetSameInstant(ZoneOffset.UTC));
            log.warn("deposit refund of reservation {} not taken (attempt {} of {}): sent again in {}", id, attempts,
                    settings.refundAttempts(), pause);
        }
        events.noted(r);
    }

    private Duration pauseAfter(int attempts) {
        Duration pause = settings.refundBackoff().multipliedBy(1L << Math.min(attempts - 1, 30));
        return pause.compareTo(settings.refundBackoffMax()) > 0 ? settings.refundBackoffMax() : pause;
    }
}
