package dev.stay.booking.inventory;

import static dev.stay.booking.db.Tables.INVENTORY_NIGHT;
import static org.jooq.impl.DSL.field;
import static org.jooq.impl.DSL.name;
import static org.jooq.impl.DSL.row;
import static org.jooq.impl.DSL.select;
import static org.jooq.impl.DSL.val;
import static org.jooq.impl.DSL.values;

import dev.stay.codegen.booking.types.BookingRejectionCode;
import dev.stay.common.graphql.BadUserInput;
import dev.stay.common.money.Currencies;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.UUID;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Row1;
import org.jooq.Table;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * What a booking asks of the inventory, inside the booking's own transaction: lock the nights of a stay and judge
 * them, then take or give back rooms. Every night of the room type is locked in date order (the order
 * {@link SettingInventory} takes them in too), so two bookings, or a booking and an owner's change, never deadlock.
 * Every night taken or given back here is announced, with what is free after the transaction ({@link RoomsAnnounced}).
 */
@Component
public class RoomsForBooking {

    /** What the locked nights say about a stay. */
    public sealed interface Verdict {}

    /** Bookable: the live price of one room for each night, and the total for the rooms asked for. */
    public record Bookable(UUID propertyId, String currency, int currencyDigits, List<NightPrice> nightlyPrices,
                           BigDecimal total, Policy policy) implements Verdict {}

    /**
     * The cancellation policy of the stay, as availability offered it: free until {@code freeUntil} (null when not
     * refundable), then {@code penaltyPercent} of the total kept. A booking keeps it whatever the owner sets later.
     */
    public record Policy(boolean refundable, OffsetDateTime freeUntil, int penaltyPercent) {}

    public record NightPrice(LocalDate night, BigDecimal price) {}

    /** Fewer rooms free than asked for on some night. */
    public record SoldOut(int available) implements Verdict {}

    /** Not bookable whatever the rooms: bad dates, party too large, closed, not for sale, a sale rule... */
    public record Refused(BookingRejectionCode code, String field, String message) implements Verdict {}

    private final InventoryRepository inventory;
    private final RoomsAnnounced announced;
    private final DSLContext db;
    private final Clock clock;

    RoomsForBooking(InventoryRepository inventory, RoomsAnnounced announced, DSLContext db, Clock clock) {
        this.inventory = inventory;
        this.announced = announced;
        this.db = db;
        this.clock = clock;
    }

    /**
     * Creates the nights of the stay that have no row yet (with the room type's defaults), locks every night of the
     * stay in date order until the transaction ends, and judges the stay against them.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public Verdict lockAndJudge(UUID hotelId, UUID roomTypeId, LocalDate checkIn, LocalDate checkOut, int guests,
                                int rooms) {
        Optional<InventoryRepository.SaleTerms> terms = inventory.termsOf(roomTypeId);
        if (terms.isEmpty() || !terms.get().propertyId().equals(hotelId)) {
            return new Refused(BookingRejectionCode.NOT_FOUND, "roomTypeId", "no such room type at this hotel");
        }
        OptionalInt digits = Currencies.digits(terms.get().currency());
        if (terms.get().removed() || digits.isEmpty()) {
            return new Refused(BookingRejectionCode.NOT_FOR_SALE, "roomTypeId", "this room type is not for sale");
        }
        StayRequest stay;
        try {
            stay = StayRequest.of(checkIn, checkOut, guests, rooms, LocalDate.now(clock.withZone(terms.get().zone())));
        } catch (BadUserInput bad) {
            return new Refused(codeOf(bad.reason()), bad.field(), bad.getMessage());
        }
        createMissingNights(roomTypeId, stay.nights());
        lock(roomTypeId, checkIn, checkOut);
        List<SaleNight> nights = inventory.nights(hotelId, stay).stream()
                .filter(n -> n.unitTypeId().equals(roomTypeId)).toList();
        return judge(stay, nights, terms.get().propertyId(), digits.getAsInt());
    }

    /**
     * The one place where a stay is checked against the nights it would take, by the same {@link SaleRules} as
     * {@code Hotel.availability}, so that what is offered can be booked and what cannot is refused with its reason.
     *
     * @param days the room type's nights of the stay and, when it has a row, its check-out day (for closed to
     *             departure), as {@link InventoryRepository#nights} reads them
     */
    static Verdict judge(StayRequest stay, List<SaleNight> days, UUID propertyId, int digits) {
        List<SaleNight> nights = days.stream().filter(d -> d.night().isBefore(stay.checkOut())).toList();
        boolean closedToDeparture = days.stream()
                .anyMatch(d -> d.night().equals(stay.checkOut()) && d.closedToDeparture());
        Optional<SaleRules.Refusal> refusal = SaleRules.refusal(stay, nights, closedToDeparture);
        if (refusal.isPresent()) {
            return refused(refusal.get(), nights);
        }
        List<NightPrice> prices = nights.stream().map(n -> new NightPrice(n.night(), n.price())).toList();
        BigDecimal total = prices.stream().map(NightPrice::price).reduce(BigDecimal.ZERO, BigDecimal::add)
                .multiply(BigDecimal.valueOf(stay.rooms()));
        var offered = Offers.policy(stay, nights.getFirst());
        return new Bookable(propertyId, nights.getFirst().currency(), digits, prices, total,
                new Policy(offered.refundable(), offered.freeCancellationUntil(), offered.penaltyPercent()));
    }

    private static Verdict refused(SaleRules.Refusal refusal, List<SaleNight> nights) {
        LocalDate day = refusal.day();
        return switch (refusal.reason()) {
            case SOLD_OUT -> new SoldOut(Math.max(0, nights.stream().mapToInt(SaleNight::freeUnits).min().orElse(0)));
            case NOT_FOR_SALE -> new Refused(BookingRejectionCode.NOT_FOR_SALE, "checkIn",
                    "the night of " + day + " is not for sale");
            case PARTY_TOO_LARGE -> new Refused(BookingRejectionCode.PARTY_TOO_LARGE, "guests",
                    "a room of this type sleeps at most " + nights.getFirst().maxGuests());
            case CLOSED -> new Refused(BookingRejectionCode.CLOSED, "checkIn", "the night of " + day + " is closed");
            case CLOSED_TO_ARRIVAL -> new Refused(BookingRejectionCode.CLOSED_TO_ARRIVAL, "checkIn",
                    "no stay may start on " + day);
            case CLOSED_TO_DEPARTURE -> new Refused(BookingRejectionCode.CLOSED_TO_DEPARTURE, "checkOut",
                    "no stay may end on " + day);
            case MIN_STAY -> new Refused(BookingRejectionCode.MIN_STAY, "checkOut",
                    "a stay arriving on " + day + " lasts at least " + nights.getFirst().minStay() + " nights");
            case MAX_STAY -> new Refused(BookingRejectionCode.MAX_STAY, "checkOut",
                    "a stay arriving on " + day + " lasts at most " + nights.getFirst().maxStay() + " nights");
        };
    }

    /** Takes the rooms on every night of the stay; the nights must be locked by this transaction. */
    @Transactional(propagation = Propagation.MANDATORY)
    public void take(UUID roomTypeId, LocalDate checkIn, LocalDate checkOut, int rooms) {
        db.update(INVENTORY_NIGHT)
                .set(INVENTORY_NIGHT.TAKEN_UNITS, INVENTORY_NIGHT.TAKEN_UNITS.plus(rooms))
                .where(INVENTORY_NIGHT.UNIT_TYPE_ID.eq(roomTypeId))
                .and(INVENTORY_NIGHT.NIGHT.ge(checkIn)).and(INVENTORY_NIGHT.NIGHT.lt(checkOut))
                .execute();
        announced.beforeCommit(roomTypeId, checkIn, checkOut);
    }

    /**
     * For a change of dates: creates the missing nights of the new stay, then locks every night of the room type from
     * the earlier check-in to the later check-out in date order, so the old and the new nights are taken in the one
     * global order every booking and owner's change follows. Then release the old, judge and take the new.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public void lockForChange(UUID roomTypeId, LocalDate oldCheckIn, LocalDate oldCheckOut, LocalDate newCheckIn,
                              LocalDate newCheckOut) {
        createMissingNights(roomTypeId, newCheckIn.datesUntil(newCheckOut).toList());
        LocalDate from = oldCheckIn.isBefore(newCheckIn) ? oldCheckIn : newCheckIn;
        LocalDate to = oldCheckOut.isAfter(newCheckOut) ? oldCheckOut : newCheckOut;
        lock(roomTypeId, from, to);
    }

    /** Gives the rooms of a booking back, locking its nights in date order first. */
    @Transactional(propagation = Propagation.MANDATORY)
    public void release(UUID roomTypeId, LocalDate checkIn, LocalDate checkOut, int rooms) {
        lock(roomTypeId, checkIn, checkOut);
        db.update(INVENTORY_NIGHT)
                .set(INVENTORY_NIGHT.TAKEN_UNITS, INVENTORY_NIGHT.TAKEN_UNITS.minus(rooms))
                .where(INVENTORY_NIGHT.UNIT_TYPE_ID.eq(roomTypeId))
                .and(INVENTORY_NIGHT.NIGHT.ge(checkIn)).and(INVENTORY_NIGHT.NIGHT.lt(checkOut))
                .execute();
        announced.beforeCommit(roomTypeId, checkIn, checkOut);
    }

    /**
     * A hotel as {@code Hotel.availability} resolves it, for other features' types that link to a hotel
     * ({@code Booking.hotel}): the router may ask for the hotel's availability right there.
     */
    public static Object hotel(UUID id) {
        return new AvailabilityController.Hotel(id);
    }

    /** The id of a hotel made by {@link #hotel}, for the other fields booking adds to {@code Hotel}. */
    public static UUID hotelId(Object hotel) {
        return ((AvailabilityController.Hotel) hotel).id();
    }

    private void lock(UUID roomTypeId, LocalDate checkIn, LocalDate checkOut) {
        inventory.lockNights(roomTypeId, checkIn, checkOut.minusDays(1));
    }

    /** One statement, in date order: a concurrent booking inserting the same night waits for this one. */
    private void createMissingNights(UUID roomTypeId, List<LocalDate> stayNights) {
        @SuppressWarnings("unchecked")
        Row1<LocalDate>[] rows = stayNights.stream().map(d -> row(d)).toArray(Row1[]::new);
        Table<?> nights = values(rows).as("nights", "night");
        Field<LocalDate> night = field(name("nights", "night"), LocalDate.class);
        db.insertInto(INVENTORY_NIGHT, INVENTORY_NIGHT.UNIT_TYPE_ID, INVENTORY_NIGHT.NIGHT)
                .select(select(val(roomTypeId), night).from(nights).orderBy(night))
                .onConflictDoNothing()
                .execute();
    }

    private static BookingRejectionCode codeOf(String reason) {
        return switch (reason) {
            case "STAY_TOO_LONG" -> BookingRejectionCode.MAX_STAY;
            case "ROOMS_OUT_OF_RANGE" -> BookingRejectionCode.ROOMS_OUT_OF_RANGE;
            case "GUESTS_OUT_OF_RANGE" -> BookingRejectionCode.GUESTS_OUT_OF_RANGE;
            default -> BookingRejectionCode.INVALID_DATES;
        };
    }
}
