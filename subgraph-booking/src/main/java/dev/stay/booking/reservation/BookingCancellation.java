package dev.stay.booking.reservation;

import dev.stay.booking.db.tables.records.BookingRecord;
import dev.stay.booking.inventory.RoomsForBooking;
import dev.stay.codegen.booking.types.BookingRejectionCode;
import dev.stay.common.security.Viewer;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Optional;
import java.util.UUID;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The cancellation's one transaction: lock the booking, check who asks and that it may still be cancelled, work out
 * the refund ({@link CancellationRefund}) (not while a change of dates is being paid or another refund is still owed:
 * the booking holds nights of two stays then, or one refund key), give the rooms back (nights locked in date order), mark it CANCELLED with
 * the refund it owes and announce {@code booking.cancelled}. The refund itself is sent after it commits. The booking's
 * row lock makes concurrent cancellations line up: the first cancels, the others find it cancelled.
 */
@Component
class BookingCancellation {

    private final BookingRepository bookings;
    private final RoomsForBooking rooms;
    private final BookingEvents events;
    private final IdempotencyKeys keys;
    private final BookingChanges changes;
    private final Clock clock;

    BookingCancellation(BookingRepository bookings, RoomsForBooking rooms, BookingEvents events, IdempotencyKeys keys,
                        BookingChanges changes, Clock clock) {
        this.changes = changes;
        this.bookings = bookings;
        this.rooms = rooms;
        this.events = events;
        this.keys = keys;
        this.clock = clock;
    }

    static String refundKey(UUID bookingId) {
        return "booking-" + bookingId + "-cancel-refund";
    }

    @Transactional
    CancelBookingPayload cancel(Viewer viewer, UUID id, String idempotencyKey) {
        var locked = bookings.lock(id);
        var booking = locked.flatMap(b -> bookings.find(id)).filter(b -> b.visibleTo(viewer));
        if (booking.isEmpty()) {
            return new CancelBookingPayload.BookingRejected(BookingRejectionCode.NOT_FOUND, "id", "no such booking");
        }
        BookingRecord b = locked.get();
        Instant now = clock.instant();
        if (!b.getStatus().equals(BookingStatus.CONFIRMED)) {
            return notCancellable(b.getStatus().equals(BookingStatus.HELD)
                    ? "the booking's payment is not settled yet: ask again once it is confirmed"
                    : "the booking is " + b.getStatus().toLowerCase());
        }
        if (!now.isBefore(bookings.checkInAt(id))) {
            return notCancellable("the stay has begun");
        }
        if (changes.hasOpen(id)) {
            return notCancellable("the extra charge of a change of dates is being settled: ask again once it is");
        }
        if (b.getRefundDue() != null) {
            // one refund at a time per booking: a second would overwrite the key of one the provider may yet take
            return notCancellable("a refund of this booking is still being sent: ask again once it is taken");
        }
        boolean byHotel = viewer.mayManageFor(booking.get().ownerId());
        CancellationRefund refund = quote(booking.get(), !byHotel, now);
        rooms.release(b.getUnitTypeId(), b.getCheckIn(), b.getCheckOut(), b.getRooms());
        b.setStatus(BookingStatus.CANCELLED).setCancelledAt(OffsetDateTime.now(clock));
        if (refund.refund().signum() > 0) {
            b.setRefundDue(refund.refund()).setRefundKey(refundKey(id)).setRefundAttempts(0).setRefundNextAt(null);
        }
        bookings.update(b);
        keys.booked(viewer.id(), idempotencyKey, id);
        events.cancelled(b, refund.refund(), byHotel);
        return new CancelBookingPayload.BookingCancelled(id, Booking.Money.of(refund.refund(), b.getCurrency()),
                refund.refund().signum() > 0);
    }

    /** What cancelling now would refund to this viewer; empty when the booking can no longer be cancelled. */
    @Transactional(readOnly = true)
    Optional<CancellationRefund> quote(Booking booking, Viewer viewer) {
        Instant now = clock.instant();
        if (!booking.status().equals(BookingStatus.CONFIRMED) || !now.isBefore(bookings.checkInAt(booking.id()))) {
            return Optional.empty();
        }
        return Optional.of(quote(booking, !viewer.mayManageFor(booking.ownerId()), now));
    }

    /** What cancelling {@code booking} at {@code now} refunds: the same for the quote and for the cancellation. */
    static CancellationRefund quote(Booking booking, boolean byGuest, Instant now) {
        var policy = booking.cancellationPolicy();
        return CancellationRefund.at(now, booking.total(), booking.paid(), booking.totalPrice().currency(),
                policy.refundable(), policy.freeCancellationUntil(), policy.penaltyPercent(), byGuest);
    }

    private static CancelBookingPayload notCancellable(String why) {
        return new CancelBookingPayload.BookingRejected(BookingRejectionCode.NOT_CANCELLABLE, "id", why);
    }
}
