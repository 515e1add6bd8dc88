package dev.stay.booking.dining;

import dev.stay.booking.db.tables.records.TableReservationRecord;
import dev.stay.booking.payment.PaymentProvider;
import dev.stay.booking.reservation.IdempotencyKeys;
import dev.stay.codegen.booking.types.ReservationRejectionCode;
import dev.stay.codegen.booking.types.ReserveTableInput;
import dev.stay.common.security.Viewer;
import java.sql.SQLException;
import java.util.Optional;
import java.util.UUID;
import org.springframework.stereotype.Component;

/**
 * A signed-in guest reserves a table: the idempotency key is claimed first (its own transaction, as for hotels), the
 * table is held in one transaction ({@link HoldingTable}), the deposit is charged after that commits, outside any
 * transaction, with a key made from the reservation's id, and the outcome settles it ({@link DepositSettlement}).
 * The answer is stored with the key, so a replay answers the same and never charges again.
 */
@Component
class ReservingTable {

    /** PostgreSQL's exclusion_violation: another transaction took the table for an overlapping time. */
    static final String EXCLUSION_VIOLATION = "23P01";

    private final IdempotencyKeys keys;
    private final HoldingTable holding;
    private final PaymentProvider provider;
    private final DepositSettlement settlement;
    private final Reservations reservations;

    ReservingTable(IdempotencyKeys keys, HoldingTable holding, PaymentProvider provider, DepositSettlement settlement,
                   Reservations reservations) {
        this.keys = keys;
        this.holding = holding;
        this.provider = provider;
        this.settlement = settlement;
        this.reservations = reservations;
    }

    ReservationAnswer reserve(Optional<Viewer> viewer, ReserveTableInput input, String idempotencyKey) {
        if (viewer.isEmpty()) {
            return ReservationAnswer.rejected(ReservationRejectionCode.UNAUTHENTICATED, null, "sign in to reserve");
        }
        if (!ReserveRequest.validKey(idempotencyKey)) {
            return ReservationAnswer.rejected(ReservationRejectionCode.INVALID_IDEMPOTENCY_KEY, "idempotencyKey",
                    "idempotencyKey must be 1 to 128 printable characters");
        }
        UUID guest = viewer.get().id();
        return keys.once(guest, idempotencyKey, ReserveRequest.hash(input), ReservationAnswer.class,
                () -> reserve(guest, input, idempotencyKey), ReservationAnswer::reservationId,
                () -> ReservationAnswer.rejected(ReservationRejectionCode.IDEMPOTENCY_KEY_REUSED, "idempotencyKey",
                        "this idempotency key was used with other input"),
                this::stillRunning);
    }

    private ReservationAnswer reserve(UUID guest, ReserveTableInput input, String idempotencyKey) {
        var request = ReserveRequest.of(input);
        if (!request.ok()) {
            var error = request.errors().getFirst();
            return ReservationAnswer.rejected(error.code(), error.field(), error.message());
        }
        TableReservationRecord reservation;
        try {
            switch (holding.hold(guest, request.value(), idempotencyKey)) {
                case HoldingTable.Refused refused -> {
                    return refused.answer();
                }
                case HoldingTable.Held held -> reservation = held.reservation();
            }
        } catch (RuntimeException e) {
            if (!isExclusionViolation(e)) {
                throw e;
            }
            return new ReservationAnswer.SlotTaken(holding.alternativesNow(request.value()));
        }
        if (reservation.getStatus().equals("CONFIRMED")) {
            return new ReservationAnswer.ReservationConfirmed(reservation.getId());
        }
        PaymentProvider.Charge charge = provider.charge(DepositSettlement.depositKey(reservation.getId()),
                reservation.getDeposit(), reservation.getCurrency(), request.value().paymentToken(),
                reservation.getReference());
        return answerFor(reservation.getId(), settlement.apply(reservation.getId(), charge, "PAYMENT_FAILED"));
    }

    static ReservationAnswer answerFor(UUID id, String status) {
        return switch (status) {
            case "CONFIRMED" -> new ReservationAnswer.ReservationConfirmed(id);
            case "HELD" -> new ReservationAnswer.ReservationPending(id,
                    "the payment provider has not confirmed the deposit yet: the table is held until it does");
            case "EXPIRED" -> new ReservationAnswer.ReservationPaymentDeclined(id,
                    "the hold ran out before the deposit was taken: nothing is charged");
            default -> new ReservationAnswer.ReservationPaymentDeclined(id, "the deposit was declined");
        };
    }

    /** The first request with this key has not answered in time: say what it reserved so far, if anything. */
    private ReservationAnswer stillRunning(UUID reservationId) {
        Optional<TableReservation> r = reservationId == null ? Optional.empty() : reservations.find(reservationId);
        return r.map(found -> answerFor(found.id(), found.status()))
                .orElseGet(() -> ReservationAnswer.rejected(ReservationRejectionCode.IDEMPOTENCY_KEY_IN_USE,
                        "idempotencyKey", "a request with this idempotency key is still running: ask again shortly"));
    }

    /** Whether PostgreSQL refused the write for the exclusion constraint, however the exception was wrapped. */
    static boolean isExclusionViolation(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SQLException sql && EXCLUSION_VIOLATION.equals(sql.getSQLState())) {
                return true;
            }
        }
        return false;
    }
}
