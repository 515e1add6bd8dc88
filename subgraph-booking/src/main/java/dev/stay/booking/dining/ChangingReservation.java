package dev.stay.booking.dining;

import dev.stay.booking.payment.PaymentProvider;
import dev.stay.booking.reservation.IdempotencyKeys;
import dev.stay.codegen.booking.types.ChangeReservationInput;
import dev.stay.codegen.booking.types.ReservationRejectionCode;
import dev.stay.common.graphql.Ids;
import dev.stay.common.security.Viewer;
import java.math.BigDecimal;
import java.util.Optional;
import java.util.UUID;
import org.springframework.stereotype.Component;

/**
 * {@code changeReservation} (its guest only): the key is claimed as for {@code reserveTable}; {@link MovingReservation}
 * decides in one transaction; a smaller deposit's difference is refunded after the commit ({@link ReservationRefunds}),
 * a larger one is charged with {@code reservation-<id>-change-<n>-charge} and settled by {@link ReservationChangeSettlement}.
 */
@Component
class ChangingReservation {

    private final IdempotencyKeys keys;
    private final MovingReservation moving;
    private final ReservationChangeSettlement settlement;
    private final ReservationRefunds refunds;
    private final PaymentProvider provider;

    ChangingReservation(IdempotencyKeys keys, MovingReservation moving, ReservationChangeSettlement settlement,
                        ReservationRefunds refunds, PaymentProvider provider) {
        this.keys = keys;
        this.moving = moving;
        this.settlement = settlement;
        this.refunds = refunds;
        this.provider = provider;
    }

    ReservationAnswer change(Optional<Viewer> viewer, String id, ChangeReservationInput input, String idempotencyKey) {
        if (viewer.isEmpty()) {
            return ReservationAnswer.rejected(ReservationRejectionCode.UNAUTHENTICATED, null, "sign in to change");
        }
        Optional<UUID> reservationId = Ids.tryParse(id);
        if (reservationId.isEmpty()) {
            return ReservationAnswer.rejected(ReservationRejectionCode.INVALID_ID, "id", "id is not a valid id");
        }
        if (!ReserveRequest.validKey(idempotencyKey)) {
            return ReservationAnswer.rejected(ReservationRejectionCode.INVALID_IDEMPOTENCY_KEY, "idempotencyKey",
                    "idempotencyKey must be 1 to 128 printable characters");
        }
        return keys.once(viewer.get().id(), idempotencyKey, ChangeRequest.hash(reservationId.get(), input),
                ReservationAnswer.class, () -> change(viewer.get(), reservationId.get(), input),
                ReservationAnswer::reservationId,
                () -> ReservationAnswer.rejected(ReservationRejectionCode.IDEMPOTENCY_KEY_REUSED, "idempotencyKey",
                        "this idempotency key was used with other input"),
                running -> ReservationAnswer.rejected(ReservationRejectionCode.IDEMPOTENCY_KEY_IN_USE,
                        "idempotencyKey", "a request with this idempotency key is still running: ask again shortly"));
    }

    private ReservationAnswer change(Viewer viewer, UUID id, ChangeReservationInput input) {
        var request = ChangeRequest.of(input);
        if (!request.ok()) {
            var error = request.errors().getFirst();
            return ReservationAnswer.rejected(error.code(), error.field(), error.message());
        }
        MovingReservation.Outcome outcome;
        try {
            outcome = moving.move(viewer, id, request.value());
        } catch (RuntimeException e) {
            if (!ReservingTable.isExclusionViolation(e)) {
                throw e;
            }
            return new ReservationAnswer.SlotTaken(java.util.List.of());
        }
        return switch (outcome) {
            case MovingReservation.Refused refused -> refused.answer();
            case MovingReservation.Moved moved -> {
                if (moved.refund().signum() > 0) {
                    refunds.send(id);
                }
                yield changed(id, BigDecimal.ZERO, moved.refund(), moved.currency());
            }
            case MovingReservation.ToCharge charge -> charge(charge, request.value().paymentToken());
        };
    }

    private ReservationAnswer charge(MovingReservation.ToCharge c, String token) {
        PaymentProvider.Charge charge = provider.charge(MovingReservation.chargeKey(c.id(), c.change()), c.extra(),
                c.currency(), token, c.reference());
        return switch (settlement.apply(c.id(), charge)) {
            case MOVED -> changed(c.id(), c.extra(), BigDecimal.ZERO, c.currency());
            case OPEN -> new ReservationAnswer.ReservationPending(c.id(), "the payment provider has not confirmed the "
                    + "extra deposit yet: the new time is held and the old one kept until it does");
            case KEPT, GONE -> new ReservationAnswer.ReservationPaymentDeclined(c.id(),
                    "the extra deposit was declined: the reservation keeps its old time");
        };
    }

    private ReservationAnswer changed(UUID id, BigDecimal charged, BigDecimal refunded, String currency) {
        return new ReservationAnswer.ReservationChanged(id, TableReservation.Money.of(charged, currency),
                TableReservation.Money.of(refunded, currency));
    }

}
