package dev.stay.common.dining;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;

/**
 * When a restaurant seats parties and for how long: its zone, slot interval, service periods, closed dates and seating
 * durations by party size (see the package's rules).
 */
public record DiningRules(ZoneId zone, int slotMinutes, List<ServicePeriod> servicePeriods, Set<LocalDate> closedDates,
                          List<SeatingDuration> seatingDurations) {

    public DiningRules {
        if (slotMinutes < 1) {
            throw new IllegalArgumentException("slotMinutes must be positive: " + slotMinutes);
        }
        servicePeriods = List.copyOf(servicePeriods);
        closedDates = Set.copyOf(closedDates);
        seatingDurations = seatingDurations.stream()
                .sorted(Comparator.comparingInt(SeatingDuration::upToPartySize)).toList();
    }

    /** The minutes a party of this size keeps its table: the first duration that covers it; empty when none does. */
    public OptionalInt minutesFor(int partySize) {
        return seatingDurations.stream().filter(d -> d.upToPartySize() >= partySize)
                .mapToInt(SeatingDuration::minutes).findFirst();
    }

    /**
     * Every start time whose local date is {@code day}, in time order, whatever is free: from the periods that open
     * that day and, after midnight, from those that opened the day before and cross midnight. Each local time once.
     */
    public List<Start> starts(LocalDate day) {
        List<Start> starts = new ArrayList<>();
        for (LocalDate opened : List.of(day.minusDays(1), day)) {
            if (closedDates.contains(opened)) {
                continue;
            }
            for (ServicePeriod period : servicePeriods) {
                if (period.weekday() != opened.getDayOfWeek().getValue()) {
                    continue;
                }
                LocalDateTime closes = (period.crossesMidnight() ? opened.plusDays(1) : opened).atTime(period.closes());
                for (LocalDateTime t = opened.atTime(period.opens()); t.isBefore(closes); t = t.plusMinutes(slotMinutes)) {
                    if (t.toLocalDate().equals(day)) {
                        instant(t).ifPresent(at -> starts.add(at));
                    }
                }
            }
        }
        return starts.stream().distinct().sorted(Comparator.comparing(Start::time)).toList();
    }

    /** The start at this local time of {@code day}, if it is one of the day's start times. */
    public Optional<Start> start(LocalDate day, LocalTime time) {
        return starts(day).stream().filter(s -> s.time().equals(time)).findFirst();
    }

    /** The instant of a wall-clock time: none in the spring gap, the earlier offset in the autumn overlap. */
    private Optional<Start> instant(LocalDateTime local) {
        List<ZoneOffset> offsets = zone.getRules().getValidOffsets(local);
        if (offsets.isEmpty()) {
            return Optional.empty();
        }
        Instant first = offsets.stream().map(local::toInstant).min(Comparator.naturalOrder()).orElseThrow();
        return Optional.of(new Start(local.toLocalTime(), first));
    }
}
