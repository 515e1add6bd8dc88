package dev.stay.booking.dininglife;

import static dev.stay.booking.dininglife.ReservationStatusPayload.rejected;

import dev.stay.booking.db.tables.records.TableReservationRecord;
import dev.stay.booking.dining.ReservationEvents;
import dev.stay.booking.dining.Reservations;
import dev.stay.booking.dining.TableReservation;
import dev.stay.booking.reservation.IdempotencyKeys;
import dev.stay.codegen.booking.types.ReservationRejectionCode;
import dev.stay.common.security.Viewer;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.UUID;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Each step after a reservation is made, in one transaction: the row locked, who asks checked (the restaurant's owner
 * holding the owner role, or an admin; its guest is FORBIDDEN, anyone else finds nothing), its status and the time,
 * then the new status stored and announced through {@link ReservationEvents} (the version bumped, the step's event in
 * the outbox). A refusal changes nothing. Completion
 * writes the refund it owes ({@code refund_due}, under {@link #completionRefundKey}); {@link DepositRefunds} sends it
 * after the commit.
 */
@Component
class LifecycleSteps {

    private final Reservations rows;
    private final TableReservations reservations;
    private final ReservationEvents events;
    private final IdempotencyKeys keys;
    private final LifecycleProperties settings;
    private final Clock clock;

    LifecycleSteps(Reservations rows, TableReservations reservations, ReservationEvents events, IdempotencyKeys keys,
                   LifecycleProperties settings, Clock clock) {
        this.rows = rows;
        this.reservations = reservations;
        this.events = events;
        this.keys = keys;
        this.settings = settings;
        this.clock = clock;
    }

    /** The provider's key of a completion's refund: one per reservation, however often it is sent. */
    static String completionRefundKey(UUID reservationId) {
        return "reservation-" + reservationId + "-completion-refund";
    }

    @Transactional
    ReservationStatusPayload seat(Viewer viewer, UUID id) {
        var found = locked(viewer, id);
        if (found.refusal != null) {
            return found.refusal;
        }
        TableReservationRecord r = found.row;
        if (!r.getStatus().equals("CONFIRMED")) {
            return rejected(ReservationRejectionCode.INVALID_STATUS, "id", "the reservation is " + status(r));
        }
        Instant now = clock.instant();
        if (now.isBefore(r.getStartsAt().toInstant().minus(settings.seatEarly()))) {
            return rejected(ReservationRejectionCode.TOO_EARLY, "id", "a party is seated from "
                    + settings.seatEarly().toMinutes() + " minutes before its time");
        }
        if (!now.isBefore(r.getEndsAt().toInstant())) {
            return rejected(ReservationRejectionCode.TOO_LATE, "id",
                    "the reservation's time is over: complete it or mark it a no-show");
        }
        r.setStatus("SEATED").setSeatedAt(at(now));
        events.changed(r, ReservationEvents.SEATED);
        return new ReservationStatusPayload.ReservationUpdated(id, TableReservation.Money.of(BigDecimal.ZERO, r.getCurrency()), false);
    }

    /** By the owner or an admin ({@code viewer}), or by the completion job (no viewer, no key). */
    @Transactional
    ReservationStatusPayload complete(Optional<Viewer> viewer, UUID id, String idempotencyKey) {
        var found = viewer.isPresent() ? locked(viewer.get(), id)
                : new Found(rows.lock(id).filter(r -> r.getChangeOf() == null).orElse(null), null);
        if (found.refusal != null) {
            return found.refusal;
        }
        TableReservationRecord r = found.row;
        // the job completes only seated parties; the owner may also close a confirmed one that was never seated
        if (r == null || !(r.getStatus().equals("SEATED")
                || (viewer.isPresent() && r.getStatus().equals("CONFIRMED")))) {
            return rejected(ReservationRejectionCode.INVALID_STATUS, "id",
                    "the reservation is " + (r == null ? "gone" : status(r)));
        }
        Instant now = clock.instant();
        if (now.isBefore(r.getStartsAt().toInstant().minus(settings.seatEarly()))) {
            return rejected(ReservationRejectionCode.TOO_EARLY, "id", "a visit is completed once it has begun");
        }
        if (r.getRefundDue() != null) {
            return rejected(ReservationRejectionCode.PAYMENT_NOT_SETTLED, "id",
                    "a refund of this reservation is still being sent: ask again once it is taken");
        }
        BigDecimal paid = nz(r.getCharged()).subtract(nz(r.getRefunded()));
        r.setStatus("COMPLETED").setCompletedAt(at(now));
        if (paid.signum() > 0) {
            r.setRefundDue(paid).setRefundKey(completionRefundKey(id)).setRefundAttempts(0).setRefundNextAt(null);
        }
        events.changed(r, ReservationEvents.COMPLETED);
        viewer.ifPresent(v -> keys.booked(v.id(), idempotencyKey, id));
        return new ReservationStatusPayload.ReservationUpdated(id, TableReservation.Money.of(paid, r.getCurrency()),
                paid.signum() > 0);
    }

    @Transactional
    ReservationStatusPayload noShow(Viewer viewer, UUID id, String idempotencyKey) {
        var found = locked(viewer, id);
        if (found.refusal != null) {
            return found.refusal;
        }
        TableReservationRecord r = found.row;
        if (!r.getStatus().equals("CONFIRMED")) {
            return rejected(ReservationRejectionCode.INVALID_STATUS, "id", "the reservation is " + status(r));
        }
        Instant now = clock.instant();
        Instant time = r.getStartsAt().toInstant();
        if (now.isBefore(time)) {
            return rejected(ReservationRejectionCode.TOO_EARLY, "id", "a no-show is marked from the reservation's time");
        }
        if (now.isAfter(time.plus(settings.noShowWindow()))) {
            return rejected(ReservationRejectionCode.TOO_LATE, "id",
                    "a no-show is marked until " + settings.noShowWindow().toDays() + " days after the time");
        }
        r.setStatus("NO_SHOW").setNoShowAt(at(now));
        events.changed(r, ReservationEvents.NO_SHOW);
        keys.booked(viewer.id(), idempotencyKey, id);
        return new ReservationStatusPayload.ReservationUpdated(id, TableReservation.Money.of(BigDecimal.ZERO, r.getCurrency()), false);
    }

    private record Found(TableReservationRecord row, ReservationStatusPayload refusal) {}

    /** The reservation locked, or why this viewer may not touch it. */
    private Found locked(Viewer viewer, UUID id) {
        var row = rows.lock(id).filter(r -> r.getChangeOf() == null);
        if (row.isEmpty()) {
            return new Found(null, rejected(ReservationRejectionCode.NOT_FOUND, "id", "no such reservation"));
        }
        UUID owner = reservations.ownerOf(row.get().getRestaurantId());
        if (viewer.mayManageFor(owner)) {
            return new Found(row.get(), null);
        }
        if (viewer.mayActFor(row.get().getGuestId())) {
            return new Found(null, rejected(ReservationRejectionCode.FORBIDDEN, "id",
                    "only the restaurant's owner or an admin takes this step"));
        }
        return new Found(null, rejected(ReservationRejectionCode.NOT_FOUND, "id", "no such reservation"));
    }

    private static String status(TableReservationRecord r) {
        return r.getStatus().toLowerCase().replace('_', ' ');
    }

    private static OffsetDateTime at(Instant now) {
        return now.atOffset(ZoneOffset.UTC);
    }

    private static BigDecimal nz(BigDecimal amount) {
        return amount == null ? BigDecimal.ZERO : amount;
    }
}
