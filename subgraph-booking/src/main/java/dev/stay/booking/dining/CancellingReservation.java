package dev.stay.booking.dining;

import dev.stay.booking.reservation.IdempotencyKeys;
import dev.stay.codegen.booking.types.ReservationRejectionCode;
import dev.stay.common.graphql.Ids;
import dev.stay.common.security.Viewer;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.stereotype.Component;

/**
 * {@code cancelReservation}: the key is claimed as for {@code reserveTable} (request {@code cancelReservation:<id>}),
 * {@link ReservationCancellation} decides in one transaction, then the refund owed is sent ({@link ReservationRefunds};
 * one not taken stays due and is sent again with the same key). The answer's {@code refundPending} says whether it is
 * still owed.
 */
@Component
class CancellingReservation {

    private final IdempotencyKeys keys;
    private final ReservationCancellation cancellation;
    private final ReservationRefunds refunds;

    CancellingReservation(IdempotencyKeys keys, ReservationCancellation cancellation, ReservationRefunds refunds) {
        this.keys = keys;
        this.cancellation = cancellation;
        this.refunds = refunds;
    }

    ReservationAnswer cancel(Optional<Viewer> viewer, String id, String idempotencyKey) {
        if (viewer.isEmpty()) {
            return ReservationAnswer.rejected(ReservationRejectionCode.UNAUTHENTICATED, null, "sign in to cancel");
        }
        Optional<UUID> reservationId = Ids.tryParse(id);
        if (reservationId.isEmpty()) {
            return ReservationAnswer.rejected(ReservationRejectionCode.INVALID_ID, "id", "id is not a valid id");
        }
        if (!ReserveRequest.validKey(idempotencyKey)) {
            return ReservationAnswer.rejected(ReservationRejectionCode.INVALID_IDEMPOTENCY_KEY, "idempotencyKey",
                    "idempotencyKey must be 1 to 128 printable characters");
        }
        return keys.once(viewer.get().id(), idempotencyKey,
                ReserveRequest.hash("cancelReservation", List.of(reservationId.get())), ReservationAnswer.class,
                () -> cancel(viewer.get(), reservationId.get()), ReservationAnswer::reservationId,
                () -> ReservationAnswer.rejected(ReservationRejectionCode.IDEMPOTENCY_KEY_REUSED, "idempotencyKey",
                        "this idempotency key was used with other input"),
                running -> ReservationAnswer.rejected(ReservationRejectionCode.IDEMPOTENCY_KEY_IN_USE,
                        "idempotencyKey", "a request with this idempotency key is still running: ask again shortly"));
    }

    private ReservationAnswer cancel(Viewer viewer, UUID id) {
        ReservationCancellation.Decided decided = cancellation.cancel(viewer, id);
        if (decided.refundDue() && decided.answer() instanceof ReservationAnswer.ReservationCancelled c) {
            return new ReservationAnswer.ReservationCancelled(id, c.refund(), !refunds.send(id));
        }
        return decided.answer();
    }
}
