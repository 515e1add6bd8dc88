package dev.stay.booking.dining;

import static dev.stay.booking.db.Tables.TABLE_RESERVATION;

import dev.stay.booking.db.tables.records.TableReservationRecord;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import org.jooq.DSLContext;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * What a deposit's outcome does to a held reservation, each in one transaction that locks it first and changes it
 * only while it is still held: whoever settles it first (the request, the webhook, the reconciliation, the sweeper of
 * another instance) wins, and the others change nothing.
 */
@Component
class SettlingReservation {

    enum Confirmed { CONFIRMED, ALREADY, TOO_LATE }

    private final Reservations reservations;
    private final ReservationEvents events;
    private final DSLContext db;

    SettlingReservation(Reservations reservations, ReservationEvents events, DSLContext db) {
        this.reservations = reservations;
        this.events = events;
        this.db = db;
    }

    /** Paid: confirmed if still held; TOO_LATE when released meanwhile, and the charge must be given back. */
    @Transactional
    Confirmed confirm(UUID id, String chargeId) {
        TableReservationRecord r = reservations.lock(id).orElseThrow();
        if (!r.getStatus().equals("HELD")) {
            return List.of("EXPIRED", "PAYMENT_FAILED").contains(r.getStatus()) ? Confirmed.TOO_LATE
                    : Confirmed.ALREADY;
        }
        r.setStatus("CONFIRMED").setPaymentStatus("CHARGED").setChargeId(chargeId).setCharged(r.getDeposit())
                .setHoldExpiresAt(null);
        events.changed(r, ReservationEvents.CONFIRMED);
        return Confirmed.CONFIRMED;
    }

    /**
     * Not paid: the table is given back and the reservation ends as {@code status} (PAYMENT_FAILED or EXPIRED).
     *
     * @return whether it was still held
     */
    @Transactional
    boolean release(UUID id, String status, String paymentStatus) {
        TableReservationRecord r = reservations.lock(id).orElseThrow();
        if (!r.getStatus().equals("HELD")) {
            return false;
        }
        r.setStatus(status).setPaymentStatus(paymentStatus).setHoldExpiresAt(null);
        events.changed(r, status.equals("EXPIRED") ? ReservationEvents.EXPIRED : ReservationEvents.PAYMENT_FAILED);
        return true;
    }

    /** No clear answer: the reservation stays held until the webhook, the reconciliation or the sweeper learns more. */
    @Transactional
    void unknown(UUID id) {
        TableReservationRecord r = reservations.lock(id).orElseThrow();
        if (r.getStatus().equals("HELD") && !r.getPaymentStatus().equals("UNKNOWN")) {
            events.noted(r.setPaymentStatus("UNKNOWN"));
        }
    }

    /** A charge that arrived for a reservation released meanwhile was given back in full. */
    @Transactional
    void refundedLateCharge(UUID id, String chargeId) {
        TableReservationRecord r = reservations.lock(id).orElseThrow();
        events.noted(r.setPaymentStatus("REFUNDED").setChargeId(chargeId).setCharged(r.getDeposit())
                .setRefunded(r.getDeposit()));
    }

    /**
     * Takes the holds past their expiry that no other instance is looking at ({@code SKIP LOCKED}) and pushes their
     * expiry back by {@code lease}, so this instance may ask the provider about them outside any transaction.
     */
    @Transactional
    List<TableReservationRecord> leaseExpiredHolds(Duration lease, int limit) {
        OffsetDateTime now = OffsetDateTime.now();
        List<TableReservationRecord> expired = db.selectFrom(TABLE_RESERVATION)
                .where(TABLE_RESERVATION.STATUS.eq("HELD")).and(TABLE_RESERVATION.HOLD_EXPIRES_AT.lt(now))
                .and(TABLE_RESERVATION.CHANGE_OF.isNull())
                .orderBy(TABLE_RESERVATION.HOLD_EXPIRES_AT).limit(limit)
                .forUpdate().skipLocked().fetch();
        expired.forEach(r -> events.noted(r.setHoldExpiresAt(now.plus(lease))));
        return expired;
    }

    /** Held reservations whose deposit has been unknown since before {@code before}. */
    @Transactional(readOnly = true)
    List<UUID> unknownDeposits(OffsetDateTime before, int limit) {
        return db.select(TABLE_RESERVATION.ID).from(TABLE_RESERVATION)
                .where(TABLE_RESERVATION.STATUS.eq("HELD")).and(TABLE_RESERVATION.PAYMENT_STATUS.eq("UNKNOWN"))
                .and(TABLE_RESERVATION.CHANGE_OF.isNull()).and(TABLE_RESERVATION.UPDATED_AT.lt(before))
                .orderBy(TABLE_RESERVATION.UPDATED_AT).limit(limit)
                .fetch(TABLE_RESERVATION.ID);
    }
}
