package dev.stay.seed.world;

import dev.stay.seed.world.DemoWorld.City;
import dev.stay.seed.world.DemoWorld.Hotel;
import dev.stay.seed.world.DemoWorld.Photo;
import dev.stay.seed.world.DemoWorld.RoomType;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;

/** One hotel of a {@link BlockPlan.Slot}, with everything drawn from the hotel's own generator. */
final class HotelFactory {

    /** Hotels stay within this distance of their city's centre. */
    static final double MAX_DISTANCE_KM = 12;
    private static final double KM_PER_DEGREE_LATITUDE = 110.574;
    private static final double KM_PER_DEGREE_LONGITUDE_AT_EQUATOR = 111.320;
    /** What a room costs against a three-star one, for one to five stars. */
    private static final double[] STAR_PRICE = {0.5, 0.7, 1.0, 1.45, 2.4};
    private static final List<String> EXTRA_PHOTOS = List.of("Terrace", "Breakfast", "Pool", "Spa", "Bar",
            "Restaurant", "Fitness room", "Sea view", "Garden", "Staircase");
    private static final Map<String, String> PHOTO_NEEDS = Map.of("Breakfast", "BREAKFAST", "Pool", "POOL",
            "Spa", "SPA", "Bar", "BAR", "Restaurant", "RESTAURANT", "Fitness room", "GYM", "Sea view", "SEA_VIEW");
    /** Postal code formats ({@code 9} a digit, {@code A} a letter) by country; none where there are no postal codes. */
    private static final Map<String, String> POSTAL_CODES = Map.ofEntries(
            Map.entry("PT", "9999-999"), Map.entry("BR", "99999-999"), Map.entry("GB", "AA9 9AA"),
            Map.entry("IE", "A99 A9A9"), Map.entry("NL", "9999 AA"), Map.entry("CA", "A9A 9A9"),
            Map.entry("JP", "999-9999"), Map.entry("PL", "99-999"), Map.entry("CZ", "999 99"),
            Map.entry("SE", "999 99"), Map.entry("GR", "999 99"), Map.entry("CN", "999999"), Map.entry("IN", "999999"),
            Map.entry("SG", "999999"), Map.entry("NG", "999999"), Map.entry("CO", "999999"), Map.entry("EC", "999999"),
            Map.entry("CL", "9999999"), Map.entry("AR", "A9999AAA"), Map.entry("TW", "999"), Map.entry("IS", "999"),
            Map.entry("AT", "9999"), Map.entry("CH", "9999"), Map.entry("DK", "9999"), Map.entry("NO", "9999"),
            Map.entry("BE", "9999"), Map.entry("AU", "9999"), Map.entry("NZ", "9999"), Map.entry("ZA", "9999"),
            Map.entry("HU", "9999"), Map.entry("PH", "9999"), Map.entry("ET", "9999"),
            Map.entry("AE", ""), Map.entry("QA", ""), Map.entry("HK", ""), Map.entry("GH", ""), Map.entry("PA", ""),
            Map.entry("TZ", ""));

    private HotelFactory() {
    }

    static Hotel hotel(long seed, BlockPlan.Slot slot) {
        int n = slot.number();
        Random random = Randoms.of(seed, "hotel", n);
        Cities.Entry place = slot.place();
        City city = place.city();

        Spot spot = spot(random, place);
        double distanceKm = spot.distanceKm();
        double lat = spot.lat();
        double lon = spot.lon();

        int stars = slot.stars();
        List<String> amenities = Amenities.forHotel(random, stars, place, distanceKm);
        HotelNames.Named named = HotelNames.name(random, place, stars, distanceKm, amenities, slot.brand());
        // central and well-rated hotels cost more; the rest is the hotel's own pricing
        double price = city.priceLevel().doubleValue() * STAR_PRICE[stars - 1] * Randoms.logNormal(random, 1, 0.18)
                * (1.15 - 0.025 * Math.min(distanceKm, 10));
        List<RoomType> roomTypes = RoomTypes.forHotel(random, n, stars, slot.rooms(), price, city.currency(), amenities);
        LocalTime checkIn = LocalTime.of(14 + Randoms.weighted(random, 25, 55, 20), 0);
        LocalTime checkOut = LocalTime.of(10 + Randoms.weighted(random, 25, 50, 25), 0);
        String description = HotelNames.description(random, named, place, stars, distanceKm, amenities, roomTypes,
                slot.brand(), checkIn, checkOut);
        return new Hotel(DemoWorld.hotelId(n), slot.owner().id(), named.name(), description, stars, city,
                place.culture().street(random), postalCode(random, city.country()), lat, lon, checkIn, checkOut,
                amenities, photos(random, n, named.name(), stars, city.name(), amenities), roomTypes);
    }

    /** Where a hotel or a restaurant stands, and how far that is from its city's centre. */
    record Spot(double lat, double lon, double distanceKm) {}

    /** Around the city centre, denser in the middle: the distance from the centre of a two-dimensional normal spread. */
    static Spot spot(Random random, Cities.Entry place) {
        City city = place.city();
        double distanceKm;
        do {
            distanceKm = place.spreadKm() * StrictMath.sqrt(-2 * StrictMath.log(1 - random.nextDouble()));
        } while (distanceKm > MAX_DISTANCE_KM);
        double bearing = 2 * Math.PI * random.nextDouble();
        return new Spot(round6(city.lat() + distanceKm * StrictMath.cos(bearing) / KM_PER_DEGREE_LATITUDE),
                round6(city.lon() + distanceKm * StrictMath.sin(bearing)
                        / (KM_PER_DEGREE_LONGITUDE_AT_EQUATOR * StrictMath.cos(StrictMath.toRadians(city.lat())))),
                distanceKm);
    }

    /** Three to eight: the front first, then the lobby, a room, and what the hotel has to show. */
    private static List<Photo> photos(Random random, int n, String name, int stars, String city, List<String> amenities) {
        int count = Math.min(8, 3 + stars / 2 + random.nextInt(4));
        List<String> extras = new ArrayList<>(EXTRA_PHOTOS.stream()
                .filter(caption -> !PHOTO_NEEDS.containsKey(caption) || amenities.contains(PHOTO_NEEDS.get(caption)))
                .toList());
        Collections.shuffle(extras, random);
        List<String> captions = new ArrayList<>(List.of(name, "Lobby", "Guest room", "Bathroom", "View over " + city));
        captions.addAll(3, extras);
        List<Photo> photos = new ArrayList<>(count);
        for (int p = 0; p < count; p++) {
            photos.add(new Photo("https://images.stay.example/hotels/" + n + "/" + (p + 1) + ".jpg", captions.get(p)));
        }
        return List.copyOf(photos);
    }

    static String postalCode(Random random, String country) {
        String format = POSTAL_CODES.getOrDefault(country, "99999");
        if (format.isEmpty()) {
            return null;
        }
        StringBuilder code = new StringBuilder(format.length());
        for (char c : format.toCharArray()) {
            code.append(switch (c) {
                case '9' -> (char) ('0' + random.nextInt(10));
                case 'A' -> (char) ('A' + random.nextInt(26));
                default -> c;
            });
        }
        return code.toString();
    }

    private static double round6(double degrees) {
        return Math.round(degrees * 1e6) / 1e6;
    }
}
