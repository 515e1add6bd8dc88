package dev.stay.booking.reservation;

import static dev.stay.booking.db.Tables.PROPERTY;

import dev.stay.booking.db.tables.records.BookingRecord;
import dev.stay.booking.inventory.RoomsForBooking;
import dev.stay.codegen.booking.types.BookingRejectionCode;
import dev.stay.common.security.Viewer;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.UUID;
import org.jooq.DSLContext;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The no-show's one transaction: lock the booking, check who asks (the hotel's owner or an admin), its status and the
 * day in the hotel's time zone (from the day after check-in to {@code no-show-days-after-check-out} days after
 * check-out), work out the fee ({@link NoShowFee}), give back the nights from today on, mark it NO_SHOW with the
 * refund it owes and announce {@code booking.no-show}. The refund is sent after it commits ({@link Refunds}). A
 * completed stay may be marked too (the job completes stays the day after check-out, before the hotel may have
 * looked); {@code booking.no-show} then replaces the {@code booking.completed} sent before.
 */
@Component
class NoShowMarking {

    private final DSLContext db;
    private final BookingRepository bookings;
    private final RoomsForBooking rooms;
    private final BookingEvents events;
    private final IdempotencyKeys keys;
    private final StayEndProperties settings;
    private final Clock clock;

    NoShowMarking(DSLContext db, BookingRepository bookings, RoomsForBooking rooms, BookingEvents events,
                  IdempotencyKeys keys, StayEndProperties settings, Clock clock) {
        this.db = db;
        this.bookings = bookings;
        this.rooms = rooms;
        this.events = events;
        this.keys = keys;
        this.settings = settings;
        this.clock = clock;
    }

    static String refundKey(UUID bookingId) {
        return "booking-" + bookingId + "-no-show-refund";
    }

    @Transactional
    MarkNoShowPayload mark(Viewer viewer, UUID id, String idempotencyKey) {
        var locked = bookings.lock(id);
        var booking = locked.flatMap(b -> bookings.find(id)).filter(b -> b.visibleTo(viewer));
        if (booking.isEmpty()) {
            return rejected(BookingRejectionCode.NOT_FOUND, "no such booking");
        }
        if (!viewer.mayManageFor(booking.get().ownerId())) {
            return rejected(BookingRejectionCode.FORBIDDEN, "only the hotel's owner or an admin marks a no-show");
        }
        BookingRecord b = locked.get();
        if (b.getStatus().equals(BookingStatus.NO_SHOW)) {
            return rejected(BookingRejectionCode.ALREADY_NO_SHOW, "the booking is already marked a no-show");
        }
        if (!b.getStatus().equals(BookingStatus.CONFIRMED) && !b.getStatus().equals(BookingStatus.COMPLETED)) {
            return rejected(BookingRejectionCode.NOT_CONFIRMED, "the booking is " + b.getStatus().toLowerCase());
        }
        ZoneId zone = ZoneId.of(db.select(PROPERTY.TIME_ZONE).from(PROPERTY)
                .where(PROPERTY.ID.eq(b.getPropertyId())).fetchSingle(PROPERTY.TIME_ZONE));
        LocalDate today = clock.instant().atZone(zone).toLocalDate();
        if (!today.isAfter(b.getCheckIn())) {
            return rejected(BookingRejectionCode.NO_SHOW_TOO_EARLY,
                    "a no-show is marked from " + b.getCheckIn().plusDays(1) + ", the hotel's time");
        }
        LocalDate last = b.getCheckOut().plusDays(settings.noShowDaysAfterCheckOut());
        if (today.isAfter(last)) {
            return rejected(BookingRejectionCode.NO_SHOW_TOO_LATE, "a no-show is marked until " + last);
        }
        if (b.getRefundDue() != null) {
            return rejected(BookingRejectionCode.PAYMENT_NOT_SETTLED,
                    "a refund of this booking is still being sent: ask again once it is taken");
        }
        var policy = booking.get().cancellationPolicy();
        NoShowFee fee = NoShowFee.of(b.getTotal(), booking.get().paid(), b.getCurrency(),
                policy.noShowPenaltyPercent());
        if (b.getStatus().equals(BookingStatus.CONFIRMED) && today.isBefore(b.getCheckOut())) {
            rooms.release(b.getUnitTypeId(), today, b.getCheckOut(), b.getRooms());
        }
        b.setStatus(BookingStatus.NO_SHOW).setNoShowAt(OffsetDateTime.now(clock)).setNoShowFee(fee.fee());
        if (fee.refund().signum() > 0) {
            b.setRefundDue(fee.refund()).setRefundKey(refundKey(id));
        }
        bookings.update(b);
        keys.booked(viewer.id(), idempotencyKey, id);
        events.noShow(b, fee.fee());
        return new MarkNoShowPayload.NoShowMarked(id, Booking.Money.of(fee.fee(), b.getCurrency()),
                Booking.Money.of(fee.refund(), b.getCurrency()), fee.refund().signum() > 0);
    }

    private static MarkNoShowPayload rejected(BookingRejectionCode code, String message) {
        return new MarkNoShowPayload.BookingRejected(code, "id", message);
    }
}
