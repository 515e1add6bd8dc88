package dev.stay.seed.world;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stay.seed.world.DemoWorld.Block;
import dev.stay.seed.world.DemoWorld.Restaurant;
import dev.stay.seed.world.DemoWorld.SeatingDuration;
import dev.stay.seed.world.DemoWorld.ServicePeriod;
import dev.stay.seed.world.DemoWorld.Table;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Currency;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.RepetitionInfo;
import org.junit.jupiter.api.Test;

/** The demo world's restaurants: the same every run, owned within their block, and valid for the catalog and booking. */
class DemoWorldRestaurantsTest {

    /** 200 blocks: 4,000 restaurants. */
    static final int SAMPLE = 20_000;
    static List<Block> sample;

    @BeforeAll
    static void generateSample() {
        DemoWorld world = DemoWorld.of(SAMPLE);
        sample = new ArrayList<>();
        for (int b = 0; b < world.blockCount(); b++) {
            sample.add(world.block(b));
        }
    }

    @Test
    void theSameSeedGivesTheSameRestaurantsAndTheSmallSetIsTheStartOfTheSeedScale() {
        assertThat(DemoWorld.small().restaurants().subList(0, 20)).isEqualTo(DemoWorld.small().restaurants().subList(0, 20));
        assertThat(DemoWorld.of(100, 1).restaurants().get(7).name() + DemoWorld.of(100, 1).restaurants().get(7).lat())
                .isNotEqualTo(DemoWorld.of(100, 2).restaurants().get(7).name() + DemoWorld.of(100, 2).restaurants().get(7).lat());
        assertThat(DemoWorld.small().restaurants().getLast())
                .isEqualTo(DemoWorld.seedScale().restaurants().get(DemoWorld.small().restaurantCount() - 1));
        assertThat(DemoWorld.small().restaurantCount()).isEqualTo(400);
        assertThat(DemoWorld.seedScale().restaurantCount()).isEqualTo(100_000);
        assertThat(DemoWorld.restaurantId(12)).isEqualTo(nameUuid("stay-demo:restaurant:12"));
        assertThat(DemoWorld.small().restaurants().get(3).tables().getFirst().id())
                .isEqualTo(nameUuid("stay-demo:restaurant-table:300"));
    }

    @RepeatedTest(3)
    void aRestaurantReadAloneIsTheOneItsBlockHas(RepetitionInfo repetition) {
        Random random = new Random(7100 + repetition.getCurrentRepetition()); // seeded: the same picks every run
        DemoWorld world = DemoWorld.of(SAMPLE);
        for (int i = 0; i < 3; i++) {
            int n = random.nextInt(world.restaurantCount());
            assertThat(world.restaurants().get(n)).isEqualTo(sample.get(n / 20).restaurants().get(n % 20));
        }
    }

    @Test
    void theDemoOwnerRunsTheFirstRestaurantsInLisbonAndEveryRestaurantIsOwnedWithinItsBlock() {
        UUID demoOwner = DemoWorld.ownerId(0);
        List<Restaurant> hers = DemoWorld.small().restaurants().stream().filter(r -> r.ownerId().equals(demoOwner))
                .toList();
        assertThat(hers).hasSizeGreaterThanOrEqualTo(3).extracting(r -> r.city().name()).contains("Lisbon");
        assertThat(hers.subList(0, 3)).extracting(Restaurant::id)
                .containsExactly(DemoWorld.restaurantId(0), DemoWorld.restaurantId(1), DemoWorld.restaurantId(2));
        for (Block block : sample) {
            Set<UUID> owners = block.owners().stream().map(DemoWorld.Owner::id).collect(Collectors.toSet());
            assertThat(block.restaurants()).hasSize(DemoWorld.RESTAURANTS_PER_BLOCK)
                    .allMatch(r -> owners.contains(r.ownerId()));
        }
        Set<String> cities = new HashSet<>(restaurants().stream().map(r -> r.city().name()).toList());
        assertThat(cities).hasSizeGreaterThan(DemoWorld.cities().size() * 8 / 10);
    }

    @Test
    void openingHoursHaveLunchesDinnersAndLateNightsAndNeverOverlap() {
        int crossing = 0;
        int twoPeriodDays = 0;
        for (Restaurant restaurant : restaurants()) {
            assertThat(restaurant.openingHours()).isNotEmpty();
            List<int[]> week = new ArrayList<>(); // minutes from Monday 00:00, a period crossing midnight included
            for (ServicePeriod period : restaurant.openingHours()) {
                assertThat(period.weekday()).isBetween(1, 7);
                int start = (period.weekday() - 1) * 1440 + period.opens().toSecondOfDay() / 60;
                int length = (period.closes().toSecondOfDay() - period.opens().toSecondOfDay()) / 60
                        + (period.crossesMidnight() ? 1440 : 0);
                assertThat(length).as("%s %s", restaurant.name(), period).isBetween(2 * 60, 12 * 60);
                week.add(new int[] {start, start + length});
                week.add(new int[] {start + 7 * 1440, start + length + 7 * 1440}); // Sunday night into Monday
                crossing += period.crossesMidnight() ? 1 : 0;
            }
            week.sort((a, b) -> Integer.compare(a[0], b[0]));
            for (int i = 1; i < week.size(); i++) {
                assertThat(week.get(i)[0]).as("%s: periods overlap", restaurant.name()).isGreaterThanOrEqualTo(week.get(i - 1)[1]);
            }
            twoPeriodDays += (int) restaurant.openingHours().stream()
                    .collect(Collectors.groupingBy(ServicePeriod::weekday, Collectors.counting())).values().stream()
                    .filter(count -> count == 2).count();
        }
        assertThat(crossing).as("periods crossing midnight").isGreaterThan(restaurants().size() / 10);
        assertThat(twoPeriodDays).as("days with a lunch and a dinner").isGreaterThan(restaurants().size() * 2);
    }

    @Test
    void everyRestaurantFitsTheCatalogAndBooking() {
        Set<String> areas = new HashSet<>();
        int withDeposit = 0;
        for (Restaurant r : restaurants()) {
            assertThat(r.name()).hasSizeBetween(1, 200);
            assertThat(r.description()).hasSizeBetween(1, 5000).contains(r.city().name());
            assertThat(r.cuisines()).hasSizeBetween(1, 5).doesNotHaveDuplicates().isSubsetOf(DemoWorld.CUISINES);
            assertThat(r.priceRange()).isBetween(1, 4);
            assertThat(r.slotMinutes()).isIn(5, 10, 15, 20, 30, 60);
            assertThat(r.depositRefundableHours()).isBetween(0, 720);
            assertThat(r.depositPerGuest()).isBetween(BigDecimal.ZERO, new BigDecimal("10000"));
            assertThat(r.depositPerGuest().scale())
                    .isEqualTo(Currency.getInstance(r.city().currency()).getDefaultFractionDigits());
            withDeposit += r.depositPerGuest().signum();
            assertThat(r.photos()).hasSizeBetween(1, 4)
                    .allMatch(photo -> photo.url().startsWith("https://images.stay.example/restaurants/"));
            assertThat(r.closedDates()).isSorted().doesNotHaveDuplicates();
            assertThat(r.tables()).hasSizeBetween(2, 30);
            assertThat(r.tables().stream().map(t -> t.label().toLowerCase(Locale.ROOT))).doesNotHaveDuplicates();
            List<SeatingDuration> seating = r.seatingDurations();
            assertThat(seating).extracting(SeatingDuration::upToPartySize).isSorted().doesNotHaveDuplicates()
                    .allMatch(size -> size >= 1 && size <= 50);
            assertThat(seating).allMatch(s -> s.minutes() >= 15 && s.minutes() <= 480);
            for (Table table : r.tables()) {
                assertThat(table.label()).hasSizeBetween(1, 40);
                assertThat(table.minParty()).isBetween(1, table.maxParty());
                assertThat(table.maxParty()).as("a party its table seats is also one it keeps a time for")
                        .isBetween(1, seating.getLast().upToPartySize());
                areas.add(table.area());
            }
        }
        assertThat(areas).containsExactlyInAnyOrder("INSIDE", "TERRACE", "BAR");
        assertThat(withDeposit).as("some take a deposit, most do not").isBetween(restaurants().size() / 10,
                restaurants().size() / 2);
        assertThat(restaurants().stream().mapToInt(r -> r.tables().size()).max().orElseThrow()).isEqualTo(30);
        assertThat(restaurants().stream().mapToInt(r -> r.tables().size()).min().orElseThrow()).isEqualTo(2);
    }

    private static List<Restaurant> restaurants() {
        return sample.stream().flatMap(block -> block.restaurants().stream()).toList();
    }

    private static UUID nameUuid(String name) {
        return UUID.nameUUIDFromBytes(name.getBytes(StandardCharsets.UTF_8));
    }
}
