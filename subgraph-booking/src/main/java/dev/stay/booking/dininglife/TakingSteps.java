package dev.stay.booking.dininglife;

import static dev.stay.booking.dininglife.ReservationStatusPayload.rejected;

import dev.stay.booking.reservation.IdempotencyKeys;
import dev.stay.codegen.booking.types.ReservationRejectionCode;
import dev.stay.common.graphql.Ids;
import dev.stay.common.graphql.Texts;
import dev.stay.common.security.Viewer;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;
import org.springframework.stereotype.Component;

/**
 * The mutations' checks before any step: signed in, a usable key, a well-formed id. Completion and no-show claim
 * their key first ({@link IdempotencyKeys#once}, request {@code <step>:<id>}), as hotels' steps do: a replay answers
 * the stored answer and never refunds again; the same key for another step or reservation is IDEMPOTENCY_KEY_REUSED.
 * A completion's refund is sent after its transaction commits ({@link DepositRefunds}), so the answer tells whether it
 * is still pending.
 */
@Component
class TakingSteps {

    private final IdempotencyKeys keys;
    private final LifecycleSteps steps;
    private final DepositRefunds refunds;

    TakingSteps(IdempotencyKeys keys, LifecycleSteps steps, DepositRefunds refunds) {
        this.keys = keys;
        this.steps = steps;
        this.refunds = refunds;
    }

    ReservationStatusPayload seat(Optional<Viewer> viewer, String id) {
        if (viewer.isEmpty()) {
            return rejected(ReservationRejectionCode.UNAUTHENTICATED, null, "sign in as the restaurant's owner");
        }
        Optional<UUID> reservation = Ids.tryParse(id);
        return reservation.isEmpty() ? invalidId() : steps.seat(viewer.get(), reservation.get());
    }

    ReservationStatusPayload complete(Optional<Viewer> viewer, String id, String key) {
        return once(viewer, id, key, "completeReservation", reservation -> () -> {
            var answer = steps.complete(viewer, reservation, key);
            if (answer instanceof ReservationStatusPayload.ReservationUpdated updated && updated.refundPending()) {
                return new ReservationStatusPayload.ReservationUpdated(reservation, updated.refund(),
                        !refunds.send(reservation));
            }
            return answer;
        });
    }

    ReservationStatusPayload noShow(Optional<Viewer> viewer, String id, String key) {
        return once(viewer, id, key, "markReservationNoShow",
                reservation -> () -> steps.noShow(viewer.get(), reservation, key));
    }

    private ReservationStatusPayload once(Optional<Viewer> viewer, String id, String key, String step,
                                          java.util.function.Function<UUID, Supplier<ReservationStatusPayload>> work) {
        if (viewer.isEmpty()) {
            return rejected(ReservationRejectionCode.UNAUTHENTICATED, null, "sign in as the restaurant's owner");
        }
        if (key == null || key.isBlank() || key.length() > 128 || Texts.hasControlCharacters(key)) {
            return rejected(ReservationRejectionCode.INVALID_IDEMPOTENCY_KEY, "idempotencyKey",
                    "idempotencyKey must be 1 to 128 printable characters");
        }
        Optional<UUID> reservation = Ids.tryParse(id);
        if (reservation.isEmpty()) {
            return invalidId();
        }
        return keys.once(viewer.get().id(), key, step + ":" + reservation.get(), ReservationStatusPayload.class,
                work.apply(reservation.get()), ReservationStatusPayload::reservationId,
                () -> rejected(ReservationRejectionCode.IDEMPOTENCY_KEY_REUSED, "idempotencyKey",
                        "this idempotency key was used with other input"),
                running -> rejected(ReservationRejectionCode.IDEMPOTENCY_KEY_IN_USE, "idempotencyKey",
                        "a request with this idempotency key is still running: ask again shortly"));
    }

    private static ReservationStatusPayload invalidId() {
        return rejected(ReservationRejectionCode.INVALID_ID, "id", "id is not a reservation's id");
    }
}
