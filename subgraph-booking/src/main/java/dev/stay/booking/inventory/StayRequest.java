package dev.stay.booking.inventory;

import dev.stay.common.graphql.BadUserInput;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;

/**
 * A stay a guest asks about: nights from checkIn (inclusive) to checkOut (exclusive), for a party in some rooms.
 * Built only through {@link #of}, so one that exists obeys the rules.
 */
public record StayRequest(LocalDate checkIn, LocalDate checkOut, int guests, int rooms) {

    static final int MAX_NIGHTS = 30;
    static final int MAX_DAYS_AHEAD = 550;
    static final int MAX_ROOMS = 9;
    static final int MAX_GUESTS = 36;

    /**
     * @param today the current day where the property is: a stay may start there today, not before
     */
    public static StayRequest of(LocalDate checkIn, LocalDate checkOut, int guests, int rooms, LocalDate today) {
        if (!checkOut.isAfter(checkIn)) {
            throw new BadUserInput("checkOut", "CHECK_OUT_NOT_AFTER_CHECK_IN", "checkOut must be after checkIn");
        }
        if (checkIn.isBefore(today)) {
            throw new BadUserInput("checkIn", "CHECK_IN_IN_PAST", "checkIn is in the past where the property is");
        }
        if (ChronoUnit.DAYS.between(today, checkIn) > MAX_DAYS_AHEAD) {
            throw new BadUserInput("checkIn", "CHECK_IN_TOO_FAR", "checkIn is more than " + MAX_DAYS_AHEAD + " days ahead");
        }
        if (ChronoUnit.DAYS.between(checkIn, checkOut) > MAX_NIGHTS) {
            throw new BadUserInput("checkOut", "STAY_TOO_LONG", "a stay is at most " + MAX_NIGHTS + " nights");
        }
        if (rooms < 1 || rooms > MAX_ROOMS) {
            throw new BadUserInput("rooms", "ROOMS_OUT_OF_RANGE", "rooms must be between 1 and " + MAX_ROOMS);
        }
        if (guests < rooms || guests > MAX_GUESTS) {
            throw new BadUserInput("guests", "GUESTS_OUT_OF_RANGE",
                    "guests must be at least one per room and at most " + MAX_GUESTS);
        }
        return new StayRequest(checkIn, checkOut, guests, rooms);
    }

    public List<LocalDate> nights() {
        return checkIn.datesUntil(checkOut).toList();
    }

    /** Guests per room, rounded up: the capacity each room of the stay must have. */
    public int guestsPerRoom() {
        return (guests + rooms - 1) / rooms;
    }
}
