package dev.stay.booking.reservation;

import dev.stay.booking.db.tables.records.BookingChangeRecord;
import dev.stay.booking.db.tables.records.BookingRecord;
import dev.stay.booking.inventory.RoomsForBooking;
import dev.stay.codegen.booking.types.BookingRejectionCode;
import dev.stay.common.security.Viewer;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.UUID;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.interceptor.TransactionAspectSupport;

/**
 * A change of dates' one transaction: lock the booking, then the old and new nights of its room type in one date
 * order ({@link RoomsForBooking#lockForChange}), give the old nights back, judge the new ones by the sale rules and
 * take them. Refused: rolled back, nothing changed.
 *
 * <p>A stay that costs no more moves at once: the new dates, nights, total and policy are written with
 * {@code booking.changed} (and a cheaper one owes its refund). A dearer one does not move yet: its old nights are taken
 * back in the same transaction, so the booking holds both its old and its new nights, and the change is written
 * {@code PENDING} in {@code booking_change} (its number, prices, total and policy) while the booking keeps its dates.
 * Only once the provider has answered does {@link SettlingChange} give back the side that lost: the old nights when
 * paid, the new ones when declined or never charged. The old nights are therefore never given up before the extra
 * charge is settled, so no other guest can take them in between, and the way back cannot fail however many bookings
 * run at once. Charging first and moving after would be the other order; it was not chosen because the move can still
 * fail (the new nights sold meanwhile), and then money would have been taken for nothing and have to be given back,
 * a refund the provider may itself fail to take. Holding both sides costs only some rooms held for the seconds of a
 * charge (or, when its outcome is unknown, until the reconciliation settles it).
 */
@Component
class MovingStay {

    sealed interface Outcome {}

    /** Moved at once; {@code difference} is zero or what the guest is owed (negative). */
    record Moved(BookingRecord booking, BigDecimal difference) implements Outcome {}

    /** Both stays held, the change pending: charge {@code change.difference} under its own key, then settle it. */
    record ChargeDue(BookingRecord booking, BookingChangeRecord change) implements Outcome {}

    record Refused(ChangeBookingPayload answer) implements Outcome {}

    private final BookingRepository bookings;
    private final RoomsForBooking rooms;
    private final BookingEvents events;
    private final IdempotencyKeys keys;
    private final BookingChanges changes;
    private final Clock clock;

    MovingStay(BookingRepository bookings, RoomsForBooking rooms, BookingEvents events, IdempotencyKeys keys,
               BookingChanges changes, Clock clock) {
        this.bookings = bookings;
        this.changes = changes;
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
        if (changes.hasOpen(id)) {
            return refused(BookingRejectionCode.NOT_CHANGEABLE, "id",
                    "the extra charge of a change of dates is being settled: ask again once it is");
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
        b.setChanges(change);
        keys.booked(viewer.id(), idempotencyKey, id);
        if (difference.signum() > 0) {
            StayNights old = new StayNights(previousIn, previousOut);
            for (StayNights kept : old.without(new StayNights(checkIn, checkOut))) {
                rooms.take(b.getUnitTypeId(), kept.checkIn(), kept.checkOut(), b.getRooms());
            }
            bookings.update(b);
            var pending = new BookingChangeRecord().setBookingId(id).setChange(change).setCheckIn(checkIn)
                    .setCheckOut(checkOut).setTotal(total).setDifference(difference)
                    .setNightPrices(bookable.nightlyPrices().stream().map(RoomsForBooking.NightPrice::price)
                            .toArray(BigDecimal[]::new))
                    .setRefundable(bookable.policy().refundable())
                    .setFreeCancellationUntil(bookable.policy().freeUntil())
                    .setPenaltyPercent(bookable.policy().penaltyPercent());
            changes.insert(pending);
            return new ChargeDue(b, pending);
        }
        b.setCheckIn(checkIn).setCheckOut(checkOut).setTotal(total)
                .setRefundable(bookable.policy().refundable())
                .setFreeCancellationUntil(bookable.policy().freeUntil())
                .setPenaltyPercent(bookable.policy().penaltyPercent());
        if (difference.signum() < 0) {
            b.setRefundDue(difference.negate()).setRefundKey(refundKey(id, change)).setRefundAttempts(0)
                    .setRefundNextAt(null);
        }
        bookings.update(b);
        bookings.replaceNights(id, bookable.nightlyPrices());
        events.changed(b, previousIn, previousOut);
        return new Moved(b, difference);
    }

    private static Outcome rollBack(ChangeBookingPayload answer) {
        TransactionAspectSupport.currentTransactionStatus().setRollbackOnly();
        return new Refused(answer);
    }

    private static Outcome refused(BookingRejectionCode code, String field, String message) {
        return new Refused(new ChangeBookingPayload.BookingRejected(code, field, message));
    }
}
