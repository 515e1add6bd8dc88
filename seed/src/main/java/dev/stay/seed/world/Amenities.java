package dev.stay.seed.world;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;

/** Which amenities a hotel has: more with more stars, pools by the sea and in the tropics, parking out of the centre. */
final class Amenities {

    /** In the order of schema/catalog's {@code Amenity} enum and the catalog's {@code amenity} type. */
    static final List<String> VOCABULARY = List.of("WIFI", "PARKING", "POOL", "SPA", "GYM", "RESTAURANT", "BAR",
            "AIR_CONDITIONING", "PET_FRIENDLY", "BREAKFAST", "AIRPORT_SHUTTLE", "ACCESSIBLE", "KITCHEN", "BALCONY",
            "SEA_VIEW", "FAMILY_ROOMS");

    /** Chance of each amenity, in {@link #VOCABULARY} order, for one to five stars. */
    private static final double[][] CHANCE = {
            {0.85, 0.93, 0.98, 1.00, 1.00},  // WIFI
            {0.30, 0.45, 0.55, 0.60, 0.65},  // PARKING
            {0.03, 0.08, 0.20, 0.40, 0.65},  // POOL
            {0.00, 0.02, 0.08, 0.30, 0.75},  // SPA
            {0.02, 0.10, 0.35, 0.70, 0.90},  // GYM
            {0.10, 0.30, 0.55, 0.80, 0.95},  // RESTAURANT
            {0.15, 0.35, 0.60, 0.85, 0.95},  // BAR
            {0.30, 0.50, 0.70, 0.85, 0.95},  // AIR_CONDITIONING
            {0.20, 0.25, 0.25, 0.20, 0.15},  // PET_FRIENDLY
            {0.40, 0.60, 0.75, 0.85, 0.90},  // BREAKFAST
            {0.03, 0.05, 0.10, 0.20, 0.35},  // AIRPORT_SHUTTLE
            {0.20, 0.35, 0.60, 0.80, 0.90},  // ACCESSIBLE
            {0.25, 0.15, 0.05, 0.03, 0.02},  // KITCHEN
            {0.10, 0.15, 0.25, 0.30, 0.40},  // BALCONY
            {0.10, 0.15, 0.20, 0.30, 0.40},  // SEA_VIEW, by the sea only
            {0.30, 0.40, 0.50, 0.50, 0.45}}; // FAMILY_ROOMS

    private static final Map<String, String> PHRASES = Map.ofEntries(
            Map.entry("WIFI", "free Wi-Fi"), Map.entry("PARKING", "on-site parking"),
            Map.entry("POOL", "a swimming pool"), Map.entry("SPA", "a spa"), Map.entry("GYM", "a fitness room"),
            Map.entry("RESTAURANT", "a restaurant"), Map.entry("BAR", "a bar"),
            Map.entry("AIR_CONDITIONING", "air conditioning"), Map.entry("PET_FRIENDLY", "a welcome for pets"),
            Map.entry("BREAKFAST", "breakfast"), Map.entry("AIRPORT_SHUTTLE", "an airport shuttle"),
            Map.entry("ACCESSIBLE", "step-free access"), Map.entry("KITCHEN", "a kitchen"),
            Map.entry("BALCONY", "a balcony"), Map.entry("SEA_VIEW", "a sea view"),
            Map.entry("FAMILY_ROOMS", "family rooms"));

    private Amenities() {
    }

    static List<String> forHotel(Random random, int stars, Cities.Entry place, double distanceKm) {
        List<String> amenities = new ArrayList<>();
        for (int a = 0; a < VOCABULARY.size(); a++) {
            String amenity = VOCABULARY.get(a);
            double chance = CHANCE[a][stars - 1];
            switch (amenity) {
                case "PARKING", "AIRPORT_SHUTTLE" -> chance = Math.min(1, chance + 0.05 * Math.min(distanceKm, 8));
                case "POOL" -> chance = place.tropical() || place.coastal() ? Math.min(1, chance * 1.6) : chance;
                case "AIR_CONDITIONING" -> chance = place.tropical() ? 0.97 : chance;
                case "SEA_VIEW" -> chance = place.coastal() ? chance : 0;
                default -> { }
            }
            if (Randoms.chance(random, chance)) {
                amenities.add(amenity);
            }
        }
        return List.copyOf(amenities);
    }

    /** {@code free Wi-Fi, a bar and a spa}: how a description lists amenities. */
    static String phrase(List<String> amenities) {
        List<String> phrases = amenities.stream().map(PHRASES::get).toList();
        if (phrases.size() == 1) {
            return phrases.getFirst();
        }
        return String.join(", ", phrases.subList(0, phrases.size() - 1)) + " and " + phrases.getLast();
    }
}
