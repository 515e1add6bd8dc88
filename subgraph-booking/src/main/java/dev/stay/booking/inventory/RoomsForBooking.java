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
 */
@Component
public class RoomsForBooking {

    /** What the locked nights say about a stay. */
    public sealed interface Verdict {}

    /** Bookable: the live price of one room for each night, and the total for the rooms asked for. */
    public record Bookable(UUID propertyId, String currency, int currencyDigits, List<NightPrice> nightlyPrices,
                           BigDecimal total) implements Verdict {}

    public record NightPrice(LocalDate night, BigDecimal price) {}

    /** Fewer rooms free than asked for on some night. */
    public record SoldOut(int available) implements Verdict {}

    /** Not bookable whatever the rooms: bad dates, party too large, closed, not for sale, a sale rule... */
    public record Refused(BookingRejectionCode code, String field, String message) implements Verdict {}

    private final InventoryRepository inventory;
    private final DSLContext db;
    private final Clock clock;

    RoomsForBooking(InventoryRepository inventory, DSLContext db, Clock clock) {
        this.inventory = inventory;
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
     * The one place where a stay is checked against the nights it would take. Sale rules (minimum and maximum stay,
     * closed to arrival or departure) belong here, before the rooms are counted.
     */
    static Verdict judge(StayRequest stay, List<SaleNight> nights, UUID propertyId, int digits) {
        if (nights.size() != stay.nights().size()) {
            return new Refused(BookingRejectionCode.NOT_FOR_SALE, "hotelId", "this hotel is not for sale");
        }
        SaleNight first = nights.getFirst();
        if (first.maxGuests() < stay.guestsPerRoom()) {
            return new Refused(BookingRejectionCode.PARTY_TOO_LARGE, "guests",
                    "a room of this type sleeps at most " + first.maxGuests());
        }
        for (SaleNight night : nights) {
            if (night.closed()) {
                return new Refused(BookingRejectionCode.CLOSED, "checkIn", "the night of " + night.night() + " is closed");
            }
            if (night.price() == null) {
                return new Refused(BookingRejectionCode.NOT_FOR_SALE, "checkIn",
                        "the night of " + night.night() + " has no price");
            }
        }
        int available = nights.stream().mapToInt(SaleNight::freeUnits).min().orElse(0);
        if (available < stay.rooms()) {
            return new SoldOut(Math.max(available, 0));
        }
        List<NightPrice> prices = nights.stream().map(n -> new NightPrice(n.night(), n.price())).toList();
        BigDecimal total = prices.stream().map(NightPrice::price).reduce(BigDecimal.ZERO, BigDecimal::add)
                .multiply(BigDecimal.valueOf(stay.rooms()));
        return new Bookable(propertyId, first.currency(), digits, prices, total);
    }

    /** Takes the rooms on every night of the stay; the nights must be locked by this transaction. */
    @Transactional(propagation = Propagation.MANDATORY)
    public void take(UUID roomTypeId, LocalDate checkIn, LocalDate checkOut, int rooms) {
        db.update(INVENTORY_NIGHT)
                .set(INVENTORY_NIGHT.TAKEN_UNITS, INVENTORY_NIGHT.TAKEN_UNITS.plus(rooms))
                .where(INVENTORY_NIGHT.UNIT_TYPE_ID.eq(roomTypeId))
                .and(INVENTORY_NIGHT.NIGHT.ge(checkIn)).and(INVENTORY_NIGHT.NIGHT.lt(checkOut))
                .execute();
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
    }

    /**
     * A hotel as {@code Hotel.availability} resolves it, for other features' types that link to a hotel
     * ({@code Booking.hotel}): the router may ask for the hotel's availability right there.
     */
    public static Object hotel(UUID id) {
        return new AvailabilityController.Hotel(id);
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
