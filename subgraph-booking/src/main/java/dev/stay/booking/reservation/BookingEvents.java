package dev.stay.booking.reservation;

import dev.stay.booking.db.tables.records.BookingRecord;
import dev.stay.common.outbox.Outbox;
import java.time.Instant;
import org.springframework.stereotype.Component;

/** Announces a booking's changes through the outbox, in the transaction that makes them. */
@Component
class BookingEvents {

    /** One topic for every booking, keyed by property id so that a property's facts stay in order. */
    static final String TOPIC = "booking.booking";
    static final String HELD = "booking.held";
    static final String CONFIRMED = "booking.confirmed";
    static final String EXPIRED = "booking.expired";
    static final String PAYMENT_FAILED = "booking.payment-failed";
    static final String CANCELLED = "booking.cancelled";
    static final String CHANGED = "booking.changed";
    static final String COMPLETED = "booking.completed";
    static final String NO_SHOW = "booking.no-show";

    private final Outbox outbox;

    BookingEvents(Outbox outbox) {
        this.outbox = outbox;
    }

    void held(BookingRecord b) {
        publish(b, HELD, new BookingEvent.BookingHeld(b.getId(), b.getReference(), b.getPropertyId(),
                b.getUnitTypeId(), b.getGuestId(), b.getCheckIn(), b.getCheckOut(), b.getRooms(), b.getTotal(),
                b.getCurrency(), b.getHoldExpiresAt().toInstant(), Instant.now()));
    }

    void confirmed(BookingRecord b) {
        publish(b, CONFIRMED, new BookingEvent.BookingConfirmed(b.getId(), b.getReference(), b.getPropertyId(),
                b.getUnitTypeId(), b.getGuestId(), b.getCheckIn(), b.getCheckOut(), b.getRooms(), b.getTotal(),
                b.getCurrency(), Instant.now()));
    }

    void expired(BookingRecord b) {
        publish(b, EXPIRED, new BookingEvent.BookingExpired(b.getId(), b.getReference(), b.getPropertyId(),
                b.getUnitTypeId(), b.getGuestId(), b.getCheckIn(), b.getCheckOut(), b.getRooms(), Instant.now()));
    }

    void paymentFailed(BookingRecord b) {
        publish(b, PAYMENT_FAILED, new BookingEvent.BookingPaymentFailed(b.getId(), b.getReference(),
                b.getPropertyId(), b.getUnitTypeId(), b.getGuestId(), b.getCheckIn(), b.getCheckOut(), b.getRooms(),
                Instant.now()));
    }

    /** @param byHotel whether the hotel's owner or an admin cancelled it (refunded in full), not its guest */
    void cancelled(BookingRecord b, java.math.BigDecimal refund, boolean byHotel) {
        publish(b, CANCELLED, new BookingEvent.BookingCancelled(b.getId(), b.getReference(), b.getPropertyId(),
                b.getUnitTypeId(), b.getGuestId(), b.getCheckIn(), b.getCheckOut(), b.getRooms(), refund,
                b.getCurrency(), byHotel ? "HOTEL" : "GUEST", Instant.now()));
    }

    void changed(BookingRecord b, java.time.LocalDate previousCheckIn, java.time.LocalDate previousCheckOut) {
        publish(b, CHANGED, new BookingEvent.BookingChanged(b.getId(), b.getReference(), b.getPropertyId(),
                b.getUnitTypeId(), b.getGuestId(), previousCheckIn, previousCheckOut, b.getCheckIn(), b.getCheckOut(),
                b.getRooms(), b.getTotal(), b.getCurrency(), Instant.now()));
    }

    void completed(BookingRecord b) {
        publish(b, COMPLETED, new BookingEvent.BookingCompleted(b.getId(), b.getPropertyId(), b.getUnitTypeId(),
                b.getGuestId(), b.getCheckIn(), b.getCheckOut(), Instant.now()));
    }

    /** @param fee what the hotel keeps, in the booking's currency's decimals */
    void noShow(BookingRecord b, java.math.BigDecimal fee) {
        publish(b, NO_SHOW, new BookingEvent.BookingNoShow(b.getId(), b.getPropertyId(), b.getUnitTypeId(),
                b.getGuestId(), b.getCheckIn(), b.getCheckOut(), new BookingEvent.Money(fee, b.getCurrency()),
                Instant.now()));
    }

    private void publish(BookingRecord b, String type, BookingEvent event) {
        outbox.append(TOPIC, b.getPropertyId().toString(), type, event);
    }
}
