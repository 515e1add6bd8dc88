package dev.stay.booking.reservation;

import dev.stay.booking.db.tables.records.BookingRecord;
import dev.stay.booking.inventory.RoomsForBooking;
import dev.stay.codegen.booking.types.BookingRejectionCode;
import dev.stay.common.security.Viewer;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.interceptor.TransactionAspectSupport;

/**
 * A change of dates' one transaction: lock the booking, then the old and new nights of its room type in one date
 * order ({@link RoomsForBooking#lockForChange}), give the old nights back, judge the new ones by the sale rules and
 * take them, and write the new dates, nights, total and policy with {@code booking.changed}. Refused: rolled back,
 * nothing changed. Also the way back ({@link #moveBack}) when the extra charge is declined.
 */
@Component
class MovingStay {

    sealed interface Outcome {}

    /** Moved; {@code difference} is what the guest owes (positive) or is owed (negative). */
    record Moved(BookingRecord booking, BigDecimal difference, BookingRecord before,
                 List<RoomsForBooking.NightPrice> previousNights) implements Outcome {}

    record Refused(ChangeBookingPayload answer) implements Outcome {}

    private final BookingRepository bookings;
    private final RoomsForBooking rooms;
    private final BookingEvents events;
    private final IdempotencyKeys keys;
    private final Clock clock;

    MovingStay(BookingRepository bookings, RoomsForBooking rooms, BookingEvents events, IdempotencyKeys keys,
               Clock clock) {
        this.bookings = bookings;
        this.rooms = rooms;
        this.events = events;
        this.keys = keys;
        this.clock = clock;
    }

    static String chargeKey(UUID bookingId, int change) {
        return "booking-" + bookingId + "-change-" + change + "-charge";
    }

    static String refundKey(UUID bookingId, int change) {
        return "booking-" + bookingId + "-change-" + change + "-refund";
    }

    @Transactional
    Outcome move(Viewer viewer, UUID id, LocalDate checkIn, LocalDate checkOut, String idempotencyKey,
                 boolean mayCharge) {
        var locked = bookings.lock(id);
        var booking = locked.flatMap(b -> bookings.find(id)).filter(b -> b.visibleTo(viewer));
        if (booking.isEmpty()) {
            return refused(BookingRejectionCode.NOT_FOUND, "id", "no such booking");
        }
        BookingRecord b = locked.get();
        if (!b.getGuestId().equals(viewer.id())) {
            return refused(BookingRejectionCode.NOT_CHANGEABLE, "id", "only the booking's guest may change its dates");
        }
        if (!b.getStatus().equals(BookingStatus.CONFIRMED) || b.getRefundDue() != null) {
            return refused(BookingRejectionCode.NOT_CHANGEABLE, "id", "only a confirmed, settled booking may change");
        }
        if (!clock.instant().isBefore(bookings.checkInAt(id))) {
            return refused(BookingRejectionCode.NOT_CHANGEABLE, "id", "the stay has begun");
        }
        if (checkIn.equals(b.getCheckIn()) && checkOut.equals(b.getCheckOut())) {
            return refused(BookingRejectionCode.NOT_CHANGEABLE, "checkIn", "these are the booking's dates");
        }
        long nights = ChronoUnit.DAYS.between(checkIn, checkOut);
        if (nights < 1 || nights > 31) {
            return refused(BookingRejectionCode.INVALID_DATES, "checkOut",
                    "check-out must be 1 to 31 nights after check-in");
        }
        LocalDate previousIn = b.getCheckIn();
        LocalDate previousOut = b.getCheckOut();
        BookingRecord before = b.original();
        List<RoomsForBooking.NightPrice> previousNights = booking.get().nightlyPrices().stream()
                .map(n -> new RoomsForBooking.NightPrice(n.date(), new BigDecimal(n.price().amount()))).toList();
        rooms.lockForChange(b.getUnitTypeId(), previousIn, previousOut, checkIn, checkOut);
        rooms.release(b.getUnitTypeId(), previousIn, previousOut, b.getRooms());
        var verdict = rooms.lockAndJudge(b.getPropertyId(), b.getUnitTypeId(), checkIn, checkOut, b.getGuests(),
                b.getRooms());
        RoomsForBooking.Bookable bookable;
        switch (verdict) {
            case RoomsForBooking.SoldOut s -> {
                return rollBack(new ChangeBookingPayload.SoldOut(s.available()));
            }
            case RoomsForBooking.Refused r -> {
                return rollBack(new ChangeBookingPayload.BookingRejected(r.code(), r.field(), r.message()));
            }
            case RoomsForBooking.Bookable ok -> bookable = ok;
        }
        BigDecimal total = bookable.total().setScale(bookable.currencyDigits(), RoundingMode.HALF_EVEN);
        BigDecimal difference = total.subtract(b.getTotal())
                .setScale(bookable.currencyDigits(), RoundingMode.HALF_EVEN);
        if (difference.signum() > 0 && !mayCharge) {
            return rollBack(new ChangeBookingPayload.BookingRejected(BookingRejectionCode.INVALID_PAYMENT_TOKEN,
                    "paymentToken", "the new dates cost " + difference.toPlainString() + " " + b.getCurrency()
                    + " more: a paymentToken is needed"));
        }
        rooms.take(b.getUnitTypeId(), checkIn, checkOut, b.getRooms());
        int change = b.getChanges() + 1;
        b.setCheckIn(checkIn).setCheckOut(checkOut).setTotal(total).setChanges(change)
                .setRefundable(bookable.policy().refundable())
                .setFreeCancellationUntil(bookable.policy().freeUntil())
                .setPenaltyPercent(bookable.policy().penaltyPercent());
        if (difference.signum() < 0) {
            b.setRefundDue(difference.negate()).setRefundKey(refundKey(id, change));
        }
        bookings.update(b);
        bookings.replaceNights(id, bookable.nightlyPrices());
        keys.booked(viewer.id(), idempotencyKey, id);
        events.changed(b, previousIn, previousOut);
        return new Moved(b, difference, before, previousNights);
    }

    /** The extra charge was paid: the booking's charged amount grows by it. */
    @Transactional
    void paid(UUID id, BigDecimal amount) {
        BookingRecord b = bookings.lock(id).orElseThrow();
        bookings.update(b.setCharged(b.getCharged().add(amount)));
    }

    /**
     * The extra charge was declined: back to the previous dates, nights and total, in one transaction that locks the
     * nights in the same global order. Fails (and changes nothing) if the previous nights were sold meanwhile.
     */
    @Transactional
    void moveBack(Moved moved) {
        BookingRecord b = bookings.lock(moved.booking().getId()).orElseThrow();
        LocalDate in = b.getCheckIn();
        LocalDate out = b.getCheckOut();
        BookingRecord before = moved.before();
        rooms.lockForChange(b.getUnitTypeId(), in, out, before.getCheckIn(), before.getCheckOut());
        rooms.release(b.getUnitTypeId(), in, out, b.getRooms());
        rooms.take(b.getUnitTypeId(), before.getCheckIn(), before.getCheckOut(), b.getRooms());
        b.setCheckIn(before.getCheckIn()).setCheckOut(before.getCheckOut()).setTotal(before.getTotal())
                .setRefundable(before.getRefundable()).setFreeCancellationUntil(before.getFreeCancellationUntil())
                .setPenaltyPercent(before.getPenaltyPercent());
        bookings.update(b);
        bookings.replaceNights(b.getId(), moved.previousNights());
        events.changed(b, in, out);
    }

    private static Outcome rollBack(ChangeBookingPayload answer) {
        TransactionAspectSupport.currentTransactionStatus().setRollbackOnly();
        return new Refused(answer);
    }

    private static Outcome refused(BookingRejectionCode code, String field, String message) {
        return new Refused(new ChangeBookingPayload.BookingRejected(code, field, message));
    }
}
