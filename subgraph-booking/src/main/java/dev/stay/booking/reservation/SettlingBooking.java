package dev.stay.booking.reservation;

import dev.stay.booking.db.tables.records.BookingRecord;
import dev.stay.booking.inventory.RoomsForBooking;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The changes a payment's outcome makes to a held booking, each in one transaction that locks the booking first
 * and changes it only while it is still held: whoever settles it first (the request, the reconciliation, the
 * sweeper of another instance) wins, and the others change nothing.
 */
@Component
class SettlingBooking {

    enum Confirmed { CONFIRMED, ALREADY, TOO_LATE }

    private final BookingRepository bookings;
    private final RoomsForBooking rooms;
    private final BookingEvents events;

    SettlingBooking(BookingRepository bookings, RoomsForBooking rooms, BookingEvents events) {
        this.bookings = bookings;
        this.rooms = rooms;
        this.events = events;
    }

    /** Paid: confirmed if still held; TOO_LATE when it was released meanwhile, and the charge must be refunded. */
    @Transactional
    Confirmed confirm(UUID id, String chargeId) {
        BookingRecord b = bookings.lock(id).orElseThrow();
        if (b.getStatus().equals(BookingStatus.CONFIRMED)) {
            return Confirmed.ALREADY;
        }
        if (!b.getStatus().equals(BookingStatus.HELD)) {
            return Confirmed.TOO_LATE;
        }
        b.setStatus(BookingStatus.CONFIRMED).setPaymentStatus(BookingStatus.CHARGED).setChargeId(chargeId)
                .setCharged(b.getTotal()).setHoldExpiresAt(null);
        bookings.update(b);
        events.confirmed(b);
        return Confirmed.CONFIRMED;
    }

    /**
     * Not paid: the rooms are given back and the booking ends as {@code status} (PAYMENT_FAILED or EXPIRED).
     *
     * @return whether it was still held
     */
    @Transactional
    boolean release(UUID id, String status, String paymentStatus) {
        BookingRecord b = bookings.lock(id).orElseThrow();
        if (!b.getStatus().equals(BookingStatus.HELD)) {
            return false;
        }
        rooms.release(b.getUnitTypeId(), b.getCheckIn(), b.getCheckOut(), b.getRooms());
        b.setStatus(status).setPaymentStatus(paymentStatus).setHoldExpiresAt(null);
        bookings.update(b);
        if (status.equals(BookingStatus.EXPIRED)) {
            events.expired(b);
        } else {
            events.paymentFailed(b);
        }
        return true;
    }

    /** The provider gave no clear answer: the booking stays held until the reconciliation learns the outcome. */
    @Transactional
    void unknown(UUID id) {
        BookingRecord b = bookings.lock(id).orElseThrow();
        if (b.getStatus().equals(BookingStatus.HELD)) {
            bookings.update(b.setPaymentStatus(BookingStatus.PAYMENT_UNKNOWN));
        }
    }

    /** A charge that arrived for a booking released meanwhile was given back. */
    @Transactional
    void refunded(UUID id, String chargeId) {
        BookingRecord b = bookings.lock(id).orElseThrow();
        bookings.update(b.setPaymentStatus(BookingStatus.REFUNDED).setChargeId(chargeId).setCharged(b.getTotal())
                .setRefunded(b.getTotal()));
    }

    /**
     * Takes the holds past their expiry that no other instance is looking at ({@code SKIP LOCKED}) and pushes their
     * expiry back by {@code lease}, so that this instance may ask the provider about them outside any transaction
     * while the others leave them alone; a hold whose payment stays unknown is leased again on a later sweep.
     */
    @Transactional
    List<BookingRecord> leaseExpiredHolds(Duration lease, int limit) {
        OffsetDateTime now = OffsetDateTime.now();
        List<BookingRecord> expired = bookings.lockExpiredHolds(now, limit);
        expired.forEach(b -> bookings.update(b.setHoldExpiresAt(now.plus(lease))));
        return expired;
    }

    Optional<Booking> find(UUID id) {
        return bookings.find(id);
    }
}
