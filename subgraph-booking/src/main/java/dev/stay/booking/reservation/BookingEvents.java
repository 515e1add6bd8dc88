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
    // next: booking.cancelled, booking.changed

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

    private void publish(BookingRecord b, String type, BookingEvent event) {
        outbox.append(TOPIC, b.getPropertyId().toString(), type, event);
    }
}
