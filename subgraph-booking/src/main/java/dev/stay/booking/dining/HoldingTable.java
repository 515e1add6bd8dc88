package dev.stay.booking.dining;

import dev.stay.booking.db.tables.records.TableReservationRecord;
import dev.stay.codegen.booking.types.ReservationRejectionCode;
import dev.stay.common.dining.SeatingSlots;
import dev.stay.common.dining.Slot;
import dev.stay.common.dining.Start;
import dev.stay.common.dining.TableTimes;
import dev.stay.booking.reservation.IdempotencyKeys;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jooq.DSLContext;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The one transaction of {@code reserveTable}: locks the restaurant's row (every reservation of a restaurant lines
 * up there), judges the request against its rules and the tables as they are, takes the smallest free table that
 * seats the party and writes the reservation HELD with an expiry ({@code reservation.held}), or CONFIRMED at once
 * when no deposit is due. The exclusion constraint on {@code table_reservation} is the last line behind the lock.
 */
@Component
class HoldingTable {

    sealed interface Outcome {}

    record Held(TableReservationRecord reservation) implements Outcome {}

    record Refused(ReservationAnswer answer) implements Outcome {}

    private final DiningRoom room;
    private final ReservationEvents events;
    private final IdempotencyKeys keys;
    private final DSLContext db;
    private final DiningProperties settings;
    private final Clock clock;

    HoldingTable(DiningRoom room, ReservationEvents events, IdempotencyKeys keys, DSLContext db,
                 DiningProperties settings, Clock clock) {
        this.room = room;
        this.events = events;
        this.keys = keys;
        this.db = db;
        this.settings = settings;
        this.clock = clock;
    }

    @Transactional
    Outcome hold(UUID guest, ReserveRequest r, String idempotencyKey) {
        Optional<DiningRoom.Terms> found = room.lock(r.restaurantId());
        if (found.isEmpty()) {
            return refused(ReservationRejectionCode.NOT_FOUND, "restaurantId", "no such restaurant");
        }
        DiningRoom.Terms terms = found.get();
        if (!terms.takesReservations()) {
            return refused(ReservationRejectionCode.NOT_FOR_SALE, "restaurantId", "the restaurant takes no reservations");
        }
        Judged judged = judge(terms, r.date(), r.time(), r.partySize(), null);
        if (judged.refusal() != null) {
            return new Refused(judged.refusal());
        }
        BigDecimal deposit = terms.depositFor(r.partySize());
        if (!terms.currency().equals(r.quotedCurrency()) || deposit.compareTo(r.quotedAmount()) != 0) {
            return new Refused(new ReservationAnswer.DepositChanged(new TableReservation.Money(
                    r.quotedAmount().toPlainString(), r.quotedCurrency()),
                    TableReservation.Money.of(deposit, terms.currency())));
        }
        if (deposit.signum() > 0 && r.paymentToken() == null) {
            return refused(ReservationRejectionCode.INVALID_PAYMENT_TOKEN, "paymentToken",
                    "paymentToken is required: a deposit is due");
        }
        Slot slot = judged.slot();
        if (slot.tablesFree() == 0) {
            return new Refused(new ReservationAnswer.SlotTaken(alternatives(judged.tables(), terms, r.date(),
                    r.time(), r.partySize())));
        }
        OffsetDateTime now = OffsetDateTime.now(clock);
        boolean free = deposit.signum() == 0;
        TableReservationRecord reservation = new TableReservationRecord()
                .setId(UUID.randomUUID()).setReference(Reference.next(db)).setGuestId(guest)
                .setRestaurantId(terms.id()).setTableId(slot.smallestTable()).setDay(r.date())
                .setLocalTime(r.time()).setStartsAt(slot.startsAt().atOffset(ZoneOffset.UTC))
                .setEndsAt(slot.endsAt().atOffset(ZoneOffset.UTC)).setPartySize(r.partySize())
                .setDeposit(deposit).setCurrency(terms.currency())
                .setStatus(free ? "CONFIRMED" : "HELD").setPaymentStatus(free ? "NOT_CHARGED" : "PENDING")
                .setHoldExpiresAt(free ? null : now.plus(settings.holdFor()))
                .setNote(r.note()).setPartnerReference(r.partnerReference());
        events.created(reservation, free ? ReservationEvents.CONFIRMED : ReservationEvents.HELD);
        keys.booked(guest, idempotencyKey, reservation.getId());
        return new Held(reservation);
    }

    /** The slot asked for as the tables are now, or why there is none; for reserving and for changing. */
    record Judged(Slot slot, List<TableTimes> tables, ReservationAnswer refusal) {}

    Judged judge(DiningRoom.Terms terms, LocalDate date, java.time.LocalTime time, int partySize, UUID except) {
        LocalDate today = LocalDate.now(clock.withZone(terms.rules().zone()));
        var wrongDate = TableRequest.date("date", date, today);
        if (wrongDate.isPresent()) {
            return refusal(ReservationRejectionCode.INVALID_DATE, "date", wrongDate.get().message());
        }
        Optional<Start> start = terms.rules().start(date, time);
        if (start.isEmpty()) {
            return refusal(ReservationRejectionCode.CLOSED, "time",
                    "the restaurant is closed then, or the time is not one of its slots");
        }
        if (!start.get().startsAt().isAfter(clock.instant())) {
            return refusal(ReservationRejectionCode.INVALID_DATE, "time", "that time has passed");
        }
        List<TableTimes> tables = room.tables(terms.id(), date, terms.rules().zone(), except);
        if (tables.stream().noneMatch(t -> t.seats(partySize))) {
            return refusal(ReservationRejectionCode.NOT_FOR_SALE, "partySize", "no table seats a party of that size");
        }
        Optional<Slot> slot = SeatingSlots.at(terms.rules(), start.get(), partySize, tables);
        if (slot.isEmpty()) {
            return refusal(ReservationRejectionCode.NOT_FOR_SALE, "partySize", "parties of that size are not seated");
        }
        return new Judged(slot.get(), tables, null);
    }

    /** Other free start times that day within 60 minutes of the one asked for. */
    List<String> alternatives(List<TableTimes> tables, DiningRoom.Terms terms, LocalDate date,
                              java.time.LocalTime time, int partySize) {
        return SeatingSlots.free(terms.rules(), date, partySize, tables, clock.instant()).stream()
                .filter(s -> Math.abs(java.time.Duration.between(time, s.time()).toMinutes()) <= 60)
                .filter(s -> !s.time().equals(time))
                .map(s -> s.time().toString()).toList();
    }

    private static Judged refusal(ReservationRejectionCode code, String field, String message) {
        return new Judged(null, null, ReservationAnswer.rejected(code, field, message));
    }

    private static Refused refused(ReservationRejectionCode code, String field, String message) {
        return new Refused(ReservationAnswer.rejected(code, field, message));
    }

    /** Alternatives as the tables are now, outside the transaction that lost a race to the exclusion constraint. */
    @Transactional(readOnly = true)
    List<String> alternativesNow(ReserveRequest r) {
        return room.terms(r.restaurantId()).map(terms -> alternatives(
                room.tables(terms.id(), r.date(), terms.rules().zone(), null), terms, r.date(), r.time(),
                r.partySize())).orElse(List.of());
    }
}
