package dev.stay.seed.world;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.AbstractList;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.RandomAccess;
import java.util.UUID;
import java.util.function.IntFunction;

/**
 * The demo world: hotels in real cities with their room types, photos, prices and owners, generated from a seed so
 * that every run and every machine derives the same one. The seed loader ({@code seed/}) writes it into the catalog,
 * booking and users databases; tests read the hotels they expect from it.
 *
 * <p>Restaurants come {@value #RESTAURANTS_PER_BLOCK} a block, each from a generator of its own too.
 *
 * <p>It never holds the world in memory: hotels are generated on demand, a {@link Block} of
 * {@value #HOTELS_PER_BLOCK} at a time, each from a random generator of its own. So hotel {@code n} is the same in
 * every world size, and the {@linkplain #small() small set} is the first 2,000 hotels of the
 * {@linkplain #seedScale() seed scale}. A block has exactly {@value #OWNERS_PER_BLOCK} owners and
 * {@value #ROOMS_PER_BLOCK} rooms, which makes the seed scale exactly 500,000 hotels with 10,000,000 rooms.
 *
 * <p>Ids are name-based UUIDs ({@code stay-demo:hotel:<n>}, {@code stay-demo:room-type:<n * 10 + position>},
 * {@code stay-demo:restaurant:<n>}, {@code stay-demo:restaurant-table:<n * 100 + position>},
 * {@code stay-demo:owner:<n>}), the same in every database. Owner 0 is the demo owner account of the identity
 * provider, Ana Sousa ({@code owner@stay.example}), who owns hotel 0 and five more, mostly in Lisbon, and
 * restaurants 0 to 2 in Lisbon.
 */
public final class DemoWorld {

    /** The random seed of the demo world everyone gets: another seed changes every hotel, though not the ids. */
    public static final long RANDOM_SEED = 20261122L;
    public static final int SMALL_SET = 2_000;
    public static final int SEED_SCALE = 500_000;
    public static final int HOTELS_PER_BLOCK = 100;
    public static final int OWNERS_PER_BLOCK = 25;
    public static final int ROOMS_PER_BLOCK = 2_000;
    /** One restaurant for every five hotels: 400 in the small set, 100,000 at the seed scale. */
    public static final int RESTAURANTS_PER_BLOCK = 20;

    /** The controlled vocabulary of amenities: schema/catalog's {@code Amenity} enum and the catalog's {@code amenity} type. */
    public static final List<String> AMENITIES = Amenities.VOCABULARY;

    /** The controlled vocabulary of cuisines: schema/catalog's {@code Cuisine} enum and the catalog's {@code cuisine} type. */
    public static final List<String> CUISINES = RestaurantFactory.CUISINES;

    /** @param priceLevel what a three-star double room costs for a night there, in {@code currency} */
    public record City(String name, String region, String country, double lat, double lon, String timeZone,
                       String currency, BigDecimal priceLevel) {}

    /** @param locale one of the locales Stay speaks */
    public record Owner(UUID id, String displayName, String email, String locale) {}

    public record Photo(String url, String caption) {}

    /**
     * @param defaultRooms rooms on sale on a night nobody has changed
     * @param basePrice a night's price in the hotel's currency, with that currency's decimals
     * @param freeCancellationHours until how long before check-in cancelling is free; 0 for a non-refundable rate
     * @param penaltyPercent of the price charged for cancelling after that
     */
    public record RoomType(UUID id, String name, String description, int maxAdults, int maxChildren, String beds,
                           int sizeSqm, List<String> amenities, List<Photo> photos, int defaultRooms,
                           BigDecimal basePrice, int freeCancellationHours, int penaltyPercent) {}

    /** @param amenities names from {@link #AMENITIES} */
    public record Hotel(UUID id, UUID ownerId, String name, String description, int stars, City city, String street,
                        String postalCode, double lat, double lon, LocalTime checkInTime, LocalTime checkOutTime,
                        List<String> amenities, List<Photo> photos, List<RoomType> roomTypes) {

        /** Rooms of all its types. */
        public int rooms() {
            return roomTypes.stream().mapToInt(RoomType::defaultRooms).sum();
        }
    }

    /**
     * A restaurant, published, owned by an owner of its block and mostly in their home city.
     *
     * @param cuisines names from the catalog's {@code cuisine} type, the main one first
     * @param priceRange 1 (cheap) to 4 (fine dining)
     * @param depositPerGuest in the city's currency with its decimals; zero for none
     * @param openingHours by weekday, then opening time; none overlaps another, a period crossing midnight included
     * @param seatingDurations ascending up-to sizes, the last one seating its largest table
     * @param tables labels unique within the restaurant
     */
    public record Restaurant(UUID id, UUID ownerId, String name, String description, List<String> cuisines,
                             int priceRange, City city, String street, String postalCode, double lat, double lon,
                             int slotMinutes, BigDecimal depositPerGuest, int depositRefundableHours,
                             List<ServicePeriod> openingHours, List<LocalDate> closedDates,
                             List<SeatingDuration> seatingDurations, List<Table> tables, List<Photo> photos) {}

    /** Open on {@code weekday} (ISO, 1 Monday to 7 Sunday) from {@code opens}; a {@code closes} not after it is the next day. */
    public record ServicePeriod(int weekday, LocalTime opens, LocalTime closes) {

        public boolean crossesMidnight() {
            return !closes.isAfter(opens);
        }
    }

    /** Parties up to this size keep their table this many minutes. */
    public record SeatingDuration(int upToPartySize, int minutes) {}

    /** @param area INSIDE, TERRACE or BAR: the catalog's {@code table_area} */
    public record Table(UUID id, String label, int minParty, int maxParty, String area) {}

    /**
     * Hotels {@code index * 100} to {@code index * 100 + 99}, restaurants {@code index * 20} to {@code index * 20 + 19},
     * and the 25 owners who own them (and nothing else).
     */
    public record Block(int index, List<Owner> owners, List<Hotel> hotels, List<Restaurant> restaurants) {}

    private final int hotelCount;
    private final long seed;

    private DemoWorld(int hotelCount, long seed) {
        if (hotelCount <= 0 || hotelCount % HOTELS_PER_BLOCK != 0) {
            throw new IllegalArgumentException("a demo world has whole blocks of " + HOTELS_PER_BLOCK + " hotels, not " + hotelCount);
        }
        this.hotelCount = hotelCount;
        this.seed = seed;
    }

    /** 2,000 hotels: what {@code ./platform up} and the end-to-end tests load. */
    public static DemoWorld small() {
        return of(SMALL_SET);
    }

    /** 500,000 hotels with 10,000,000 rooms: the scale Stay is designed for. */
    public static DemoWorld seedScale() {
        return of(SEED_SCALE);
    }

    /** The first {@code hotels} hotels (a multiple of 100) of the demo world. */
    public static DemoWorld of(int hotels) {
        return new DemoWorld(hotels, RANDOM_SEED);
    }

    /** Another world of the same shape, for tests that need one that differs. */
    public static DemoWorld of(int hotels, long seed) {
        return new DemoWorld(hotels, seed);
    }

    public int hotelCount() {
        return hotelCount;
    }

    public int ownerCount() {
        return blockCount() * OWNERS_PER_BLOCK;
    }

    public long roomCount() {
        return (long) blockCount() * ROOMS_PER_BLOCK;
    }

    public int blockCount() {
        return hotelCount / HOTELS_PER_BLOCK;
    }

    /** Block {@code index}, every hotel of it generated: how a loader walks the world. */
    public Block block(int index) {
        Objects.checkIndex(index, blockCount());
        BlockPlan plan = BlockPlan.of(seed, index);
        List<Hotel> hotels = new ArrayList<>(HOTELS_PER_BLOCK);
        for (int i = 0; i < HOTELS_PER_BLOCK; i++) {
            hotels.add(plan.hotel(seed, i));
        }
        List<Restaurant> restaurants = new ArrayList<>(RESTAURANTS_PER_BLOCK);
        for (int i = 0; i < RESTAURANTS_PER_BLOCK; i++) {
            restaurants.add(plan.restaurant(seed, i));
        }
        return new Block(index, plan.owners(), List.copyOf(hotels), List.copyOf(restaurants));
    }

    /** All hotels, in order. A view: each hotel is generated when it is read, so keep what you read more than once. */
    public List<Hotel> hotels() {
        return new View<>(hotelCount, n -> BlockPlan.of(seed, n / HOTELS_PER_BLOCK).hotel(seed, n % HOTELS_PER_BLOCK));
    }

    public int restaurantCount() {
        return blockCount() * RESTAURANTS_PER_BLOCK;
    }

    /** All restaurants, in order; a view like {@link #hotels()}. */
    public List<Restaurant> restaurants() {
        return new View<>(restaurantCount(), n -> BlockPlan.of(seed, n / RESTAURANTS_PER_BLOCK)
                .restaurant(seed, n % RESTAURANTS_PER_BLOCK));
    }

    /** All owners, in order; a view like {@link #hotels()}. */
    public List<Owner> owners() {
        return new View<>(ownerCount(), n -> BlockPlan.of(seed, n / OWNERS_PER_BLOCK).owners().get(n % OWNERS_PER_BLOCK));
    }

    public static List<City> cities() {
        return Cities.ALL.stream().map(Cities.Entry::city).toList();
    }

    public static UUID hotelId(int n) {
        return id("hotel", n);
    }

    public static UUID roomTypeId(int hotel, int position) {
        return id("room-type", hotel * 10L + position);
    }

    public static UUID restaurantId(int n) {
        return id("restaurant", n);
    }

    public static UUID restaurantTableId(int restaurant, int position) {
        return id("restaurant-table", restaurant * 100L + position);
    }

    public static UUID ownerId(int n) {
        return id("owner", n);
    }

    private static UUID id(String kind, long n) {
        return UUID.nameUUIDFromBytes(("stay-demo:" + kind + ":" + n).getBytes(StandardCharsets.UTF_8));
    }

    private static final class View<T> extends AbstractList<T> implements RandomAccess {

        private final int size;
        private final IntFunction<T> generate;

        View(int size, IntFunction<T> generate) {
            this.size = size;
            this.generate = generate;
        }

        @Override
        public T get(int index) {
            return generate.apply(Objects.checkIndex(index, size));
        }

        @Override
        public int size() {
            return size;
        }
    }
}
