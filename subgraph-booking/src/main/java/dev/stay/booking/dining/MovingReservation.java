package dev.stay.booking.dining;

import static dev.stay.booking.db.Tables.TABLE_RESERVATION;

import dev.stay.booking.db.tables.records.TableReservationRecord;
import dev.stay.codegen.booking.types.ReservationRejectionCode;
import dev.stay.common.dining.Slot;
import dev.stay.common.dining.TableTimes;
import dev.stay.common.security.Viewer;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;
import org.jooq.DSLContext;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The one transaction of {@code changeReservation}: locks the reservation, then its restaurant, judges the new slot
 * as the tables are without this reservation, keeps the old table when it still seats the party and is free (else the
 * smallest free one), and prices the new party. No dearer: it moves at once ({@code reservation.changed}) and a smaller
 * deposit's difference becomes a refund owed. Dearer: nothing moves yet; the new slot is held by a row of its own
 * ({@code change_of} = the reservation, HELD, not announced) while the difference is charged, so the guest keeps the
 * old slot whatever the provider says ({@link ReservationChangeSettlement}).
 */
@Component
class MovingReservation {

    sealed interface Outcome {}

    record Moved(UUID id, BigDecimal refund, String currency) implements Outcome {}

    record ToCharge(UUID id, UUID hold, int change, BigDecimal extra, String currency, String reference)
            implements Outcome {}

    record Refused(ReservationAnswer answer) implements Outcome {}

    private final Reservations reservations;
    private final DiningRoom room;
    private final HoldingTable holding;
    private final ReservationEvents events;
    private final DSLContext db;
    private final DiningProperties settings;
    private final Clock clock;

    MovingReservation(Reservations reservations, DiningRoom room, HoldingTable holding, ReservationEvents events,
                      DSLContext db, DiningProperties settings, Clock clock) {
        this.reservations = reservations;
        this.room = room;
        this.holding = holding;
        this.events = events;
        this.db = db;
        this.settings = settings;
        this.clock = clock;
    }

    static String chargeKey(UUID id, int change) {
        return "reservation-" + id + "-change-" + change + "-charge";
    }

    static String refundKey(UUID id, int change) {
        return "reservation-" + id + "-change-" + change + "-refund";
    }

    @Transactional
    Outcome move(Viewer viewer, UUID id, ChangeRequest c) {
        var seen = reservations.find(id).filter(r -> r.guest().id().equals(viewer.id()));
        var locked = seen.isEmpty() ? java.util.Optional.<TableReservationRecord>empty() : reservations.lock(id);
        if (locked.isEmpty()) {
            return refused(ReservationRejectionCode.NOT_FOUND, "id", "no such reservation");
        }
        TableReservationRecord r = locked.get();
        if (!r.getStatus().equals("CONFIRMED") || !r.getStartsAt().toInstant().isAfter(clock.instant())) {
            return refused(ReservationRejectionCode.NOT_CHANGEABLE, "id", "only a confirmed reservation before its time");
        }
        if (r.getRefundDue() != null || db.fetchExists(TABLE_RESERVATION, TABLE_RESERVATION.CHANGE_OF.eq(id))) {
            return refused(ReservationRejectionCode.NOT_CHANGEABLE, "id", "a change or refund of it is still settled");
        }
        LocalDate date = c.date() == null ? r.getDay() : c.date();
        LocalTime time = c.time() == null ? r.getLocalTime() : c.time();
        int party = c.partySize() == null ? r.getPartySize() : c.partySize();
        if (date.equals(r.getDay()) && time.equals(r.getLocalTime()) && party == r.getPartySize()) {
            return refused(ReservationRejectionCode.NOTHING_TO_CHANGE, "input", "that is the reservation as it is");
        }
        DiningRoom.Terms terms = room.lock(r.getRestaurantId()).orElseThrow();
        if (!terms.takesReservations()) {
            return refused(ReservationRejectionCode.NOT_FOR_SALE, "id", "the restaurant takes no reservations now");
        }
        HoldingTable.Judged judged = holding.judge(terms, date, time, party, id);
        if (judged.refusal() != null) {
            return new Refused(judged.refusal());
        }
        BigDecimal deposit = party == r.getPartySize() ? r.getDeposit() : terms.depositFor(party);
        if (c.partySize() != null && (!terms.currency().equals(c.quotedCurrency())
                || deposit.compareTo(c.quotedAmount()) != 0)) {
            return new Refused(new ReservationAnswer.DepositChanged(new TableReservation.Money(
                    c.quotedAmount().toPlainString(), c.quotedCurrency()), TableReservation.Money.of(deposit,
                    terms.currency())));
        }
        Slot slot = judged.slot();
        UUID table = judged.tables().stream()
                .filter(t -> t.id().equals(r.getTableId()) && t.seats(party)
                        && t.freeDuring(slot.startsAt(), slot.endsAt()))
                .map(TableTimes::id).findFirst().orElse(slot.smallestTable());
        if (table == null) {
            return new Refused(new ReservationAnswer.SlotTaken(holding.alternatives(judged.tables(), terms, date,
                    time, party)));
        }
        BigDecimal paid = (r.getCharged() == null ? BigDecimal.ZERO : r.getCharged())
                .subtract(r.getRefunded() == null ? BigDecimal.ZERO : r.getRefunded());
        BigDecimal difference = deposit.subtract(paid);
        int change = r.getChanges() + 1;
        r.setChanges(change);
        if (difference.signum() > 0) {
            if (c.paymentToken() == null) {
                return refused(ReservationRejectionCode.INVALID_PAYMENT_TOKEN, "paymentToken",
                        "paymentToken is required: the new deposit is larger");
            }
            events.noted(r);
            TableReservationRecord hold = r.copy();
            hold.setId(UUID.randomUUID()).setReference(Reference.next(db)).setChangeOf(id).setStatus("HELD")
                    .setPaymentStatus("PENDING").setHoldExpiresAt(OffsetDateTime.now(clock).plus(settings.holdFor()))
                    .setChargeId(null).setCharged(null).setRefunded(null).setChanges(0);
            place(hold, date, time, party, deposit, table, slot);
            events.created(hold, ReservationEvents.HELD);
            return new ToCharge(id, hold.getId(), change, difference, r.getCurrency(), r.getReference());
        }
        place(r, date, time, party, deposit, table, slot);
        if (difference.signum() < 0) {
            r.setRefundDue(difference.negate()).setRefundKey(refundKey(id, change)).setRefundAttempts(0)
                    .setRefundNextAt(null);
        }
        events.changed(r, ReservationEvents.CHANGED);
        return new Moved(id, difference.signum() < 0 ? difference.negate() : BigDecimal.ZERO, r.getCurrency());
    }

    static void place(TableReservationRecord r, LocalDate date, LocalTime time, int party, BigDecimal deposit,
                      UUID table, Slot slot) {
        r.setDay(date).setLocalTime(time).setPartySize(party).setDeposit(deposit).setTableId(table)
                .setStartsAt(slot.startsAt().atOffset(ZoneOffset.UTC)).setEndsAt(slot.endsAt().atOffset(ZoneOffset.UTC));
    }

    private static Refused refused(ReservationRejectionCode code, String field, String message) {
        return new Refused(ReservationAnswer.rejected(code, field, message));
    }
}
