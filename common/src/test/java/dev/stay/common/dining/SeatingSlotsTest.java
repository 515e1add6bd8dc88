package dev.stay.common.dining;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class SeatingSlotsTest {

    static final ZoneId LISBON = ZoneId.of("Europe/Lisbon");
    static final ZoneId NEW_YORK = ZoneId.of("America/New_York");
    static final Instant LONG_AGO = Instant.parse("2020-01-01T00:00:00Z");
    static final List<SeatingDuration> DURATIONS = List.of(new SeatingDuration(4, 90), new SeatingDuration(8, 120));

    static List<ServicePeriod> everyDay(String opens, String closes) {
        List<ServicePeriod> periods = new ArrayList<>();
        for (int day = 1; day <= 7; day++) {
            periods.add(new ServicePeriod(day, LocalTime.parse(opens), LocalTime.parse(closes)));
        }
        return periods;
    }

    static DiningRules rules(ZoneId zone, int slot, List<ServicePeriod> periods, LocalDate... closed) {
        return new DiningRules(zone, slot, periods, Set.of(closed), DURATIONS);
    }

    static TableTimes table(int max, TableTimes.Busy... busy) {
        return new TableTimes(UUID.randomUUID(), 1, max, List.of(busy));
    }

    static List<String> times(List<Slot> slots) {
        return slots.stream().map(s -> s.time().toString()).toList();
    }

    @Test
    void lunchEveryHalfHourFromOpeningUntilBeforeClosing() {
        DiningRules lunch = rules(LISBON, 30, everyDay("12:00", "14:00"));
        List<Slot> slots = SeatingSlots.free(lunch, LocalDate.of(2027, 6, 2), 2, List.of(table(2)), LONG_AGO);
        assertThat(times(slots)).containsExactly("12:00", "12:30", "13:00", "13:30");
        assertThat(slots.getFirst().startsAt()).isEqualTo(Instant.parse("2027-06-02T11:00:00Z"));
        assertThat(slots.getFirst().endsAt()).isEqualTo(Instant.parse("2027-06-02T12:30:00Z"));
    }

    @Test
    void aPeriodCrossingMidnightGivesItsLateTimesToTheNextDayAndIsClosedWithTheDayItOpened() {
        // Fridays only, 22:00 to 01:00
        DiningRules late = rules(LISBON, 30, List.of(new ServicePeriod(5, LocalTime.of(22, 0), LocalTime.of(1, 0))));
        LocalDate friday = LocalDate.of(2027, 6, 4);
        assertThat(times(SeatingSlots.free(late, friday, 2, List.of(table(2)), LONG_AGO)))
                .containsExactly("22:00", "22:30", "23:00", "23:30");
        assertThat(times(SeatingSlots.free(late, friday.plusDays(1), 2, List.of(table(2)), LONG_AGO)))
                .containsExactly("00:00", "00:30");
        DiningRules closedFriday = rules(LISBON, 30, late.servicePeriods(), friday);
        assertThat(SeatingSlots.free(closedFriday, friday.plusDays(1), 2, List.of(table(2)), LONG_AGO)).isEmpty();
    }

    @Test
    void lisbonSpringGapTimesAreNotOfferedAndDurationsAreRealMinutes() {
        // 2027-03-28 01:00 WET becomes 02:00 WEST
        DiningRules late = rules(LISBON, 30, everyDay("20:00", "03:00"));
        List<Slot> slots = SeatingSlots.free(late, LocalDate.of(2027, 3, 28), 2, List.of(table(2)), LONG_AGO);
        assertThat(times(slots)).startsWith("00:00", "00:30", "02:00", "02:30", "20:00").doesNotContain("01:00", "01:30");
        Slot halfPast = slots.get(1);
        assertThat(halfPast.startsAt()).isEqualTo(Instant.parse("2027-03-28T00:30:00Z"));
        assertThat(halfPast.endsAt()).isEqualTo(Instant.parse("2027-03-28T02:00:00Z")); // 03:00 WEST: 90 real minutes
        assertThat(slots.get(2).startsAt()).isEqualTo(Instant.parse("2027-03-28T01:00:00Z")); // 02:00 WEST
    }

    @Test
    void lisbonAutumnOverlapOffersEachTimeOnceAtTheEarlierOffset() {
        // 2027-10-31 02:00 WEST becomes 01:00 WET
        DiningRules late = rules(LISBON, 30, everyDay("20:00", "03:00"));
        List<Slot> slots = SeatingSlots.free(late, LocalDate.of(2027, 10, 31), 2, List.of(table(2)), LONG_AGO);
        assertThat(times(slots)).startsWith("00:00", "00:30", "01:00", "01:30", "02:00", "02:30", "20:00");
        assertThat(slots.get(2).startsAt()).isEqualTo(Instant.parse("2027-10-31T00:00:00Z")); // 01:00 WEST
        assertThat(slots.get(3).startsAt()).isEqualTo(Instant.parse("2027-10-31T00:30:00Z")); // 01:30 WEST
        assertThat(slots.get(4).startsAt()).isEqualTo(Instant.parse("2027-10-31T02:00:00Z")); // 02:00 WET
        assertThat(Duration.between(slots.get(3).startsAt(), slots.get(3).endsAt())).hasMinutes(90);
    }

    @Test
    void newYorkSpringGapAndAutumnOverlap() {
        DiningRules late = rules(NEW_YORK, 30, everyDay("22:00", "04:00"));
        // 2027-03-14 02:00 EST becomes 03:00 EDT
        List<Slot> spring = SeatingSlots.free(late, LocalDate.of(2027, 3, 14), 2, List.of(table(2)), LONG_AGO);
        assertThat(times(spring)).startsWith("00:00", "00:30", "01:00", "01:30", "03:00", "03:30", "22:00")
                .doesNotContain("02:00", "02:30");
        assertThat(spring.get(3).endsAt()).isEqualTo(Instant.parse("2027-03-14T08:00:00Z")); // 01:30 EST + 90 = 04:00 EDT
        // 2027-11-07 02:00 EDT becomes 01:00 EST
        List<Slot> autumn = SeatingSlots.free(late, LocalDate.of(2027, 11, 7), 2, List.of(table(2)), LONG_AGO);
        assertThat(times(autumn)).startsWith("00:00", "00:30", "01:00", "01:30", "02:00", "02:30", "03:00");
        assertThat(autumn.get(2).startsAt()).isEqualTo(Instant.parse("2027-11-07T05:00:00Z")); // 01:00 EDT
        assertThat(autumn.get(4).startsAt()).isEqualTo(Instant.parse("2027-11-07T07:00:00Z")); // 02:00 EST
    }

    @Test
    void aBusyRangeTakesEveryStartWhoseSeatingWouldOverlapIt() {
        DiningRules dinner = rules(LISBON, 30, everyDay("19:00", "23:00"));
        LocalDate day = LocalDate.of(2027, 6, 2);
        // taken 20:00 to 21:30 local (WEST)
        TableTimes two = table(2, new TableTimes.Busy(Instant.parse("2027-06-02T19:00:00Z"),
                Instant.parse("2027-06-02T20:30:00Z")));
        assertThat(times(SeatingSlots.free(dinner, day, 2, List.of(two), LONG_AGO)))
                .containsExactly("21:30", "22:00", "22:30");
    }

    @Test
    void theSmallestFreeTableThatSeatsThePartyIsChosenAndTheFreeOnesCounted() {
        DiningRules dinner = rules(LISBON, 30, everyDay("19:00", "20:00"));
        TableTimes two = table(2);
        TableTimes four = table(4);
        TableTimes six = new TableTimes(UUID.randomUUID(), 5, 6, List.of());
        List<Slot> forThree = SeatingSlots.free(dinner, LocalDate.of(2027, 6, 2), 3, List.of(six, four, two), LONG_AGO);
        assertThat(forThree).allSatisfy(s -> {
            assertThat(s.smallestTable()).isEqualTo(four.id());
            assertThat(s.tablesFree()).isEqualTo(1); // the six seats parties of 5 and 6 only
        });
        List<Slot> forTwo = SeatingSlots.free(dinner, LocalDate.of(2027, 6, 2), 2, List.of(six, four, two), LONG_AGO);
        assertThat(forTwo).allSatisfy(s -> assertThat(s.smallestTable()).isEqualTo(two.id()));
        assertThat(forTwo.getFirst().tablesFree()).isEqualTo(2);
    }

    @Test
    void nothingAtOrBeforeNowNorForAPartyNoDurationCovers() {
        DiningRules dinner = rules(LISBON, 30, everyDay("19:00", "21:00"));
        Instant now = Instant.parse("2027-06-02T19:00:00Z"); // 20:00 WEST
        assertThat(times(SeatingSlots.free(dinner, LocalDate.of(2027, 6, 2), 2, List.of(table(2)), now)))
                .containsExactly("20:30");
        assertThat(SeatingSlots.free(dinner, LocalDate.of(2027, 6, 3), 9, List.of(table(20)), LONG_AGO)).isEmpty();
        assertThat(SeatingSlots.at(dinner, dinner.start(LocalDate.of(2027, 6, 3), LocalTime.of(19, 0)).orElseThrow(),
                9, List.of(table(20)))).isEmpty();
    }

    @Test
    void aStartWithNoFreeTableIsStillAStartButWithNoneFree() {
        DiningRules dinner = rules(LISBON, 30, everyDay("19:00", "21:00"));
        Start seven = dinner.start(LocalDate.of(2027, 6, 2), LocalTime.of(19, 0)).orElseThrow();
        TableTimes taken = table(2, new TableTimes.Busy(seven.startsAt(), seven.startsAt().plusSeconds(60)));
        Slot slot = SeatingSlots.at(dinner, seven, 2, List.of(taken)).orElseThrow();
        assertThat(slot.tablesFree()).isZero();
        assertThat(slot.smallestTable()).isNull();
        assertThat(dinner.start(LocalDate.of(2027, 6, 2), LocalTime.of(19, 15))).isEmpty();
        assertThat(dinner.start(LocalDate.of(2027, 6, 2), LocalTime.of(21, 0))).isEmpty();
    }
}
