package dev.stay.booking.reservation;

import dev.stay.codegen.booking.types.BookingRejectionCode;
import dev.stay.common.graphql.Ids;
import dev.stay.common.security.Viewer;
import java.util.Optional;
import java.util.UUID;
import org.springframework.stereotype.Component;

/**
 * {@code cancelBooking}: the key is claimed first, as for {@code createBooking}; the booking is cancelled in one
 * transaction ({@link BookingCancellation}); then, outside it, the refund is sent ({@link Refunds}: one the provider
 * does not take is sent again later with the same key). A replay answers the stored answer and never refunds again.
 * A held booking (payment not settled) is not cancelled: NOT_CANCELLABLE, to ask again once it is settled, so that a
 * charge arriving late can never be left on a cancelled booking.
 */
@Component
class CancellingBooking {

    private final IdempotencyKeys keys;
    private final BookingCancellation cancellation;
    private final Refunds refunds;

    CancellingBooking(IdempotencyKeys keys, BookingCancellation cancellation, Refunds refunds) {
        this.keys = keys;
        this.cancellation = cancellation;
        this.refunds = refunds;
    }

    CancelBookingPayload cancel(Optional<Viewer> viewer, String id, String idempotencyKey) {
        if (viewer.isEmpty()) {
            return rejected(BookingRejectionCode.UNAUTHENTICATED, null, "sign in to cancel a booking");
        }
        if (!BookingRequest.validKey(idempotencyKey)) {
            return rejected(BookingRejectionCode.INVALID_IDEMPOTENCY_KEY, "idempotencyKey",
                    "idempotencyKey must be 1 to 128 printable characters");
        }
        Optional<UUID> bookingId = Ids.tryParse(id);
        if (bookingId.isEmpty()) {
            return rejected(BookingRejectionCode.NOT_FOUND, "id", "no such booking");
        }
        return keys.once(viewer.get().id(), idempotencyKey, "cancelBooking:" + bookingId.get(),
                CancelBookingPayload.class,
                () -> cancelOnce(viewer.get(), bookingId.get(), idempotencyKey),
                CancelBookingPayload::bookingId,
                () -> rejected(BookingRejectionCode.IDEMPOTENCY_KEY_REUSED, "idempotencyKey",
                        "this idempotency key was used with other input"),
                booking -> rejected(BookingRejectionCode.IDEMPOTENCY_KEY_IN_USE, "idempotencyKey",
                        "a request with this idempotency key is still running: ask again shortly"));
    }

    private CancelBookingPayload cancelOnce(Viewer viewer, UUID id, String idempotencyKey) {
        CancelBookingPayload answer = cancellation.cancel(viewer, id, idempotencyKey);
        if (answer instanceof CancelBookingPayload.BookingCancelled cancelled && cancelled.refundPending()) {
            boolean sent = refunds.send(id);
            return new CancelBookingPayload.BookingCancelled(id, cancelled.refund(), !sent);
        }
        return answer;
    }

    private static CancelBookingPayload rejected(BookingRejectionCode code, String field, String message) {
        return new CancelBookingPayload.BookingRejected(code, field, message);
    }
}
