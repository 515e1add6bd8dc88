package dev.stay.booking.reservation;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/** The nights from {@code checkIn} to the night before {@code checkOut}. */
record StayNights(LocalDate checkIn, LocalDate checkOut) {

    StayNights {
        if (!checkOut.isAfter(checkIn)) {
            throw new IllegalArgumentException("check-out must follow check-in: " + checkIn + " to " + checkOut);
        }
    }

    /**
     * These nights but not {@code other}'s, as at most two runs of nights in date order: what a change of dates gives
     * back of its old stay (old without new) once paid, or of its new stay (new without old) when not.
     */
    List<StayNights> without(StayNights other) {
        List<StayNights> left = new ArrayList<>(2);
        LocalDate beforeOther = min(checkOut, other.checkIn);
        if (checkIn.isBefore(beforeOther)) {
            left.add(new StayNights(checkIn, beforeOther));
        }
        LocalDate afterOther = max(checkIn, other.checkOut);
        if (afterOther.isBefore(checkOut)) {
            left.add(new StayNights(afterOther, checkOut));
        }
        return left;
    }

    private static LocalDate min(LocalDate a, LocalDate b) {
        return a.isBefore(b) ? a : b;
    }

    private static LocalDate max(LocalDate a, LocalDate b) {
        return a.isAfter(b) ? a : b;
    }
}
