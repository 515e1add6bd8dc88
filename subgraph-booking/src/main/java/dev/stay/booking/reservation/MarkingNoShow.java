package dev.stay.booking.reservation;

import dev.stay.codegen.booking.types.BookingRejectionCode;
import dev.stay.common.graphql.Ids;
import dev.stay.common.security.Viewer;
import java.util.Optional;
import java.util.UUID;
import org.springframework.stereotype.Component;

/**
 * {@code markNoShow}: the key is claimed first, as for {@code cancelBooking} ({@code IdempotencyKeys.once}, request
 * {@code markNoShow:<id>}); the booking is marked in one transaction ({@link NoShowMarking}); then, outside it, the
 * part of the payment beyond the fee is refunded ({@link Refunds}: one the provider does not take is sent again later
 * with the same key). A replay answers the stored answer and never refunds again.
 */
@Component
class MarkingNoShow {

    private final IdempotencyKeys keys;
    private final NoShowMarking marking;
    private final Refunds refunds;

    MarkingNoShow(IdempotencyKeys keys, NoShowMarking marking, Refunds refunds) {
        this.keys = keys;
        this.marking = marking;
        this.refunds = refunds;
    }

    MarkNoShowPayload mark(Optional<Viewer> viewer, String id, String idempotencyKey) {
        if (viewer.isEmpty()) {
            return rejected(BookingRejectionCode.UNAUTHENTICATED, null, "sign in as the hotel's owner");
        }
        if (!BookingRequest.validKey(idempotencyKey)) {
            return rejected(BookingRejectionCode.INVALID_IDEMPOTENCY_KEY, "idempotencyKey",
                    "idempotencyKey must be 1 to 128 printable characters");
        }
        Optional<UUID> bookingId = Ids.tryParse(id);
        if (bookingId.isEmpty()) {
            return rejected(BookingRejectionCode.NOT_FOUND, "id", "no such booking");
        }
        return keys.once(viewer.get().id(), idempotencyKey, "markNoShow:" + bookingId.get(), MarkNoShowPayload.class,
                () -> markOnce(viewer.get(), bookingId.get(), idempotencyKey),
                MarkNoShowPayload::bookingId,
                () -> rejected(BookingRejectionCode.IDEMPOTENCY_KEY_REUSED, "idempotencyKey",
                        "this idempotency key was used with other input"),
                booking -> rejected(BookingRejectionCode.IDEMPOTENCY_KEY_IN_USE, "idempotencyKey",
                        "a request with this idempotency key is still running: ask again shortly"));
    }

    private MarkNoShowPayload markOnce(Viewer viewer, UUID id, String idempotencyKey) {
        MarkNoShowPayload answer = marking.mark(viewer, id, idempotencyKey);
        if (answer instanceof MarkNoShowPayload.NoShowMarked marked && marked.refundPending()) {
            boolean sent = refunds.send(id);
            return new MarkNoShowPayload.NoShowMarked(id, marked.fee(), marked.refund(), !sent);
        }
        return answer;
    }

    private static MarkNoShowPayload rejected(BookingRejectionCode code, String field, String message) {
        return new MarkNoShowPayload.BookingRejected(code, field, message);
    }
}
