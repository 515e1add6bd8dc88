package dev.stay.common.dining;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** A table, the parties it seats, and when it is taken: {@code [from, to)} instant ranges. */
public record TableTimes(UUID id, int minParty, int maxParty, List<Busy> busy) {

    public record Busy(Instant from, Instant to) {}

    public TableTimes {
        busy = List.copyOf(busy);
    }

    public boolean seats(int partySize) {
        return minParty <= partySize && partySize <= maxParty;
    }

    /** Whether no busy range overlaps {@code [from, to)}. */
    public boolean freeDuring(Instant from, Instant to) {
        return busy.stream().noneMatch(b -> b.from().isBefore(to) && from.isBefore(b.to()));
    }
}
