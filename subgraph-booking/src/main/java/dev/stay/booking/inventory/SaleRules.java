package dev.stay.booking.inventory;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/**
 * Whether a room type can be sold for a stay, and if not, why: one rule for {@code Hotel.availability} (which leaves
 * such a room type out) and for the booking transaction (which answers the reason), so the two never disagree.
 * Pure: it judges the nights it is given, so a booking passes the nights it has locked.
 */
public final class SaleRules {

    /** Why a stay cannot be sold, in the order they are looked for: the first that applies is the answer. */
    public enum Reason {
        /** A night of the stay has no price, or is missing (the room type is not sold on it). */
        NOT_FOR_SALE,
        /** One room does not sleep the party's guests per room. */
        PARTY_TOO_LARGE,
        /** A night of the stay is closed. */
        CLOSED,
        /** The arrival night is closed to arrival. */
        CLOSED_TO_ARRIVAL,
        /** The departure day (check-out) is closed to departure. */
        CLOSED_TO_DEPARTURE,
        /** The stay is shorter than the arrival night's minimum stay. */
        MIN_STAY,
        /** The stay is longer than the arrival night's maximum stay. */
        MAX_STAY,
        /** A night has fewer rooms free than the stay asks for. */
        SOLD_OUT
    }

    /** The reason, and the day it was found on (the night at fault, the arrival night or the departure day). */
    public record Refusal(Reason reason, LocalDate day) {}

    private SaleRules() {}

    /**
     * Why this room type cannot be sold for the stay, or empty when it can.
     *
     * @param stay              the validated stay
     * @param nights            this room type's nights of the stay, from check-in to the night before check-out, in
     *                          date order; a night not among them is not for sale
     * @param closedToDeparture whether the stay's check-out day is closed to departure for this room type (that day
     *                          is not a night of the stay, so it is not among {@code nights})
     */
    public static Optional<Refusal> refusal(StayRequest stay, List<SaleNight> nights, boolean closedToDeparture) {
        List<LocalDate> stayNights = stay.nights();
        if (nights.size() != stayNights.size()) {
            return refused(Reason.NOT_FOR_SALE, stay.checkIn());
        }
        for (int i = 0; i < nights.size(); i++) {
            if (!nights.get(i).night().equals(stayNights.get(i)) || nights.get(i).price() == null) {
                return refused(Reason.NOT_FOR_SALE, stayNights.get(i));
            }
        }
        SaleNight arrival = nights.getFirst();
        if (arrival.maxGuests() < stay.guestsPerRoom()) {
            return refused(Reason.PARTY_TOO_LARGE, stay.checkIn());
        }
        Optional<SaleNight> closed = nights.stream().filter(SaleNight::closed).findFirst();
        if (closed.isPresent()) {
            return refused(Reason.CLOSED, closed.get().night());
        }
        if (arrival.closedToArrival()) {
            return refused(Reason.CLOSED_TO_ARRIVAL, stay.checkIn());
        }
        if (closedToDeparture) {
            return refused(Reason.CLOSED_TO_DEPARTURE, stay.checkOut());
        }
        if (stayNights.size() < arrival.minStay()) {
            return refused(Reason.MIN_STAY, stay.checkIn());
        }
        if (arrival.maxStay() != null && stayNights.size() > arrival.maxStay()) {
            return refused(Reason.MAX_STAY, stay.checkIn());
        }
        Optional<SaleNight> full = nights.stream().filter(n -> n.freeUnits() < stay.rooms()).findFirst();
        return full.isPresent() ? refused(Reason.SOLD_OUT, full.get().night()) : Optional.empty();
    }

    private static Optional<Refusal> refused(Reason reason, LocalDate day) {
        return Optional.of(new Refusal(reason, day));
    }
}
