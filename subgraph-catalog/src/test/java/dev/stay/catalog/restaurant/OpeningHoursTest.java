package dev.stay.catalog.restaurant;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stay.catalog.onboarding.Rules;
import dev.stay.codegen.catalog.types.ServicePeriodInput;
import dev.stay.codegen.catalog.types.Weekday;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.RepetitionInfo;
import org.junit.jupiter.api.Test;

class OpeningHoursTest {

    @Test
    void periodsThatMeetEndToEndDoNotOverlap() {
        assertThat(codes(p(Weekday.MONDAY, "12:00", "15:00"), p(Weekday.MONDAY, "15:00", "23:00"),
                p(Weekday.MONDAY, "23:00", "12:00"))).isEmpty();
    }

    @Test
    void aPeriodCrossingMidnightOverlapsTheNextDaysFirstOne() {
        assertThat(codes(p(Weekday.FRIDAY, "20:00", "02:00"), p(Weekday.SATURDAY, "01:30", "04:00")))
                .containsExactly("openingHours[1] OVERLAPPING_PERIODS");
        assertThat(codes(p(Weekday.FRIDAY, "20:00", "02:00"), p(Weekday.SATURDAY, "02:00", "04:00"))).isEmpty();
    }

    @Test
    void sundayNightRunsIntoMondayMorningAroundTheWeek() {
        assertThat(codes(p(Weekday.MONDAY, "00:00", "10:00"), p(Weekday.SUNDAY, "22:00", "00:30")))
                .containsExactly("openingHours[1] OVERLAPPING_PERIODS");
        assertThat(codes(p(Weekday.MONDAY, "00:30", "10:00"), p(Weekday.SUNDAY, "22:00", "00:30"))).isEmpty();
    }

    @Test
    void closesEqualToOpensIsAWholeDayAndOverlapsAnythingThatDay() {
        assertThat(codes(p(Weekday.TUESDAY, "10:00", "10:00"))).isEmpty();
        assertThat(codes(p(Weekday.TUESDAY, "10:00", "10:00"), p(Weekday.WEDNESDAY, "09:00", "11:00")))
                .containsExactly("openingHours[1] OVERLAPPING_PERIODS");
    }

    @Test
    void tooShortOffTheMarkOrMalformedPeriodsAreRefused() {
        assertThat(codes(p(Weekday.MONDAY, "10:00", "10:10"))).containsExactly("openingHours[0] OUT_OF_RANGE");
        assertThat(codes(p(Weekday.MONDAY, "10:01", "12:00"))).containsExactly("openingHours[0].opens INVALID_FORMAT");
        assertThat(codes(p(Weekday.MONDAY, "10:00", "1200"))).containsExactly("openingHours[0].closes INVALID_FORMAT");
    }

    /** Seeded random weeks: a week is refused for overlap exactly when some minute of it is covered twice. */
    @RepeatedTest(200)
    void overlapIsFoundExactlyWhenSomeMinuteIsServedTwice(RepetitionInfo repetition) {
        Random random = new Random(repetition.getCurrentRepetition());
        List<ServicePeriodInput> week = new ArrayList<>();
        int[] covered = new int[7 * 24 * 60];
        boolean twice = false;
        for (int i = random.nextInt(1, 8); i > 0; i--) {
            Weekday day = Weekday.values()[random.nextInt(7)];
            int opens = random.nextInt(288) * 5;
            int length = 15 + random.nextInt(286) * 5;
            String closes = time((opens + length) % (24 * 60));
            week.add(p(day, time(opens), closes));
            int start = day.ordinal() * 24 * 60 + opens;
            for (int m = start; m < start + length; m++) {
                if (++covered[m % covered.length] > 1) twice = true;
            }
        }
        boolean refused = codes(week.toArray(ServicePeriodInput[]::new)).stream()
                .anyMatch(code -> code.endsWith("OVERLAPPING_PERIODS"));
        assertThat(refused).as(week.toString()).isEqualTo(twice);
    }

    private static List<String> codes(ServicePeriodInput... periods) {
        Rules rules = new Rules();
        OpeningHours.check("openingHours", List.of(periods), rules);
        return rules.errors().stream().map(e -> e.field() + " " + e.code()).toList();
    }

    private static ServicePeriodInput p(Weekday day, String opens, String closes) {
        return ServicePeriodInput.newBuilder().weekday(day).opens(opens).closes(closes).build();
    }

    private static String time(int minuteOfDay) {
        return String.format("%02d:%02d", minuteOfDay / 60, minuteOfDay % 60);
    }
}
