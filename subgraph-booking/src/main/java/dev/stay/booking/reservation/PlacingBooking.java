package dev.stay.booking.reservation;

import dev.stay.booking.db.tables.records.BookingRecord;
import dev.stay.booking.payment.PaymentProvider;
import dev.stay.codegen.booking.types.BookingRejectionCode;
import dev.stay.codegen.booking.types.CreateBookingInput;
import dev.stay.common.security.Viewer;
import java.util.Optional;
import java.util.UUID;
import org.springframework.stereotype.Component;

/**
 * A signed-in guest books: the idempotency key is claimed first (its own transaction), the rooms are held in one
 * transaction ({@link HoldingRooms}), the provider is charged after that commits, outside any transaction, with a key
 * made from the booking's id, and the outcome settles the booking ({@link PaymentSettlement}). The answer is stored
 * with the key, so a replay answers the same and never charges again.
 */
@Component
class PlacingBooking {

    private final IdempotencyKeys keys;
    private final HoldingRooms holding;
    private final PaymentProvider provider;
    private final PaymentSettlement settlement;
    private final BookingRepository bookings;

    PlacingBooking(IdempotencyKeys keys, HoldingRooms holding, PaymentProvider provider, PaymentSettlement settlement,
                   BookingRepository bookings) {
        this.keys = keys;
        this.holding = holding;
        this.provider = provider;
        this.settlement = settlement;
        this.bookings = bookings;
    }

    CreateBookingPayload place(Optional<Viewer> viewer, CreateBookingInput input, String idempotencyKey) {
        if (viewer.isEmpty()) {
            return CreateBookingPayload.BookingRejected.of(BookingRejectionCode.UNAUTHENTICATED, null,
                    "sign in to book");
        }
        if (!BookingRequest.validKey(idempotencyKey)) {
            return CreateBookingPayload.BookingRejected.of(BookingRejectionCode.INVALID_IDEMPOTENCY_KEY,
                    "idempotencyKey", "idempotencyKey must be 1 to 128 printable characters");
        }
        UUID guest = viewer.get().id();
        String hash = BookingRequest.hash(input);
        return keys.once(guest, idempotencyKey, hash, CreateBookingPayload.class,
                () -> book(guest, input, idempotencyKey), CreateBookingPayload::bookingId,
                () -> CreateBookingPayload.BookingRejected.of(BookingRejectionCode.IDEMPOTENCY_KEY_REUSED,
                        "idempotencyKey", "this idempotency key was used with other input"),
                this::stillRunning);
    }

    private CreateBookingPayload book(UUID guest, CreateBookingInput input, String idempotencyKey) {
        var request = BookingRequest.of(input);
        if (!request.ok()) {
            var error = request.errors().getFirst();
            return CreateBookingPayload.BookingRejected.of(error.code(), error.field(), error.message());
        }
        BookingRecord booking;
        switch (holding.hold(guest, Viewer.current().flatMap(Viewer::partnerClient).orElse(null), request.value(),
                idempotencyKey)) {
            case HoldingRooms.Refused refused -> {
                return refused.answer();
            }
            case HoldingRooms.Held held -> booking = held.booking();
        }
        PaymentProvider.Charge charge = provider.charge(PaymentSettlement.chargeKey(booking.getId()),
                booking.getTotal(), booking.getCurrency(), request.value().paymentToken(), booking.getReference());
        String status = settlement.apply(booking.getId(), charge, BookingStatus.PAYMENT_FAILED);
        return answerFor(booking.getId(), status);
    }

    private static CreateBookingPayload answerFor(UUID bookingId, String status) {
        return switch (status) {
            case BookingStatus.CONFIRMED -> new CreateBookingPayload.BookingConfirmed(bookingId);
            case BookingStatus.HELD -> new CreateBookingPayload.BookingPending(bookingId,
                    "the payment provider has not confirmed the charge yet: the rooms are held until it does");
            case BookingStatus.EXPIRED -> new CreateBookingPayload.PaymentDeclined(bookingId,
                    "the hold ran out before the payment was taken: nothing is charged");
            default -> new CreateBookingPayload.PaymentDeclined(bookingId, "the payment was declined");
        };
    }

    /** The first request with this key has not answered in time: say what it booked so far, if anything. */
    private CreateBookingPayload stillRunning(UUID bookingId) {
        Optional<Booking> booking = bookingId == null ? Optional.empty() : bookings.find(bookingId);
        return booking.map(b -> answerFor(b.id(), b.status()))
                .orElseGet(() -> CreateBookingPayload.BookingRejected.of(BookingRejectionCode.IDEMPOTENCY_KEY_IN_USE,
                        "idempotencyKey", "a request with this idempotency key is still running: ask again shortly"));
    }
}
