package dev.stay.booking.dining;

import static dev.stay.booking.db.Tables.TABLE_RESERVATION;

import dev.stay.booking.db.tables.records.TableReservationRecord;
import dev.stay.booking.payment.PaymentProvider;
import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jooq.DSLContext;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Settles a dearer change's extra deposit (see {@link MovingReservation}), in one transaction that locks the
 * reservation, then the row holding its new slot: paid, the reservation moves to the new slot and the hold row goes
 * ({@code reservation.changed}); declined or never charged, the hold row goes and the reservation keeps its old slot;
 * no clear answer, both stay until the webhook, {@link #reconcile} or the hold's expiry settles it. Whoever settles
 * first wins; the others find no hold row and change nothing.
 */
@Component
class ReservationChangeSettlement {

    enum Settled { MOVED, KEPT, OPEN, GONE }

    private final Reservations reservations;
    private final ReservationEvents events;
    private final PaymentProvider provider;
    private final DSLContext db;
    private final DiningProperties settings;
    private final org.springframework.transaction.support.TransactionTemplate transaction;

    ReservationChangeSettlement(Reservations reservations, ReservationEvents events, PaymentProvider provider,
                                DSLContext db, DiningProperties settings,
                                org.springframework.transaction.PlatformTransactionManager transactions) {
        this.transaction = new org.springframework.transaction.support.TransactionTemplate(transactions);
        this.reservations = reservations;
        this.events = events;
        this.provider = provider;
        this.db = db;
        this.settings = settings;
    }

    @Transactional
    Settled apply(UUID id, PaymentProvider.Charge charge) {
        TableReservationRecord r = reservations.lock(id).orElseThrow();
        Optional<TableReservationRecord> hold = db.selectFrom(TABLE_RESERVATION)
                .where(TABLE_RESERVATION.CHANGE_OF.eq(id)).forUpdate().fetchOptional();
        if (hold.isEmpty()) {
            return Settled.GONE;
        }
        TableReservationRecord h = hold.get();
        switch (charge.status()) {
            case SUCCEEDED -> {
                BigDecimal paid = (r.getCharged() == null ? BigDecimal.ZERO : r.getCharged())
                        .subtract(r.getRefunded() == null ? BigDecimal.ZERO : r.getRefunded());
                BigDecimal extra = h.getDeposit().subtract(paid);
                h.delete();
                r.setDay(h.getDay()).setLocalTime(h.getLocalTime()).setPartySize(h.getPartySize())
                        .setDeposit(h.getDeposit()).setTableId(h.getTableId()).setStartsAt(h.getStartsAt())
                        .setEndsAt(h.getEndsAt()).setPaymentStatus("CHARGED")
                        .setCharged((r.getCharged() == null ? BigDecimal.ZERO : r.getCharged()).add(extra));
                if (r.getChargeId() == null) {
                    r.setChargeId(charge.chargeId());
                }
                events.changed(r, ReservationEvents.CHANGED);
                return Settled.MOVED;
            }
            case DECLINED, NOT_FOUND -> {
                h.delete();
                return Settled.KEPT;
            }
            default -> {
                h.setPaymentStatus("UNKNOWN");
                events.noted(h);
                return Settled.OPEN;
            }
        }
    }

    /** The new deposit of this reservation's open change (its hold row's), if one is open. */
    Optional<BigDecimal> openExtra(UUID id) {
        return db.select(TABLE_RESERVATION.DEPOSIT).from(TABLE_RESERVATION)
                .where(TABLE_RESERVATION.CHANGE_OF.eq(id)).fetchOptional(TABLE_RESERVATION.DEPOSIT);
    }

    /** The same, only when the open change is the reservation's {@code change}th (its charge key's number). */
    Optional<BigDecimal> openExtra(UUID id, int change) {
        return changesOf(id) == change ? openExtra(id) : Optional.empty();
    }

    /**
     * Asks the provider about the open changes whose charge has been unknown for {@code stay.dining.reconcile-after}
     * or whose hold has run out: a hold run out with no charge at the provider is given up (the old slot stays).
     */
    @org.springframework.scheduling.annotation.Scheduled(fixedDelayString = "${stay.dining.reconcile-interval:PT30S}")
    int reconcile() {
        OffsetDateTime now = OffsetDateTime.now();
        List<TableReservationRecord> open = db.selectFrom(TABLE_RESERVATION)
                .where(TABLE_RESERVATION.CHANGE_OF.isNotNull())
                .and(TABLE_RESERVATION.HOLD_EXPIRES_AT.lt(now).or(TABLE_RESERVATION.PAYMENT_STATUS.eq("UNKNOWN")
                        .and(TABLE_RESERVATION.UPDATED_AT.lt(now.minus(settings.reconcileAfter())))))
                .limit(settings.batchSize()).fetch();
        int settled = 0;
        for (TableReservationRecord h : open) {
            int change = changesOf(h.getChangeOf());
            PaymentProvider.Charge charge = provider.find(MovingReservation.chargeKey(h.getChangeOf(), change));
            boolean expired = h.getHoldExpiresAt().isBefore(now);
            if (charge.status() == PaymentProvider.Status.UNKNOWN
                    || (charge.status() == PaymentProvider.Status.NOT_FOUND && !expired)) {
                continue;
            }
            if (transaction.execute(status -> apply(h.getChangeOf(), charge)) != Settled.OPEN) {
                settled++;
            }
        }
        return settled;
    }

    private int changesOf(UUID id) {
        return db.select(TABLE_RESERVATION.CHANGES).from(TABLE_RESERVATION).where(TABLE_RESERVATION.ID.eq(id))
                .fetchSingle(TABLE_RESERVATION.CHANGES);
    }
}
