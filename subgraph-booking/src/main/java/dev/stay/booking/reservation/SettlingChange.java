package dev.stay.booking.reservation;

import dev.stay.booking.db.tables.records.BookingChangeRecord;
import dev.stay.booking.db.tables.records.BookingRecord;
import dev.stay.booking.inventory.RoomsForBooking;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * What the provider's answer about a change's extra charge does to a booking holding both its old and its new nights
 * ({@link MovingStay}), each in one transaction that locks the booking, then the change, then every night from the
 * earlier check-in to the later check-out in date order (the order of every booking and owner's change), and changes
 * them only while the change is still open: whoever settles it first (the request, the reconciliation of another
 * instance) wins, the others change nothing. Nothing here can be refused by the no-oversell trigger: it only gives
 * rooms back.
 */
@Component
class SettlingChange {

    private static final Logger log = LoggerFactory.getLogger(SettlingChange.class);

    private final BookingRepository bookings;
    private final BookingChanges changes;
    private final RoomsForBooking rooms;
    private final BookingEvents events;

    SettlingChange(BookingRepository bookings, BookingChanges changes, RoomsForBooking rooms, BookingEvents events) {
        this.bookings = bookings;
        this.changes = changes;
        this.rooms = rooms;
        this.events = events;
    }

    /**
     * Paid: the booking takes the new dates, nights, total and policy, its charged amount grows by the difference,
     * the old nights it no longer stays are given back, and {@code booking.changed} is published.
     *
     * @return the change's status now: PAID, or DECLINED / NOT_CHARGED when it was settled so meanwhile (the
     *     charge must then be given back: {@link #chargedTooLate})
     */
    @Transactional
    String paid(UUID bookingId, int change, String chargeId) {
        BookingRecord b = bookings.lock(bookingId).orElseThrow();
        BookingChangeRecord c = changes.lock(bookingId, change).orElseThrow();
        if (!BookingChanges.OPEN.contains(c.getStatus())) {
            return c.getStatus();
        }
        StayNights old = new StayNights(b.getCheckIn(), b.getCheckOut());
        StayNights moved = BookingChanges.nights(c);
        rooms.lockForChange(b.getUnitTypeId(), old.checkIn(), old.checkOut(), moved.checkIn(), moved.checkOut());
        for (StayNights left : old.without(moved)) {
            rooms.release(b.getUnitTypeId(), left.checkIn(), left.checkOut(), b.getRooms());
        }
        LocalDate previousIn = b.getCheckIn();
        LocalDate previousOut = b.getCheckOut();
        b.setCheckIn(c.getCheckIn()).setCheckOut(c.getCheckOut()).setTotal(c.getTotal())
                .setCharged(orZero(b.getCharged()).add(c.getDifference()))
                .setRefundable(c.getRefundable()).setFreeCancellationUntil(c.getFreeCancellationUntil())
                .setPenaltyPercent(c.getPenaltyPercent());
        bookings.update(b);
        bookings.replaceNights(bookingId, BookingChanges.nightlyPrices(c));
        changes.update(c.setStatus(BookingChanges.PAID).setChargeId(chargeId));
        events.changed(b, previousIn, previousOut);
        return BookingChanges.PAID;
    }

    /**
     * Not paid ({@code status} DECLINED or NOT_CHARGED): the new nights the booking does not keep are given back; the
     * booking never left its dates, so nothing else changes and no {@code booking.changed} is published.
     *
     * @return the change's status now
     */
    @Transactional
    String notPaid(UUID bookingId, int change, String status) {
        BookingRecord b = bookings.lock(bookingId).orElseThrow();
        BookingChangeRecord c = changes.lock(bookingId, change).orElseThrow();
        if (!BookingChanges.OPEN.contains(c.getStatus())) {
            return c.getStatus();
        }
        StayNights old = new StayNights(b.getCheckIn(), b.getCheckOut());
        StayNights moved = BookingChanges.nights(c);
        rooms.lockForChange(b.getUnitTypeId(), old.checkIn(), old.checkOut(), moved.checkIn(), moved.checkOut());
        for (StayNights left : moved.without(old)) {
            rooms.release(b.getUnitTypeId(), left.checkIn(), left.checkOut(), b.getRooms());
        }
        changes.update(c.setStatus(status));
        return status;
    }

    /** No clear answer: the change stays open, both stays held, until the reconciliation learns the outcome. */
    @Transactional
    String unknown(UUID bookingId, int change) {
        bookings.lock(bookingId).orElseThrow();
        BookingChangeRecord c = changes.lock(bookingId, change).orElseThrow();
        if (BookingChanges.OPEN.contains(c.getStatus())) {
            changes.update(c.setStatus(BookingChanges.UNKNOWN));
        }
        return c.getStatus();
    }

    /**
     * The provider took the extra charge of a change already settled as not paid (the reconciliation found no charge,
     * then the request's charge went through): the money is recorded as charged and owed back, under the change's
     * refund key, for {@link Refunds} to send (and retry). Returns false when another refund is already owed: the
     * booking has one slot for it, so this one is left to an admin, and said loudly.
     */
    @Transactional
    boolean chargedTooLate(UUID bookingId, int change) {
        BookingRecord b = bookings.lock(bookingId).orElseThrow();
        BookingChangeRecord c = changes.lock(bookingId, change).orElseThrow();
        BigDecimal amount = c.getDifference();
        if (MovingStay.refundKey(bookingId, change).equals(b.getRefundKey())) {
            return true; // recorded already
        }
        if (b.getRefundDue() != null) {
            log.error("REFUND_FAILED: extra charge {} of booking {} ({} {}) was taken after the change was let go, "
                    + "and another refund is owed: refund it by hand", MovingStay.chargeKey(bookingId, change),
                    bookingId, amount, b.getCurrency());
            return false;
        }
        b.setCharged(orZero(b.getCharged()).add(amount)).setRefundDue(amount)
                .setRefundKey(MovingStay.refundKey(bookingId, change)).setRefundAttempts(0).setRefundNextAt(null);
        bookings.update(b);
        return true;
    }

    private static BigDecimal orZero(BigDecimal amount) {
        return amount == null ? BigDecimal.ZERO : amount;
    }
}
