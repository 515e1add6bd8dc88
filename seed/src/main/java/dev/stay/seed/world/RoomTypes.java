package dev.stay.seed.world;

import dev.stay.seed.world.DemoWorld.Photo;
import dev.stay.seed.world.DemoWorld.RoomType;
import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Currency;
import java.util.List;
import java.util.Random;

/**
 * A hotel's two to five room types: which kinds (singles and triples in simple hotels, suites in grand ones), how its
 * rooms are shared among them, their sizes, amenities, prices and cancellation terms.
 */
final class RoomTypes {

    /** @param priceFactor against the hotel's standard double; {@code share} of the rooms it tends to get */
    private record Kind(String name, String beds, int adults, int children, int minSqm, int maxSqm, double priceFactor,
                        double share, double[] chanceByStars) {}

    private static final Kind DOUBLE = new Kind("Standard Double Room", "1 double bed", 2, 0, 15, 20, 1.0, 5, null);
    /** Every hotel has a {@link #DOUBLE}; these are its other kinds, with their weights for one to five stars. */
    private static final List<Kind> OTHERS = List.of(
            new Kind("Single Room", "1 single bed", 1, 0, 11, 15, 0.75, 2, new double[] {3, 2, 1, 0, 0}),
            new Kind("Twin Room", "2 single beds", 2, 0, 16, 21, 1.0, 3, new double[] {3, 3, 3, 2, 1}),
            new Kind("Superior Double Room", "1 queen bed", 2, 1, 20, 26, 1.25, 3, new double[] {0, 1.5, 3, 3, 2}),
            new Kind("Triple Room", "3 single beds", 3, 0, 22, 28, 1.35, 1, new double[] {2, 1.5, 1, 0, 0}),
            new Kind("Studio", "1 double bed and a sofa bed", 2, 2, 26, 34, 1.35, 1.5, new double[] {1, 1, 1, 0.5, 0}),
            new Kind("Deluxe King Room", "1 king bed", 2, 1, 25, 32, 1.5, 2, new double[] {0, 0, 1, 3, 3}),
            new Kind("Family Room", "1 double bed and 2 single beds", 2, 2, 28, 38, 1.6, 1.5, new double[] {1.5, 2, 2, 1.5, 1}),
            new Kind("Junior Suite", "1 king bed and a sofa bed", 2, 2, 36, 46, 2.0, 1, new double[] {0, 0, 0.5, 2, 3}),
            new Kind("Suite", "1 king bed and a separate living room", 2, 2, 50, 75, 2.7, 0.5, new double[] {0, 0, 0, 1, 3}));

    /** Cancellation terms a hotel offers: hours before check-in that cancelling is free, and the penalty after. */
    private static final int[][] POLICIES = {{24, 100}, {48, 100}, {72, 50}, {168, 50}, {336, 100}, {0, 100}};
    private static final double[] POLICY_WEIGHTS = {35, 20, 15, 15, 5, 10};
    private static final BigDecimal MAX_PRICE = new BigDecimal("990000");

    private RoomTypes() {
    }

    /**
     * @param hotelPrice what the hotel's standard double costs, before rounding
     * @param hotelAmenities decide which rooms get Wi-Fi, air conditioning, balconies and views
     */
    static List<RoomType> forHotel(Random random, int hotel, int stars, int rooms, double hotelPrice, String currency,
                                   List<String> hotelAmenities) {
        List<Kind> kinds = kinds(random, stars, rooms);
        int[] units = share(kinds, rooms);
        int[] policy = POLICIES[Randoms.weighted(random, POLICY_WEIGHTS)];
        boolean saverRate = policy[0] > 0 && Randoms.chance(random, 0.25);
        List<RoomType> types = new ArrayList<>(kinds.size());
        for (int r = 0; r < kinds.size(); r++) {
            Kind kind = kinds.get(r);
            int size = (int) Math.round((kind.minSqm() + random.nextInt(kind.maxSqm() - kind.minSqm() + 1)) * (1 + 0.06 * (stars - 3)));
            List<String> amenities = amenities(random, kind, r, hotelAmenities);
            String description = (size == 11 || size == 18 || String.valueOf(size).startsWith("8") ? "An " : "A ")
                    + size + " m² room with " + kind.beds() + " for up to "
                    + (kind.adults() + kind.children()) + (kind.adults() + kind.children() == 1 ? " guest" : " guests")
                    + (amenities.isEmpty() ? "." : ", with " + Amenities.phrase(amenities) + ".");
            boolean nonRefundable = r == 0 && saverRate;
            types.add(new RoomType(DemoWorld.roomTypeId(hotel, r), kind.name(), description, kind.adults(),
                    kind.children(), kind.beds(), size, amenities,
                    List.of(new Photo("https://images.stay.example/hotels/" + hotel + "/rooms/" + (r + 1) + ".jpg", kind.name())),
                    units[r], price(hotelPrice * kind.priceFactor() * (nonRefundable ? 0.9 : 1), currency),
                    nonRefundable ? 0 : policy[0], nonRefundable ? 100 : policy[1]));
        }
        return List.copyOf(types);
    }

    /** More kinds for more rooms; never more kinds than rooms. Cheapest first, as a hotel lists them. */
    private static List<Kind> kinds(Random random, int stars, int rooms) {
        int count = rooms < 6 ? 2 : rooms < 12 ? 3 : rooms < 30 ? 4 : 5;
        if (count > 2 && Randoms.chance(random, 0.3)) {
            count--;
        }
        count = Math.min(count, rooms);
        List<Kind> kinds = new ArrayList<>(List.of(DOUBLE));
        List<Kind> candidates = new ArrayList<>(OTHERS.stream().filter(kind -> kind.chanceByStars()[stars - 1] > 0).toList());
        while (kinds.size() < count && !candidates.isEmpty()) {
            double[] weights = candidates.stream().mapToDouble(kind -> kind.chanceByStars()[stars - 1]).toArray();
            kinds.add(candidates.remove(Randoms.weighted(random, weights)));
        }
        kinds.sort(Comparator.comparingDouble(Kind::priceFactor)); // stable: the standard double before a twin
        return kinds;
    }

    /** {@code rooms} shared by the kinds' shares, at least one each, exactly {@code rooms} in all. */
    private static int[] share(List<Kind> kinds, int rooms) {
        double[] shares = kinds.stream().mapToDouble(Kind::share).toArray();
        double total = 0;
        for (double share : shares) {
            total += share;
        }
        double[] raw = new double[kinds.size()];
        for (int r = 0; r < raw.length; r++) {
            raw[r] = 1 + (rooms - kinds.size()) * shares[r] / total;
        }
        return BlockPlan.scale(raw, rooms, 1);
    }

    private static List<String> amenities(Random random, Kind kind, int position, List<String> hotelAmenities) {
        boolean upper = kind.priceFactor() >= 1.5;
        List<String> amenities = new ArrayList<>();
        for (String amenity : Amenities.VOCABULARY) {
            boolean has = switch (amenity) {
                case "WIFI", "AIR_CONDITIONING" -> hotelAmenities.contains(amenity);
                case "KITCHEN" -> kind.name().equals("Studio");
                case "BALCONY" -> hotelAmenities.contains(amenity) && Randoms.chance(random, upper ? 0.7 : 0.4);
                case "SEA_VIEW" -> hotelAmenities.contains(amenity) && Randoms.chance(random, upper ? 0.8 : 0.3);
                case "ACCESSIBLE" -> hotelAmenities.contains(amenity) && position == 0;
                default -> false;
            };
            if (has) {
                amenities.add(amenity);
            }
        }
        return List.copyOf(amenities);
    }

    /** Three significant digits (129.00, 18,400), the currency's decimals, and below booking's ceiling. */
    private static BigDecimal price(double amount, String currency) {
        BigDecimal rounded = new BigDecimal(amount).round(new MathContext(3, RoundingMode.HALF_UP)).min(MAX_PRICE);
        return rounded.setScale(Currency.getInstance(currency).getDefaultFractionDigits(), RoundingMode.HALF_UP);
    }
}
