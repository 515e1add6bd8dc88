package dev.stay.common.dining;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;

/** The start times of a day at which a party can sit down, and one start's free tables (see the package's rules). */
public final class SeatingSlots {

    /** The smallest table first: fewest seats, then the least minimum, then by id so that the choice is stable. */
    static final Comparator<TableTimes> SMALLEST_FIRST = Comparator.comparingInt(TableTimes::maxParty)
            .thenComparingInt(TableTimes::minParty).thenComparing(TableTimes::id);

    private SeatingSlots() {}

    /**
     * The start times of {@code day} after {@code now} at which at least one table that seats {@code partySize} is
     * free for the party's whole seating duration, in time order; none when no duration covers the party.
     */
    public static List<Slot> free(DiningRules rules, LocalDate day, int partySize, List<TableTimes> tables,
                                  Instant now) {
        OptionalInt minutes = rules.minutesFor(partySize);
        if (minutes.isEmpty()) {
            return List.of();
        }
        List<TableTimes> seating = seating(tables, partySize);
        return rules.starts(day).stream()
                .filter(start -> start.startsAt().isAfter(now))
                .map(start -> at(start, minutes.getAsInt(), seating))
                .filter(slot -> slot.tablesFree() > 0)
                .toList();
    }

    /**
     * One start for the party, whether or not a table is free ({@code tablesFree} 0 then); empty when no duration
     * covers the party.
     */
    public static Optional<Slot> at(DiningRules rules, Start start, int partySize, List<TableTimes> tables) {
        OptionalInt minutes = rules.minutesFor(partySize);
        return minutes.isEmpty() ? Optional.empty()
                : Optional.of(at(start, minutes.getAsInt(), seating(tables, partySize)));
    }

    private static Slot at(Start start, int minutes, List<TableTimes> seating) {
        Instant ends = start.startsAt().plusSeconds(60L * minutes);
        List<TableTimes> free = seating.stream().filter(t -> t.freeDuring(start.startsAt(), ends)).toList();
        return new Slot(start.time(), start.startsAt(), ends, free.size(),
                free.isEmpty() ? null : free.getFirst().id());
    }

    private static List<TableTimes> seating(List<TableTimes> tables, int partySize) {
        return tables.stream().filter(t -> t.seats(partySize)).sorted(SMALLEST_FIRST).toList();
    }
}
