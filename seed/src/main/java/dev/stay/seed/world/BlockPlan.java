package dev.stay.seed.world;

import static dev.stay.seed.world.DemoWorld.HOTELS_PER_BLOCK;
import static dev.stay.seed.world.DemoWorld.OWNERS_PER_BLOCK;
import static dev.stay.seed.world.DemoWorld.ROOMS_PER_BLOCK;

import dev.stay.seed.world.DemoWorld.Hotel;
import dev.stay.seed.world.DemoWorld.Owner;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.stream.IntStream;

/**
 * What 100 consecutive hotels share, drawn together: their 25 owners, each with a home city; who owns which hotel
 * (a few own one, some a handful, now and then a chain owns dozens under one brand); each hotel's city, stars and
 * room count. Drawing the room counts of a block together is what lets every block have exactly 2,000 rooms while
 * single hotels range from guesthouses of 3 rooms to towers of several hundred.
 */
final class BlockPlan {

    /** One hotel of the block, before its details are drawn. */
    record Slot(int number, Owner owner, Cities.Entry place, int stars, int rooms, String brand) {}

    /** Shares of one to five stars among hotels. */
    private static final double[] STAR_WEIGHTS = {6, 17, 40, 27, 10};
    /** Median rooms of a hotel of one to five stars, before the block is scaled to its 2,000 rooms. */
    private static final double[] MEDIAN_ROOMS = {7, 9, 13, 21, 30};
    private static final int MIN_ROOMS = 3;
    private static final int MAX_ROOMS = 400;
    /** Owners of this many hotels in a block run them as a chain, under one brand. */
    private static final int CHAIN = 8;
    /** About how many hotels owner 0, the identity provider's demo owner, has. */
    private static final int DEMO_OWNER_HOTELS = 6;
    private static final List<String> BRANDS = List.of("Meridia", "Northwind", "Solace", "Azura", "Cobalt",
            "Larkspur", "Halcyon", "Lumen", "Orchard", "Stonegate", "Bluebell", "Aurelia", "Vireo", "Tidewater");

    private final int block;
    private final List<Owner> owners;
    private final List<Cities.Entry> homes;
    private final List<Slot> slots;

    private BlockPlan(int block, List<Owner> owners, List<Cities.Entry> homes, List<Slot> slots) {
        this.block = block;
        this.owners = owners;
        this.homes = homes;
        this.slots = slots;
    }

    static BlockPlan of(long seed, int block) {
        Random random = Randoms.of(seed, "block", block);
        List<Owner> owners = new ArrayList<>(OWNERS_PER_BLOCK);
        List<Cities.Entry> homes = new ArrayList<>(OWNERS_PER_BLOCK);
        for (int j = 0; j < OWNERS_PER_BLOCK; j++) {
            int number = block * OWNERS_PER_BLOCK + j;
            Cities.Entry home = number == 0 ? Cities.named("Lisbon") : Cities.draw(random);
            homes.add(home);
            owners.add(number == 0
                    ? new Owner(DemoWorld.ownerId(0), "Ana Sousa", "owner@stay.example", "pt-PT")
                    : owner(number, home, random));
        }
        double[] weights = paretoWeights(random, OWNERS_PER_BLOCK);
        if (block == 0) { // the demo owner account runs a handful of hotels, so signing in as her shows some
            double others = Arrays.stream(weights).sum() - weights[0];
            weights[0] = DEMO_OWNER_HOTELS * others / (HOTELS_PER_BLOCK - DEMO_OWNER_HOTELS);
        }
        int[] hotelsOf = scale(weights, HOTELS_PER_BLOCK, 1);

        List<Cities.Entry> places = new ArrayList<>(HOTELS_PER_BLOCK);
        List<Integer> owner = new ArrayList<>(HOTELS_PER_BLOCK);
        List<Integer> stars = new ArrayList<>(HOTELS_PER_BLOCK);
        List<String> brands = new ArrayList<>(HOTELS_PER_BLOCK);
        double[] rawRooms = new double[HOTELS_PER_BLOCK];
        for (int j = 0; j < OWNERS_PER_BLOCK; j++) {
            boolean chain = hotelsOf[j] >= CHAIN;
            String brand = chain ? Randoms.pick(random, BRANDS) : null;
            int chainStars = 1 + Randoms.weighted(random, STAR_WEIGHTS); // one class for the whole chain
            for (int h = 0; h < hotelsOf[j]; h++) {
                int i = places.size();
                // an owner's first hotel is in their home city, most of the others too
                places.add(h == 0 || Randoms.chance(random, 0.7) ? homes.get(j) : Cities.draw(random));
                owner.add(j);
                int star = chain ? chainStars : 1 + Randoms.weighted(random, STAR_WEIGHTS);
                stars.add(star);
                brands.add(brand);
                rawRooms[i] = Math.clamp(Randoms.logNormal(random, MEDIAN_ROOMS[star - 1], 0.7), MIN_ROOMS, MAX_ROOMS);
            }
        }
        int[] rooms = scale(rawRooms, ROOMS_PER_BLOCK, MIN_ROOMS);

        List<Slot> slots = new ArrayList<>(HOTELS_PER_BLOCK);
        for (int i = 0; i < HOTELS_PER_BLOCK; i++) {
            slots.add(new Slot(block * HOTELS_PER_BLOCK + i, owners.get(owner.get(i)), places.get(i), stars.get(i),
                    rooms[i], brands.get(i)));
        }
        return new BlockPlan(block, List.copyOf(owners), List.copyOf(homes), List.copyOf(slots));
    }

    List<Owner> owners() {
        return owners;
    }

    /** Hotel {@code i} of the block, with all its details. */
    Hotel hotel(long seed, int i) {
        return HotelFactory.hotel(seed, slots.get(i));
    }

    /** Restaurant {@code i} of the block: its owner one of the block's, drawn with the restaurant's own generator. */
    DemoWorld.Restaurant restaurant(long seed, int i) {
        return RestaurantFactory.restaurant(seed, block * DemoWorld.RESTAURANTS_PER_BLOCK + i, owners, homes);
    }

    private static Owner owner(int number, Cities.Entry home, Random random) {
        Cultures.Culture culture = home.culture();
        String name = culture.personName(random);
        String local = Normalizer.normalize(name.toLowerCase(Locale.ROOT), Normalizer.Form.NFD)
                .replace("ı", "i").replace("ø", "o").replace("ß", "ss").replace("ł", "l").replace("đ", "d")
                .replaceAll("\\p{M}", "").replaceAll("[^a-z]+", ".");
        return new Owner(DemoWorld.ownerId(number), name, local + "." + number + "@owners.stay.example",
                culture.locale(home.city().country()));
    }

    /** Heavy-tailed weights: most owners small, a few large. */
    private static double[] paretoWeights(Random random, int count) {
        double[] weights = new double[count];
        for (int j = 0; j < count; j++) {
            weights[j] = Math.min(40, 1 / StrictMath.pow(1 - random.nextDouble(), 1 / 1.1));
        }
        return weights;
    }

    /** {@code raw} scaled to add up to exactly {@code total}, none below {@code min}; the largest absorb the rounding. */
    static int[] scale(double[] raw, int total, int min) {
        double sum = 0;
        for (double value : raw) {
            sum += value;
        }
        int[] scaled = new int[raw.length];
        int given = 0;
        for (int i = 0; i < raw.length; i++) {
            scaled[i] = Math.max(min, (int) Math.round(raw[i] * total / sum));
            given += scaled[i];
        }
        Integer[] largestFirst = IntStream.range(0, raw.length).boxed()
                .sorted(Comparator.comparingInt((Integer i) -> -scaled[i]).thenComparing(i -> i))
                .toArray(Integer[]::new);
        for (int k = 0; given != total; k = (k + 1) % raw.length) {
            int i = largestFirst[k];
            if (given < total) {
                scaled[i]++;
                given++;
            } else if (scaled[i] > min) {
                scaled[i]--;
                given--;
            }
        }
        return scaled;
    }
}
