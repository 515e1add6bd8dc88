package dev.stay.catalog.restaurant;

import dev.stay.catalog.onboarding.Rules;
import dev.stay.codegen.catalog.types.CatalogErrorCode;
import dev.stay.codegen.catalog.types.ServicePeriodInput;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * A restaurant's week of service periods, checked as a whole: times as HH:MM on a 5-minute mark, each period 15
 * minutes to 24 hours long (closes not after opens ends on the next day; closes equal to opens is a whole day), at
 * most {@value #MAX_PER_WEEKDAY} a weekday, and none overlapping another, across midnight too: Sunday 19:00-02:00
 * overlaps Monday 01:00-15:00, the week being a circle.
 */
final class OpeningHours {

    static final int MAX_PER_WEEKDAY = 4;
    static final int MAX_PERIODS = 7 * MAX_PER_WEEKDAY;
    static final int MIN_MINUTES = 15;
    private static final int DAY = 24 * 60;
    private static final int WEEK = 7 * DAY;

    /** @param weekday ISO: 1 Monday to 7 Sunday */
    record Period(int weekday, LocalTime opens, LocalTime closes) {

        int minutes() {
            int length = minuteOfDay(closes) - minuteOfDay(opens);
            return length <= 0 ? length + DAY : length;
        }

        /** Minutes from Monday 00:00 to its opening. */
        int start() {
            return (weekday - 1) * DAY + minuteOfDay(opens);
        }

        int end() {
            return start() + minutes();
        }
    }

    private record Indexed(int index, Period period) {}

    private OpeningHours() {}

    /** The periods when every rule holds (else what it could read, with the broken rules recorded in {@code rules}). */
    static List<Period> check(String field, List<ServicePeriodInput> input, Rules rules) {
        if (input.size() > MAX_PERIODS) {
            rules.refuse(field, CatalogErrorCode.OUT_OF_RANGE, "at most " + MAX_PER_WEEKDAY + " periods a weekday, "
                    + MAX_PERIODS + " in all");
            return List.of();
        }
        List<Indexed> periods = new ArrayList<>();
        int[] perWeekday = new int[8];
        for (int i = 0; i < input.size(); i++) {
            String at = field + "[" + i + "]";
            ServicePeriodInput given = input.get(i);
            LocalTime opens = onTheMark(at + ".opens", given.getOpens(), rules);
            LocalTime closes = onTheMark(at + ".closes", given.getCloses(), rules);
            int weekday = given.getWeekday().ordinal() + 1;
            if (++perWeekday[weekday] == MAX_PER_WEEKDAY + 1) {
                rules.refuse(field, CatalogErrorCode.OUT_OF_RANGE, "at most " + MAX_PER_WEEKDAY + " periods on "
                        + given.getWeekday());
            }
            if (opens == null || closes == null) continue;
            Period period = new Period(weekday, opens, closes);
            if (period.minutes() < MIN_MINUTES) {
                rules.refuse(at, CatalogErrorCode.OUT_OF_RANGE, "a period lasts at least " + MIN_MINUTES + " minutes");
                continue;
            }
            periods.add(new Indexed(i, period));
        }
        periods.sort(Comparator.comparingInt(p -> p.period().start()));
        for (int i = 0; i < periods.size() && periods.size() > 1; i++) {
            Indexed current = periods.get(i);
            Indexed next = periods.get((i + 1) % periods.size());
            int nextStart = next.period().start() + (i + 1 == periods.size() ? WEEK : 0);
            if (current.period().end() > nextStart) {
                rules.refuse(field + "[" + Math.max(current.index(), next.index()) + "]",
                        CatalogErrorCode.OVERLAPPING_PERIODS, "the period " + describe(current.period())
                                + " overlaps " + describe(next.period()));
            }
        }
        return periods.stream().map(Indexed::period).toList();
    }

    private static LocalTime onTheMark(String field, String value, Rules rules) {
        LocalTime time = rules.time(field, value);
        if (time != null && time.getMinute() % 5 != 0) {
            rules.refuse(field, CatalogErrorCode.INVALID_FORMAT, field + " must be on a 5-minute mark, e.g. 19:30");
            return null;
        }
        return time;
    }

    private static String describe(Period period) {
        return java.time.DayOfWeek.of(period.weekday()) + " " + period.opens() + "-" + period.closes();
    }

    private static int minuteOfDay(LocalTime time) {
        return time.getHour() * 60 + time.getMinute();
    }
}
