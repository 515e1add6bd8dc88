package dev.stay.booking.reservation;

import static dev.stay.booking.db.Tables.BOOKING;

import dev.stay.booking.payment.PaymentProvider;
import java.math.BigDecimal;
import java.util.UUID;
import org.jooq.DSLContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Refunds a cancellation or a cheaper change of dates owes ({@code booking.refund_due}, written with its key in the
 * transaction that decided it). They are sent outside any transaction, right after it commits; one the provider did
 * not take (timeout, reset, 5xx) stays due and is sent again by {@link #retry} with the same idempotency key, so the
 * provider refunds it once however often it is sent. Once taken, it is added to the booking's {@code refunded}.
 */
@Component
class Refunds {

    private static final Logger log = LoggerFactory.getLogger(Refunds.class);

    private final DSLContext db;
    private final PaymentProvider provider;
    private final BookingRepository bookings;
    private final BookingProperties settings;

    Refunds(DSLContext db, PaymentProvider provider, BookingRepository bookings, BookingProperties settings) {
        this.db = db;
        this.provider = provider;
        this.bookings = bookings;
        this.settings = settings;
    }

    /** Sends the booking's due refund, if any; true once nothing is due any more. */
    boolean send(UUID bookingId) {
        var due = db.select(BOOKING.CHARGE_ID, BOOKING.REFUND_DUE, BOOKING.REFUND_KEY, BOOKING.CURRENCY).from(BOOKING)
                .where(BOOKING.ID.eq(bookingId)).and(BOOKING.REFUND_DUE.isNotNull()).fetchOptional();
        if (due.isEmpty()) {
            return true;
        }
        BigDecimal amount = new BigDecimal(Booking.Money.of(due.get().value2(), due.get().value4()).amount());
        if (!provider.refund(due.get().value3(), due.get().value1(), amount)) {
            log.warn("refund {} of booking {} not taken by the provider: sent again later", due.get().value3(),
                    bookingId);
            return false;
        }
        taken(bookingId, due.get().value3(), due.get().value2());
        return true;
    }

    /** @return how many due refunds the provider took */
    @Scheduled(fixedDelayString = "${stay.booking.refund-retry-interval:PT1M}")
    int retry() {
        int sent = 0;
        for (UUID id : bookings.refundsDue(settings.batchSize())) {
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
                .setRefundDue(null).setRefundKey(null);
        if (b.getStatus().equals(BookingStatus.CANCELLED)) {
            b.setPaymentStatus(BookingStatus.REFUNDED);
        }
        bookings.update(b);
    }
}
