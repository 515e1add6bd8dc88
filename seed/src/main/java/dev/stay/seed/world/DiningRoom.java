package dev.stay.seed.world;

import dev.stay.seed.world.DemoWorld.SeatingDuration;
import dev.stay.seed.world.DemoWorld.ServicePeriod;
import dev.stay.seed.world.DemoWorld.Table;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.TreeSet;

/**
 * When a restaurant serves and where it seats its guests, drawn from its generator: service periods by a few real
 * patterns (lunch and dinner, late dinners crossing midnight, cafés by day, all day, dinner only), each day's last
 * period ending by 02:00 and the next day's first starting at 08:00 or later, so none overlaps another; closed days
 * of the coming winter and summer; 2 to 30 tables inside, on a terrace or at the bar; how long a party keeps its
 * table, longer for bigger parties and dearer places, up to a size that seats its largest table.
 */
record DiningRoom(int slotMinutes, List<ServicePeriod> openingHours, List<LocalDate> closedDates,
                  List<SeatingDuration> seatingDurations, List<Table> tables) {

    /** Seats of a kind of table, its smallest party, and its share among tables inside. */
    private record Kind(int maxParty, int minParty, double share) {}

    private static final List<Kind> INSIDE = List.of(new Kind(2, 1, 40), new Kind(4, 2, 35), new Kind(6, 3, 13),
            new Kind(8, 5, 8), new Kind(12, 7, 4));
    private static final int[] SLOT_MINUTES = {15, 30, 20, 10};

    static DiningRoom draw(Random random, int n, boolean cafe, int priceRange, boolean outdoors) {
        int slot = SLOT_MINUTES[Randoms.weighted(random, 55, 30, 10, 5)];
        List<ServicePeriod> hours = cafe ? cafe(random) : switch (Randoms.weighted(random, 50, 15, 17, 18)) {
            case 0 -> lunchAndDinner(random);
            case 1 -> lateDinners(random);
            case 2 -> allDay(random);
            default -> dinnerOnly(random);
        };
        List<Table> tables = tables(random, n, cafe, outdoors);
        int largest = tables.stream().mapToInt(Table::maxParty).max().orElseThrow();
        return new DiningRoom(slot, hours, closedDates(random), seating(cafe, priceRange, largest), tables);
    }

    /** 12:00-15:00 and 19:00-23:00 or so; closed on Mondays or Sunday evenings; Friday and Saturday may run late. */
    private static List<ServicePeriod> lunchAndDinner(Random random) {
        LocalTime lunch = LocalTime.of(12, random.nextBoolean() ? 0 : 30);
        LocalTime lunchEnd = lunch.plusHours(3);
        LocalTime dinner = LocalTime.of(19, random.nextBoolean() ? 0 : 30);
        LocalTime dinnerEnd = LocalTime.of(22, 30).plusMinutes(30L * random.nextInt(3));
        boolean lateWeekend = Randoms.chance(random, 0.3);
        boolean closedMonday = Randoms.chance(random, 0.6);
        List<ServicePeriod> hours = new ArrayList<>();
        for (int day = 1; day <= 7; day++) {
            if (day == 1 && closedMonday) {
                continue;
            }
            hours.add(new ServicePeriod(day, lunch, lunchEnd));
            if (day != 7 || closedMonday) {
                boolean late = lateWeekend && (day == 5 || day == 6);
                hours.add(new ServicePeriod(day, dinner, late ? LocalTime.of(0, 30) : dinnerEnd));
            }
        }
        return hours;
    }

    /** Dinners from 19:00 or 20:00 to 23:30, past midnight from Thursday to Saturday; weekend lunches. */
    private static List<ServicePeriod> lateDinners(Random random) {
        LocalTime opens = LocalTime.of(19 + random.nextInt(2), 0);
        LocalTime lateClose = LocalTime.of(1 + random.nextInt(2), 0);
        List<ServicePeriod> hours = new ArrayList<>();
        for (int day = 2; day <= 7; day++) {
            if (day >= 6) {
                hours.add(new ServicePeriod(day, LocalTime.of(12, 30), LocalTime.of(16, 0)));
            }
            hours.add(new ServicePeriod(day, opens, day >= 4 && day <= 6 ? lateClose : LocalTime.of(23, 30)));
        }
        return hours;
    }

    private static List<ServicePeriod> cafe(Random random) {
        LocalTime opens = LocalTime.of(8 + random.nextInt(2), 0);
        LocalTime closes = LocalTime.of(16 + random.nextInt(3), 0);
        List<ServicePeriod> hours = new ArrayList<>();
        for (int day = 1; day <= 7; day++) {
            hours.add(new ServicePeriod(day, opens, day == 7 ? LocalTime.of(14, 0) : closes));
        }
        return hours;
    }

    private static List<ServicePeriod> allDay(Random random) {
        LocalTime closes = LocalTime.of(22 + random.nextInt(2), 0);
        List<ServicePeriod> hours = new ArrayList<>();
        for (int day = 1; day <= 7; day++) {
            hours.add(new ServicePeriod(day, LocalTime.of(12, 0), closes));
        }
        return hours;
    }

    private static List<ServicePeriod> dinnerOnly(Random random) {
        LocalTime opens = LocalTime.of(18, 30).plusMinutes(30L * random.nextInt(2));
        List<ServicePeriod> hours = new ArrayList<>();
        for (int day = 2; day <= 6; day++) {
            hours.add(new ServicePeriod(day, opens, LocalTime.of(23, 0)));
        }
        return hours;
    }

    /** Christmas, New Year's Day, a summer break, a day or two more: fixed days of 2026 and 2027, ascending. */
    private static List<LocalDate> closedDates(Random random) {
        TreeSet<LocalDate> days = new TreeSet<>();
        if (Randoms.chance(random, 0.5)) {
            days.add(LocalDate.of(2026, 12, 25));
        }
        if (Randoms.chance(random, 0.4)) {
            days.add(LocalDate.of(2027, 1, 1));
        }
        if (Randoms.chance(random, 0.25)) {
            LocalDate start = LocalDate.of(2027, 8, 1).plusDays(random.nextInt(20));
            days.addAll(start.datesUntil(start.plusDays(7 + random.nextInt(8))).toList());
        }
        for (int i = random.nextInt(3); i > 0; i--) {
            days.add(LocalDate.of(2027, 1, 2).plusDays(random.nextInt(360)));
        }
        return List.copyOf(days);
    }

    /** 2 to 30 (median 12, cafés fewer), labelled T1.., P1.. on the terrace, B1.. at the bar. */
    private static List<Table> tables(Random random, int n, boolean cafe, boolean outdoors) {
        int count = (int) Math.clamp(Math.round(Randoms.logNormal(random, cafe ? 7 : 12, 0.5)), 2, 30);
        boolean terrace = Randoms.chance(random, outdoors ? 0.6 : 0.35);
        boolean bar = Randoms.chance(random, 0.3);
        double[] shares = INSIDE.stream().mapToDouble(Kind::share).toArray();
        List<Table> tables = new ArrayList<>(count);
        int[] labels = new int[3];
        for (int position = 0; position < count; position++) {
            int roll = position < 2 ? 0 : random.nextInt(10); // the first two are inside
            String area = terrace && roll >= 1 && roll < 4 ? "TERRACE" : bar && roll >= 4 && roll < 6 ? "BAR"
                    : "INSIDE";
            Kind kind = area.equals("BAR") ? INSIDE.getFirst() : INSIDE.get(Randoms.weighted(random, shares));
            int a = area.equals("INSIDE") ? 0 : area.equals("TERRACE") ? 1 : 2;
            String label = "TPB".charAt(a) + String.valueOf(++labels[a]);
            tables.add(new Table(DemoWorld.restaurantTableId(n, position), label, kind.minParty(), kind.maxParty(),
                    area));
        }
        return List.copyOf(tables);
    }

    /** Up to 2, 4, 8 and the largest table (if larger): longer for bigger parties, dearer places; cafés brief. */
    private static List<SeatingDuration> seating(boolean cafe, int priceRange, int largest) {
        int base = cafe ? 45 : 60 + 15 * priceRange;
        List<SeatingDuration> rows = new ArrayList<>(List.of(new SeatingDuration(2, base),
                new SeatingDuration(4, base + 15), new SeatingDuration(8, base + 45)));
        if (largest > 8) {
            rows.add(new SeatingDuration(largest, base + 75));
        }
        return List.copyOf(rows);
    }
}
