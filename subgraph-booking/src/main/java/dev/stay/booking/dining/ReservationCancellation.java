package dev.stay.booking.dining;

import dev.stay.booking.db.tables.records.TableReservationRecord;
import dev.stay.codegen.booking.types.ReservationRejectionCode;
import dev.stay.common.security.Viewer;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.Optional;
import java.util.UUID;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The one transaction of {@code cancelReservation}: locks the reservation (concurrent cancellations line up on it),
 * answers NOT_FOUND to anyone who may not see it, refuses what is not CONFIRMED, whose time has come, or that still
 * owes a refund, works out the refund ({@link CancellationTerms}), gives the table back and writes the refund owed
 * with its key and {@code reservation.cancelled}. The refund itself is sent after the commit.
 */
@Component
class ReservationCancellation {

    /** What was decided: the answer, and whether a refund is now due to be sent. */
    record Decided(ReservationAnswer answer, boolean refundDue) {}

    private final Reservations reservations;
    private final ReservationEvents events;
    private final ReservationChangeSettlement changes;
    private final Clock clock;

    ReservationCancellation(Reservations reservations, ReservationEvents events, ReservationChangeSettlement changes,
                            Clock clock) {
        this.changes = changes;
        this.reservations = reservations;
        this.events = events;
        this.clock = clock;
    }

    static String refundKey(UUID id) {
        return "reservation-" + id + "-cancel-refund";
    }

    @Transactional
    Decided cancel(Viewer viewer, UUID id) {
        Optional<TableReservation> seen = reservations.find(id).filter(r -> r.visibleTo(viewer));
        Optional<TableReservationRecord> locked = seen.isEmpty() ? Optional.empty() : reservations.lock(id);
        if (locked.isEmpty()) {
            return refused(ReservationRejectionCode.NOT_FOUND, "no such reservation");
        }
        TableReservationRecord r = locked.get();
        if (!r.getStatus().equals("CONFIRMED")) {
            return refused(ReservationRejectionCode.NOT_CANCELLABLE, r.getStatus().equals("HELD")
                    ? "the deposit is still being settled: ask again once it is" : "the reservation is " + r.getStatus());
        }
        if (!r.getStartsAt().toInstant().isAfter(clock.instant())) {
            return refused(ReservationRejectionCode.NOT_CANCELLABLE, "the reservation's time has come");
        }
        if (r.getRefundDue() != null || changes.openExtra(id).isPresent()) {
            return refused(ReservationRejectionCode.NOT_CANCELLABLE, "a refund or a change of it is still being settled");
        }
        boolean byRestaurant = viewer.mayManageFor(seen.get().ownerId()) && !viewer.id().equals(r.getGuestId());
        BigDecimal paid = seen.get().paid();
        BigDecimal refund = CancellationTerms.refund(paid, byRestaurant || viewer.isAdmin(),
                seen.get().depositRefundableHours(), r.getStartsAt().toInstant(), clock.instant());
        r.setStatus("CANCELLED").setCancelledAt(OffsetDateTime.now(clock)).setHoldExpiresAt(null);
        if (refund.signum() > 0) {
            r.setRefundDue(refund).setRefundKey(refundKey(id)).setRefundAttempts(0).setRefundNextAt(null);
        }
        events.changed(r, ReservationEvents.CANCELLED);
        return new Decided(new ReservationAnswer.ReservationCancelled(id,
                TableReservation.Money.of(refund, r.getCurrency()), refund.signum() > 0), refund.signum() > 0);
    }

    private static Decided refused(ReservationRejectionCode code, String message) {
        return new Decided(ReservationAnswer.rejected(code, "id", message), false);
    }
}
