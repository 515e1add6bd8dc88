package dev.stay.seed.world;

import dev.stay.seed.world.DemoWorld.City;
import dev.stay.seed.world.DemoWorld.Owner;
import dev.stay.seed.world.DemoWorld.Photo;
import dev.stay.seed.world.DemoWorld.Restaurant;
import dev.stay.seed.world.DemoWorld.Table;
import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Currency;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;

/**
 * One restaurant of a block, drawn from its own generator: its owner among the block's (the demo owner has the first
 * {@value #DEMO_OWNER_RESTAURANTS}), mostly in the owner's home city, spread around the centre as hotels are; its
 * cuisines (the country's own more often than not), price range, name, deposit, photos; when it serves and its
 * tables ({@link DiningRoom}).
 */
final class RestaurantFactory {

    /** Restaurants 0 to 2, in Lisbon, are the demo owner account's, so signing in as her shows some. */
    static final int DEMO_OWNER_RESTAURANTS = 3;

    /** The catalog's {@code cuisine} type (schema/catalog's {@code Cuisine}). */
    static final List<String> CUISINES = List.of("AFRICAN", "AMERICAN", "BARBECUE", "BRAZILIAN", "CAFE", "CHINESE",
            "FRENCH", "FUSION", "GREEK", "INDIAN", "ITALIAN", "JAPANESE", "KOREAN", "LEBANESE", "MEDITERRANEAN",
            "MEXICAN", "MIDDLE_EASTERN", "PERUVIAN", "PIZZA", "PORTUGUESE", "SEAFOOD", "SPANISH", "STEAKHOUSE",
            "SUSHI", "THAI", "TURKISH", "VEGAN", "VEGETARIAN", "VIETNAMESE");
    /** What a country cooks itself; elsewhere every cuisine is as likely. */
    private static final Map<String, List<String>> LOCAL = Map.ofEntries(
            Map.entry("PT", List.of("PORTUGUESE", "SEAFOOD")), Map.entry("BR", List.of("BRAZILIAN", "BARBECUE")),
            Map.entry("ES", List.of("SPANISH", "SEAFOOD", "MEDITERRANEAN")), Map.entry("FR", List.of("FRENCH")),
            Map.entry("IT", List.of("ITALIAN", "PIZZA")), Map.entry("GR", List.of("GREEK", "MEDITERRANEAN")),
            Map.entry("TR", List.of("TURKISH")), Map.entry("JP", List.of("JAPANESE", "SUSHI")),
            Map.entry("KR", List.of("KOREAN")), Map.entry("CN", List.of("CHINESE")), Map.entry("HK", List.of("CHINESE")),
            Map.entry("TW", List.of("CHINESE")), Map.entry("TH", List.of("THAI")), Map.entry("VN", List.of("VIETNAMESE")),
            Map.entry("IN", List.of("INDIAN", "VEGETARIAN")), Map.entry("MX", List.of("MEXICAN")),
            Map.entry("PE", List.of("PERUVIAN", "SEAFOOD")), Map.entry("AR", List.of("STEAKHOUSE", "BARBECUE")),
            Map.entry("US", List.of("AMERICAN", "BARBECUE", "STEAKHOUSE")), Map.entry("CA", List.of("AMERICAN")),
            Map.entry("AE", List.of("MIDDLE_EASTERN", "LEBANESE")), Map.entry("QA", List.of("MIDDLE_EASTERN")),
            Map.entry("MA", List.of("MIDDLE_EASTERN")), Map.entry("EG", List.of("MIDDLE_EASTERN")),
            Map.entry("ZA", List.of("AFRICAN", "BARBECUE")), Map.entry("KE", List.of("AFRICAN")),
            Map.entry("TZ", List.of("AFRICAN", "SEAFOOD")), Map.entry("ET", List.of("AFRICAN", "VEGAN")),
            Map.entry("NG", List.of("AFRICAN")), Map.entry("GH", List.of("AFRICAN")));
    private static final Map<String, List<String>> NAME_WORDS = Map.ofEntries(
            Map.entry("CAFE", List.of("Café", "Coffee House")), Map.entry("PIZZA", List.of("Pizzeria")),
            Map.entry("ITALIAN", List.of("Trattoria", "Osteria")), Map.entry("PORTUGUESE", List.of("Tasca", "Taberna")),
            Map.entry("SPANISH", List.of("Taberna", "Bodega")), Map.entry("FRENCH", List.of("Bistrot", "Brasserie")),
            Map.entry("JAPANESE", List.of("Izakaya")), Map.entry("SUSHI", List.of("Sushi")),
            Map.entry("STEAKHOUSE", List.of("Grill")), Map.entry("BARBECUE", List.of("Smokehouse")),
            Map.entry("SEAFOOD", List.of("Fish House")), Map.entry("MEXICAN", List.of("Cantina")),
            Map.entry("GREEK", List.of("Taverna")), Map.entry("INDIAN", List.of("Spice House")));
    private static final List<String> ADJECTIVES = List.of("Blue", "Golden", "Little", "Old", "Green", "Copper",
            "Wild", "Salted", "Silver", "Red");
    private static final List<String> NOUNS = List.of("Fig", "Olive", "Table", "Lantern", "Anchor", "Pepper", "Pot",
            "Garden", "Door", "Oak", "Kitchen", "Harvest");
    /** Shares of price ranges 1 to 4. */
    private static final double[] PRICE_RANGES = {25, 40, 25, 10};
    /** A deposit per guest, in euros of a city of price level 100, for price ranges 2 to 4. */
    private static final double[] DEPOSITS = {10, 20, 40};
    private static final BigDecimal MAX_DEPOSIT = new BigDecimal("10000");

    private RestaurantFactory() {
    }

    static Restaurant restaurant(long seed, int n, List<Owner> owners, List<Cities.Entry> homes) {
        Random random = Randoms.of(seed, "restaurant", n);
        int owner = n < DEMO_OWNER_RESTAURANTS ? 0 : random.nextInt(owners.size());
        Cities.Entry place = n < DEMO_OWNER_RESTAURANTS || Randoms.chance(random, 0.7) ? homes.get(owner)
                : Cities.draw(random);
        City city = place.city();
        HotelFactory.Spot spot = HotelFactory.spot(random, place);
        List<String> cuisines = cuisines(random, city.country());
        boolean cafe = cuisines.getFirst().equals("CAFE");
        int priceRange = cafe ? 1 + random.nextInt(2) : 1 + Randoms.weighted(random, PRICE_RANGES);
        String name = name(random, place, cuisines.getFirst());
        DiningRoom room = DiningRoom.draw(random, n, cafe, priceRange, place.coastal() || place.tropical());
        BigDecimal deposit = deposit(random, priceRange, city);
        int refundableHours = List.of(24, 48, 12, 2).get(Randoms.weighted(random, 50, 25, 15, 10));
        return new Restaurant(DemoWorld.restaurantId(n), owners.get(owner).id(), name,
                description(name, cuisines, priceRange, city, spot.distanceKm(), room), cuisines, priceRange, city,
                place.culture().street(random), HotelFactory.postalCode(random, city.country()), spot.lat(), spot.lon(),
                room.slotMinutes(), deposit, refundableHours, room.openingHours(), room.closedDates(),
                room.seatingDurations(), room.tables(), photos(random, n, name, room.tables()));
    }

    /** One to three, the first the country's own more often than not, no repeats. */
    private static List<String> cuisines(Random random, String country) {
        List<String> local = LOCAL.getOrDefault(country, List.of());
        Set<String> chosen = new LinkedHashSet<>();
        chosen.add(!local.isEmpty() && Randoms.chance(random, 0.55) ? Randoms.pick(random, local)
                : Randoms.pick(random, CUISINES));
        int more = Randoms.weighted(random, 50, 35, 15);
        for (int i = 0; i < more; i++) {
            chosen.add(!local.isEmpty() && Randoms.chance(random, 0.5) ? Randoms.pick(random, local)
                    : Randoms.pick(random, CUISINES));
        }
        return List.copyOf(chosen);
    }

    private static String name(Random random, Cities.Entry place, String cuisine) {
        Cultures.Culture culture = place.culture();
        String family = Randoms.pick(random, culture.familyNames());
        List<String> words = NAME_WORDS.get(cuisine);
        return switch (words == null ? 2 + random.nextInt(2) : random.nextInt(4)) {
            case 0, 1 -> Randoms.pick(random, words) + " " + family;
            case 2 -> (Randoms.chance(random, 0.4) ? "The " : "") + Randoms.pick(random, ADJECTIVES) + " "
                    + Randoms.pick(random, NOUNS);
            default -> family + "'s " + Randoms.pick(random, NOUNS);
        };
    }

    /** None for cheap places and four in ten of the others; else the range's amount at the city's prices. */
    private static BigDecimal deposit(Random random, int priceRange, City city) {
        int digits = Currency.getInstance(city.currency()).getDefaultFractionDigits();
        if (priceRange == 1 || Randoms.chance(random, 0.4)) {
            return BigDecimal.ZERO.setScale(digits);
        }
        double amount = DEPOSITS[priceRange - 2] * city.priceLevel().doubleValue() / 100;
        BigDecimal rounded = new BigDecimal(amount).round(new MathContext(2, RoundingMode.HALF_UP)).min(MAX_DEPOSIT);
        return rounded.setScale(digits, RoundingMode.HALF_UP);
    }

    private static String description(String name, List<String> cuisines, int priceRange, City city,
                                      double distanceKm, DiningRoom room) {
        String kinds = String.join(", ", cuisines.stream()
                .map(c -> c.replace('_', ' ').toLowerCase(Locale.ROOT)).toList());
        String where = distanceKm < 1.5 ? "in the centre of " + city.name()
                : String.format(Locale.ROOT, "%.1f km from the centre of %s", distanceKm, city.name());
        String price = List.of("Simple and cheap", "Fair prices", "A treat", "Fine dining").get(priceRange - 1);
        return String.format(Locale.ROOT, "%s: %s cooking %s. %s; %d tables for up to %d guests%s.", name, kinds,
                where, price, room.tables().size(), room.tables().stream().mapToInt(Table::maxParty).sum(),
                room.tables().stream().anyMatch(t -> t.area().equals("TERRACE")) ? ", some on the terrace" : "");
    }

    /** One to four: the front, the dining room, a dish, and the terrace or the bar where there is one. */
    private static List<Photo> photos(Random random, int n, String name, List<Table> tables) {
        List<String> captions = new ArrayList<>(List.of(name, "Dining room", "A dish of the house"));
        tables.stream().map(Table::area).filter(area -> !area.equals("INSIDE")).distinct()
                .forEach(area -> captions.add(area.equals("TERRACE") ? "Terrace" : "Bar"));
        int count = Math.min(captions.size(), 1 + random.nextInt(4));
        List<Photo> photos = new ArrayList<>(count);
        for (int p = 0; p < count; p++) {
            photos.add(new Photo("https://images.stay.example/restaurants/" + n + "/" + (p + 1) + ".jpg",
                    captions.get(p)));
        }
        return List.copyOf(photos);
    }
}
