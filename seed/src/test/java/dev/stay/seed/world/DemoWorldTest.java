package dev.stay.seed.world;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stay.seed.world.DemoWorld.Block;
import dev.stay.seed.world.DemoWorld.City;
import dev.stay.seed.world.DemoWorld.Hotel;
import dev.stay.seed.world.DemoWorld.Owner;
import dev.stay.seed.world.DemoWorld.RoomType;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalTime;
import java.time.ZoneId;
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

class DemoWorldTest {

    /** 200 blocks: enough for the shares to settle, generated in about a second. */
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
    void theSameSeedGivesTheSameHotelsAndAnotherSeedOthers() {
        assertThat(DemoWorld.small().hotels().subList(0, 20)).isEqualTo(DemoWorld.small().hotels().subList(0, 20));
        assertThat(DemoWorld.of(100, 1).hotels().get(7)).isEqualTo(DemoWorld.of(100, 1).hotels().get(7));
        assertThat(DemoWorld.of(100, 1).hotels().get(7).name() + DemoWorld.of(100, 1).hotels().get(7).lat())
                .isNotEqualTo(DemoWorld.of(100, 2).hotels().get(7).name() + DemoWorld.of(100, 2).hotels().get(7).lat());
    }

    @Test
    void theSmallSetIsTheStartOfTheSeedScale() {
        DemoWorld seedScale = DemoWorld.seedScale();
        assertThat(DemoWorld.small().block(19)).isEqualTo(seedScale.block(19));
        assertThat(DemoWorld.small().hotels().getLast()).isEqualTo(seedScale.hotels().get(DemoWorld.SMALL_SET - 1));
        assertThat(seedScale.hotelCount()).isEqualTo(500_000);
        assertThat(seedScale.roomCount()).isEqualTo(10_000_000);
        assertThat(DemoWorld.small().ownerCount()).isEqualTo(500);
    }

    @Test
    void idsOfHotelZeroAndOwnerZeroStayAsTheDemoAccountsKnowThem() {
        Hotel hotel = DemoWorld.small().hotels().getFirst();
        Owner owner = DemoWorld.small().owners().getFirst();

        assertThat(hotel.id()).isEqualTo(UUID.fromString("22bbbd65-1ce0-3ec9-8f55-26831765b6cc"));
        assertThat(hotel.ownerId()).isEqualTo(owner.id());
        assertThat(owner).isEqualTo(new Owner(UUID.fromString("cb653597-75e1-36e9-a3ed-3aba1a04c76f"), "Ana Sousa",
                "owner@stay.example", "pt-PT"));
        for (int r = 0; r < hotel.roomTypes().size(); r++) {
            assertThat(hotel.roomTypes().get(r).id()).isEqualTo(nameUuid("stay-demo:room-type:" + r));
        }
        assertThat(DemoWorld.hotelId(1234)).isEqualTo(nameUuid("stay-demo:hotel:1234"));
        assertThat(DemoWorld.ownerId(77)).isEqualTo(nameUuid("stay-demo:owner:77"));
    }

    @RepeatedTest(5)
    void aHotelReadAloneIsTheOneItsBlockHas(RepetitionInfo repetition) {
        Random random = new Random(5150 + repetition.getCurrentRepetition()); // seeded: the same picks every run
        DemoWorld world = DemoWorld.of(SAMPLE);
        for (int i = 0; i < 3; i++) {
            int n = random.nextInt(SAMPLE);
            assertThat(world.hotels().get(n)).isEqualTo(sample.get(n / 100).hotels().get(n % 100));
            int o = random.nextInt(world.ownerCount());
            assertThat(world.owners().get(o)).isEqualTo(sample.get(o / 25).owners().get(o % 25));
        }
    }

    @Test
    void everyBlockHasItsRoomsAndOwnersAndEveryOwnerAHotel() {
        for (Block block : sample) {
            assertThat(block.hotels().stream().mapToInt(Hotel::rooms).sum()).isEqualTo(DemoWorld.ROOMS_PER_BLOCK);
            Set<UUID> owners = block.owners().stream().map(Owner::id).collect(Collectors.toSet());
            Set<UUID> owning = block.hotels().stream().map(Hotel::ownerId).collect(Collectors.toSet());
            assertThat(owners).hasSize(DemoWorld.OWNERS_PER_BLOCK).isEqualTo(owning);
        }
        assertThat(hotels().stream().mapToLong(Hotel::rooms).sum()).isEqualTo(20L * SAMPLE);
        assertThat(hotels().stream().mapToInt(Hotel::rooms).max().orElseThrow()).isGreaterThan(100);
        assertThat(hotels().stream().mapToInt(Hotel::rooms).min().orElseThrow()).isEqualTo(3);
    }

    @Test
    void hotelsAreNearTheirCityCentreAndDenserInTheMiddle() {
        List<Double> distances = hotels().stream()
                .map(hotel -> kilometres(hotel.lat(), hotel.lon(), hotel.city().lat(), hotel.city().lon())).toList();
        assertThat(distances).allMatch(km -> km <= 15);
        long withinThree = distances.stream().filter(km -> km <= 3).count();
        long fromNineToTwelve = distances.stream().filter(km -> km > 9 && km <= 12).count();
        assertThat(withinThree).isGreaterThan(SAMPLE / 3).isGreaterThan(10 * fromNineToTwelve);
    }

    @Test
    void starsFollowTheirShares() {
        double[] expected = {0.06, 0.17, 0.40, 0.27, 0.10};
        for (int stars = 1; stars <= 5; stars++) {
            int s = stars;
            double share = hotels().stream().filter(hotel -> hotel.stars() == s).count() / (double) SAMPLE;
            assertThat(share).as("share of %d stars", stars).isBetween(expected[stars - 1] - 0.03, expected[stars - 1] + 0.03);
        }
    }

    @Test
    void everyHotelFitsTheCatalogAndBooking() {
        for (Hotel hotel : hotels()) {
            assertThat(hotel.name()).hasSizeBetween(1, 200);
            assertThat(hotel.description()).hasSizeBetween(1, 5000).contains(hotel.city().name());
            assertThat(hotel.amenities()).isSubsetOf(DemoWorld.AMENITIES).doesNotHaveDuplicates();
            assertThat(hotel.photos()).hasSizeBetween(3, 8)
                    .allMatch(photo -> photo.url().startsWith("https://images.stay.example/hotels/"));
            assertThat(hotel.checkInTime()).isBetween(LocalTime.of(14, 0), LocalTime.of(16, 0));
            assertThat(hotel.checkOutTime()).isBetween(LocalTime.of(10, 0), LocalTime.of(12, 0));
            assertThat(hotel.roomTypes()).hasSizeBetween(2, 5);
            int digits = Currency.getInstance(hotel.city().currency()).getDefaultFractionDigits();
            for (RoomType room : hotel.roomTypes()) {
                assertThat(room.name()).hasSizeBetween(1, 120);
                assertThat(room.description()).hasSizeBetween(1, 2000);
                assertThat(room.maxAdults()).isBetween(1, 20);
                assertThat(room.maxChildren()).isBetween(0, 20);
                assertThat(room.sizeSqm()).isPositive();
                assertThat(room.defaultRooms()).isPositive();
                assertThat(room.amenities()).isSubsetOf(DemoWorld.AMENITIES);
                assertThat(room.basePrice()).isPositive().isLessThan(new BigDecimal("1000000"));
                assertThat(room.basePrice().scale()).isEqualTo(digits);
                assertThat(room.freeCancellationHours()).isIn(0, 24, 48, 72, 168, 336);
                assertThat(room.penaltyPercent()).isIn(50, 100);
            }
        }
        assertThat(sample.stream().flatMap(block -> block.owners().stream()))
                .allMatch(owner -> owner.displayName().length() <= 80 && owner.email().contains("@"));
    }

    @Test
    void citiesAreRealPlacesOnEveryContinent() {
        List<City> cities = DemoWorld.cities();
        Set<String> countries = Set.of(Locale.getISOCountries());
        assertThat(cities).hasSizeGreaterThanOrEqualTo(80);
        assertThat(cities.stream().map(City::country).distinct().count()).isGreaterThanOrEqualTo(40);
        for (City city : cities) {
            assertThat(countries).contains(city.country());
            assertThat(ZoneId.of(city.timeZone())).isNotNull();
            assertThat(Currency.getInstance(city.currency())).isNotNull();
            assertThat(city.priceLevel()).isPositive();
        }
        assertThat(cities).anyMatch(c -> c.lat() > 35 && c.lon() > -25 && c.lon() < 40)    // Europe
                .anyMatch(c -> c.lat() < 35 && c.lat() > -35 && c.lon() > -20 && c.lon() < 52) // Africa
                .anyMatch(c -> c.lat() > 0 && c.lon() > 60)                                    // Asia
                .anyMatch(c -> c.lat() < -10 && c.lon() > 110)                                 // Oceania
                .anyMatch(c -> c.lat() > 15 && c.lon() < -50)                                  // North America
                .anyMatch(c -> c.lat() < 0 && c.lon() < -30);                                  // South America
        Set<String> inSample = new HashSet<>(hotels().stream().map(hotel -> hotel.city().name()).toList());
        assertThat(inSample).hasSizeGreaterThan(cities.size() * 9 / 10);
    }

    private static List<Hotel> hotels() {
        return sample.stream().flatMap(block -> block.hotels().stream()).toList();
    }

    private static double kilometres(double lat1, double lon1, double lat2, double lon2) {
        double dLat = Math.toRadians(lat2 - lat1);
        double dLon = Math.toRadians(lon2 - lon1);
        double a = Math.pow(Math.sin(dLat / 2), 2)
                + Math.cos(Math.toRadians(lat1)) * Math.cos(Math.toRadians(lat2)) * Math.pow(Math.sin(dLon / 2), 2);
        return 2 * 6371 * Math.asin(Math.sqrt(a));
    }

    private static UUID nameUuid(String name) {
        return UUID.nameUUIDFromBytes(name.getBytes(StandardCharsets.UTF_8));
    }
}
