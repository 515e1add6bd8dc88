package dev.stay.catalog.availability;

import java.time.temporal.ChronoUnit;

/**
 * The stays booking's {@code Hotel.availability} answers at all (its {@code StayRequest}): others it refuses as bad
 * input, so search offers nothing for them. The day the stay may start from depends on the property's time zone and
 * is judged in {@link BookableStays}' statement.
 */
final class StayRules {

    static final int MAX_NIGHTS = 30;
    static final int MAX_DAYS_AHEAD = 550;
    static final int MAX_ROOMS = 9;
    static final int MAX_GUESTS = 36;

    private StayRules() {}

    static boolean answerable(StayQuery stay) {
        if (stay.checkIn() == null || stay.checkOut() == null || !stay.checkOut().isAfter(stay.checkIn())) {
            return false;
        }
        return nights(stay) <= MAX_NIGHTS && stay.rooms() >= 1 && stay.rooms() <= MAX_ROOMS
                && stay.guests() >= stay.rooms() && stay.guests() <= MAX_GUESTS;
    }

    static int nights(StayQuery stay) {
        return (int) ChronoUnit.DAYS.between(stay.checkIn(), stay.checkOut());
    }

    /** Guests per room, rounded up: the capacity each room of the stay must have. */
    static int guestsPerRoom(StayQuery stay) {
        return (stay.guests() + stay.rooms() - 1) / stay.rooms();
    }
}
