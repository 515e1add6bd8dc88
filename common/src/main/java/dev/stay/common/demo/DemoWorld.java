package dev.stay.common.demo;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.UUID;

/**
 * The demo data set, generated from a fixed seed so that every subgraph derives the same world on its own:
 * catalog seeds the hotels and room types, booking their inventory and rates, users the owners' profiles.
 * Ids are name-based UUIDs, so a hotel's id is the same in every database and on every run.
 */
public final class DemoWorld {

    public record City(String name, String region, String country, double lat, double lon, String timeZone,
                       String currency, BigDecimal priceLevel) {}

    public record Owner(UUID id, String displayName, String email) {}

    public record RoomType(UUID id, String name, String description, int maxAdults, int maxChildren, String beds,
                           int sizeSqm, List<String> amenities, int defaultRooms, BigDecimal basePrice,
                           int freeCancellationHours, int penaltyPercent) {}

    public record Hotel(UUID id, UUID ownerId, String name, String description, int stars, City city, String street,
                        String postalCode, double lat, double lon, List<String> amenities, List<String> photoUrls,
                        List<RoomType> roomTypes) {}

    static final List<City> CITIES = List.of(
            new City("Lisbon", "Lisboa", "PT", 38.7223, -9.1393, "Europe/Lisbon", "EUR", new BigDecimal("95")),
            new City("Porto", "Porto", "PT", 41.1579, -8.6291, "Europe/Lisbon", "EUR", new BigDecimal("80")),
            new City("Paris", "Île-de-France", "FR", 48.8566, 2.3522, "Europe/Paris", "EUR", new BigDecimal("160")),
            new City("Barcelona", "Catalonia", "ES", 41.3874, 2.1686, "Europe/Madrid", "EUR", new BigDecimal("130")),
            new City("Rome", "Lazio", "IT", 41.9028, 12.4964, "Europe/Rome", "EUR", new BigDecimal("125")),
            new City("Berlin", "Berlin", "DE", 52.5200, 13.4050, "Europe/Berlin", "EUR", new BigDecimal("105")),
            new City("London", "England", "GB", 51.5072, -0.1276, "Europe/London", "GBP", new BigDecimal("150")),
            new City("New York", "New York", "US", 40.7128, -74.0060, "America/New_York", "USD", new BigDecimal("210")),
            new City("Tokyo", "Tokyo", "JP", 35.6762, 139.6503, "Asia/Tokyo", "JPY", new BigDecimal("18000")),
            new City("Sydney", "New South Wales", "AU", -33.8688, 151.2093, "Australia/Sydney", "AUD", new BigDecimal("190")),
            new City("Mexico City", "CDMX", "MX", 19.4326, -99.1332, "America/Mexico_City", "MXN", new BigDecimal("1600")),
            new City("Cape Town", "Western Cape", "ZA", -33.9249, 18.4241, "Africa/Johannesburg", "ZAR", new BigDecimal("1500")));

    private static final String[] NAME_STYLES = {"Grand", "Boutique", "Harbour", "Garden", "Old Town", "Riverside",
            "Central", "Park", "Royal", "Urban", "Palace", "Corner"};
    private static final String[] NAME_KINDS = {"Hotel", "Suites", "Inn", "House", "Residences", "Lodge"};
    private static final String[] STREETS = {"Main Street", "Market Square", "Harbour Road", "Station Avenue",
            "Church Lane", "Park Row", "River Walk", "King Street"};
    private static final String[] HOTEL_AMENITIES = {"WIFI", "PARKING", "POOL", "SPA", "GYM", "RESTAURANT", "BAR",
            "AIR_CONDITIONING", "PET_FRIENDLY", "BREAKFAST", "AIRPORT_SHUTTLE", "ACCESSIBLE", "FAMILY_ROOMS"};
    private static final String[] ROOM_AMENITIES = {"WIFI", "AIR_CONDITIONING", "KITCHEN", "BALCONY", "SEA_VIEW",
            "ACCESSIBLE"};
    private static final String[] OWNER_NAMES = {"Ana Sousa", "Marc Dubois", "Lucia Romano", "Jonas Weber",
            "Emily Clarke", "Kenji Sato", "Olivia Brown", "Diego Hernández"};

    private final List<Owner> owners;
    private final List<Hotel> hotels;

    private DemoWorld(int hotelCount, long seed) {
        Random random = new Random(seed);
        owners = new ArrayList<>();
        for (int i = 0; i < OWNER_NAMES.length; i++) {
            String name = OWNER_NAMES[i];
            owners.add(new Owner(id("owner", i), name,
                    name.toLowerCase().split(" ")[0] + ".owner@stay.example"));
        }
        hotels = new ArrayList<>(hotelCount);
        for (int i = 0; i < hotelCount; i++) {
            hotels.add(hotel(i, random));
        }
    }

    /** The small set {@code ./platform up} loads. */
    public static DemoWorld small() {
        return new DemoWorld(48, 20261122L);
    }

    public List<Owner> owners() {
        return owners;
    }

    public List<Hotel> hotels() {
        return hotels;
    }

    private Hotel hotel(int i, Random random) {
        City city = CITIES.get(i % CITIES.size());
        int stars = 1 + weighted(random, new int[] {1, 3, 6, 5, 2});
        String name = NAME_STYLES[random.nextInt(NAME_STYLES.length)] + " " + city.name() + " "
                + NAME_KINDS[random.nextInt(NAME_KINDS.length)];
        // within ~3 km of the centre
        double lat = city.lat() + (random.nextDouble() - 0.5) * 0.05;
        double lon = city.lon() + (random.nextDouble() - 0.5) * 0.05;
        List<String> amenities = pick(random, HOTEL_AMENITIES, 3 + stars);
        List<String> photos = new ArrayList<>();
        for (int p = 0; p < 3 + random.nextInt(4); p++) {
            photos.add("https://images.stay.example/hotels/" + (i + 1) + "/" + (p + 1) + ".jpg");
        }
        UUID hotelId = id("hotel", i);
        BigDecimal level = city.priceLevel().multiply(BigDecimal.valueOf(0.6 + stars * 0.25));
        List<RoomType> rooms = new ArrayList<>();
        String[][] kinds = {{"Standard Double", "1 double bed", "2", "0"}, {"Twin Room", "2 single beds", "2", "0"},
                {"Family Room", "1 double bed and 2 single beds", "2", "2"}, {"Junior Suite", "1 king bed", "2", "1"}};
        int roomKinds = 2 + random.nextInt(3);
        for (int r = 0; r < roomKinds; r++) {
            String[] kind = kinds[r];
            BigDecimal price = level.multiply(BigDecimal.valueOf(1 + r * 0.3 + random.nextDouble() * 0.2))
                    .setScale(city.currency().equals("JPY") ? 0 : 2, RoundingMode.HALF_UP);
            boolean refundable = random.nextInt(5) != 0;
            rooms.add(new RoomType(id("room-type", i * 10 + r), kind[0],
                    kind[0] + " with " + kind[1] + " at " + name + ".",
                    Integer.parseInt(kind[2]), Integer.parseInt(kind[3]), kind[1], 16 + r * 8 + random.nextInt(6),
                    pick(random, ROOM_AMENITIES, 2 + random.nextInt(3)), 3 + random.nextInt(18), price,
                    refundable ? 24 * (1 + random.nextInt(3)) : 0, refundable ? (random.nextBoolean() ? 50 : 100) : 100));
        }
        return new Hotel(hotelId, owners.get(i % owners.size()).id(), name,
                stars + "-star stay in " + city.name() + ", a short walk from the centre.", stars, city,
                (1 + random.nextInt(200)) + " " + STREETS[random.nextInt(STREETS.length)],
                String.valueOf(10000 + random.nextInt(89999)), lat, lon, amenities, photos, rooms);
    }

    private static int weighted(Random random, int[] weights) {
        int total = 0;
        for (int w : weights) total += w;
        int roll = random.nextInt(total);
        for (int i = 0; i < weights.length; i++) {
            roll -= weights[i];
            if (roll < 0) return i;
        }
        return weights.length - 1;
    }

    private static List<String> pick(Random random, String[] from, int count) {
        List<String> all = new ArrayList<>(List.of(from));
        java.util.Collections.shuffle(all, random);
        return List.copyOf(all.subList(0, Math.min(count, all.size())).stream().sorted().toList());
    }

    private static UUID id(String kind, int n) {
        return UUID.nameUUIDFromBytes(("stay-demo:" + kind + ":" + n).getBytes(StandardCharsets.UTF_8));
    }
}
