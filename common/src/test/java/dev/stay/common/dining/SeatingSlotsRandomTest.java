package dev.stay.common.dining;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Seeded random restaurants, days around both daylight-saving changes and busy tables, checked against an oracle that
 * knows nothing of slot stepping: it walks every minute of the day's wall clock and asks whether that minute is a
 * start, and tries every table by hand.
 */
class SeatingSlotsRandomTest {

    static final List<ZoneId> ZONES = List.of(ZoneId.of("Europe/Lisbon"), ZoneId.of("America/New_York"),
            ZoneId.of("Australia/Lord_Howe"), ZoneId.of("Asia/Tokyo"));
    static final List<LocalDate> DAYS = List.of(LocalDate.of(2027, 3, 14), LocalDate.of(2027, 3, 28),
            LocalDate.of(2027, 10, 31), LocalDate.of(2027, 11, 7), LocalDate.of(2027, 4, 4), LocalDate.of(2027, 6, 2));

    static Stream<Long> seeds() {
        return IntStream.range(0, 300).mapToObj(i -> 7919L * i + 17);
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void everyOfferedStartIsRightAndNoneIsMissing(long seed) {
        Random random = new Random(seed);
        ZoneId zone = ZONES.get(random.nextInt(ZONES.size()));
        LocalDate day = DAYS.get(random.nextInt(DAYS.size())).plusDays(random.nextInt(3) - 1);
        int slot = List.of(5, 10, 15, 20, 30, 45, 60).get(random.nextInt(7));
        List<ServicePeriod> periods = new ArrayList<>();
        for (int i = random.nextInt(4); i >= 0; i--) {
            periods.add(new ServicePeriod(1 + random.nextInt(7), LocalTime.of(random.nextInt(24), 5 * random.nextInt(12)),
                    LocalTime.of(random.nextInt(24), 5 * random.nextInt(12))));
        }
        Set<LocalDate> closed = random.nextInt(4) == 0 ? Set.of(day.minusDays(random.nextInt(2))) : Set.of();
        List<SeatingDuration> durations = List.of(new SeatingDuration(2, 30 + 15 * random.nextInt(8)),
                new SeatingDuration(6, 60 + 15 * random.nextInt(8)));
        DiningRules rules = new DiningRules(zone, slot, periods, closed, durations);
        Instant dayStarts = day.atStartOfDay(zone).toInstant();
        List<TableTimes> tables = new ArrayList<>();
        for (int i = random.nextInt(5); i >= 0; i--) {
            List<TableTimes.Busy> busy = new ArrayList<>();
            for (int j = random.nextInt(4); j > 0; j--) {
                Instant from = dayStarts.plus(random.nextInt(26 * 60) - 60, ChronoUnit.MINUTES);
                busy.add(new TableTimes.Busy(from, from.plus(30 + random.nextInt(150), ChronoUnit.MINUTES)));
            }
            int min = 1 + random.nextInt(3);
            tables.add(new TableTimes(new UUID(seed, i), min, min + random.nextInt(5), busy));
        }
        int party = 1 + random.nextInt(8);
        Instant now = dayStarts.plus(random.nextInt(3) == 0 ? random.nextInt(24 * 60) : -60, ChronoUnit.MINUTES);

        List<Slot> slots = SeatingSlots.free(rules, day, party, tables, now);

        assertThat(slots).isEqualTo(oracle(rules, day, party, tables, now));
        assertThat(slots).isSortedAccordingTo(Comparator.comparing(Slot::time));
        assertThat(slots.stream().map(Slot::time).distinct().count()).isEqualTo(slots.size());
    }

    /** Walks the day's wall clock minute by minute, by hand. */
    static List<Slot> oracle(DiningRules rules, LocalDate day, int party, List<TableTimes> tables, Instant now) {
        Integer minutes = rules.seatingDurations().stream().filter(d -> d.upToPartySize() >= party)
                .map(SeatingDuration::minutes).findFirst().orElse(null);
        List<Slot> slots = new ArrayList<>();
        if (minutes == null) {
            return slots;
        }
        Set<LocalTime> seen = new HashSet<>();
        for (int m = 0; m < 24 * 60; m++) {
            LocalDateTime local = day.atStartOfDay().plusMinutes(m);
            if (!isStart(rules, local) || !seen.add(local.toLocalTime())) {
                continue;
            }
            List<ZoneOffset> offsets = rules.zone().getRules().getValidOffsets(local);
            if (offsets.isEmpty()) {
                continue; // the spring gap
            }
            Instant starts = local.toInstant(offsets.stream().max(Comparator.comparingInt(ZoneOffset::getTotalSeconds))
                    .orElseThrow()); // the larger offset is the earlier instant
            if (!starts.isAfter(now)) {
                continue;
            }
            Instant ends = starts.plus(Duration.ofMinutes(minutes));
            TableTimes smallest = null;
            int free = 0;
            for (TableTimes t : tables) {
                boolean seats = t.minParty() <= party && party <= t.maxParty();
                boolean clear = t.busy().stream().allMatch(b -> !b.to().isAfter(starts) || !b.from().isBefore(ends));
                if (seats && clear) {
                    free++;
                    if (smallest == null || t.maxParty() < smallest.maxParty()
                            || (t.maxParty() == smallest.maxParty() && (t.minParty() < smallest.minParty()
                            || (t.minParty() == smallest.minParty() && t.id().compareTo(smallest.id()) < 0)))) {
                        smallest = t;
                    }
                }
            }
            if (free > 0) {
                slots.add(new Slot(local.toLocalTime(), starts, ends, free, smallest.id()));
            }
        }
        return slots;
    }

    /** Whether a wall-clock time is on a period's grid, counting from its opening, before its closing. */
    static boolean isStart(DiningRules rules, LocalDateTime local) {
        for (ServicePeriod p : rules.servicePeriods()) {
            for (LocalDate opened : List.of(local.toLocalDate(), local.toLocalDate().minusDays(1))) {
                if (p.weekday() != opened.getDayOfWeek().getValue() || rules.closedDates().contains(opened)) {
                    continue;
                }
                LocalDateTime opens = opened.atTime(p.opens());
                LocalDateTime closes = p.closes().isAfter(p.opens()) ? opened.atTime(p.closes())
                        : opened.plusDays(1).atTime(p.closes());
                long since = Duration.between(opens, local).toMinutes();
                if (!local.isBefore(opens) && local.isBefore(closes) && since % rules.slotMinutes() == 0) {
                    return true;
                }
            }
        }
        return false;
    }
}
