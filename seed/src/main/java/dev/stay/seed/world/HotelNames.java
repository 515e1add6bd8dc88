package dev.stay.seed.world;

import dev.stay.seed.world.DemoWorld.RoomType;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;

/** Names and descriptions of hotels, from what the hotel is: its stars, where it is, what it has. */
final class HotelNames {

    /** @param noun what the description calls it: hotel, guesthouse, ryokan... */
    record Named(String name, String noun, District district) {}

    /** A part of town; {@code phrase} is how a description names it after "near the". */
    record District(String title, String phrase, double fromKm, double toKm, boolean coastal) {}

    private static final List<District> DISTRICTS = List.of(
            new District("Old Town", "old town", 0, 1.5, false),
            new District("Cathedral", "cathedral", 0, 1.2, false),
            new District("Central", "main square", 0, 0.8, false),
            new District("Market", "central market", 0.5, 3, false),
            new District("Station", "main station", 0.5, 3, false),
            new District("Riverside", "river", 0.5, 5, false),
            new District("University", "university", 1, 5, false),
            new District("Park", "city park", 1, 6, false),
            new District("Arts District", "arts district", 1, 4, false),
            new District("Harbour", "harbour", 0.5, 5, true),
            new District("Waterfront", "waterfront", 0.5, 6, true),
            new District("Beach", "beach", 2, 12, true),
            new District("Business District", "business district", 3, 12, false),
            new District("Gardens", "botanical gardens", 3, 12, false),
            new District("Hills", "hills", 5, 12, false));

    /** What a hotel of one to five stars calls itself, with how a description names it. */
    private static final List<List<String[]>> KINDS = List.of(
            List.of(new String[] {"Hostel", "hostel"}, new String[] {"Guesthouse", "guesthouse"}, new String[] {"Inn", "inn"}, new String[] {"Rooms", "guesthouse"}),
            List.of(new String[] {"Inn", "inn"}, new String[] {"Guesthouse", "guesthouse"}, new String[] {"Hotel", "hotel"}, new String[] {"Lodge", "lodge"}),
            List.of(new String[] {"Hotel", "hotel"}, new String[] {"House", "hotel"}, new String[] {"Suites", "hotel"}, new String[] {"Inn", "inn"}),
            List.of(new String[] {"Hotel", "hotel"}, new String[] {"Suites", "hotel"}, new String[] {"Residences", "hotel"}, new String[] {"Boutique Hotel", "boutique hotel"}),
            List.of(new String[] {"Hotel", "hotel"}, new String[] {"Palace", "palace hotel"}, new String[] {"Grand Hotel", "hotel"}, new String[] {"Resort", "resort"}));
    private static final Map<String, String> LOCAL_NOUNS = Map.ofEntries(
            Map.entry("Pousada", "guesthouse"), Map.entry("Casa", "guesthouse"), Map.entry("Solar", "manor house"),
            Map.entry("Hostal", "guesthouse"), Map.entry("Posada", "inn"), Map.entry("Hôtel", "hotel"),
            Map.entry("Maison", "guesthouse"), Map.entry("Auberge", "inn"), Map.entry("Albergo", "hotel"),
            Map.entry("Palazzo", "palazzo"), Map.entry("Locanda", "inn"), Map.entry("Gasthof", "inn"),
            Map.entry("Pension", "guesthouse"), Map.entry("Penzion", "guesthouse"), Map.entry("Villa", "villa"),
            Map.entry("Konak", "mansion hotel"), Map.entry("Riad", "riad"), Map.entry("Dar", "guesthouse"),
            Map.entry("Ryokan", "ryokan"), Map.entry("Baan", "guesthouse"), Map.entry("Haveli", "haveli"));
    /** Local words that suit a four- or five-star house too. */
    private static final Set<String> GRAND_LOCAL_WORDS = Set.of("Palazzo", "Solar", "Haveli", "Konak", "Riad", "Villa", "Ryokan");
    private static final List<String> STYLES = List.of("Grand", "Royal", "Garden", "Central", "Park", "Urban",
            "Corner", "Plaza", "Boulevard", "Heritage", "Skyline", "Meridian", "Cedar", "Olive", "Linden", "Maple",
            "Azure", "Sunset", "Orchard", "Lantern", "Compass", "Ivy", "Juniper", "Saffron", "Atlas", "Nomad");
    private static final List<String> SEASIDE_STYLES = List.of("Harbour", "Coral", "Seaside", "Marina", "Lighthouse");
    private static final String[] STAR_WORDS = {"simple one-star", "two-star", "three-star", "four-star", "five-star"};

    private HotelNames() {
    }

    static Named name(Random random, Cities.Entry place, int stars, double distanceKm, List<String> amenities, String brand) {
        District district = district(random, place, distanceKm);
        String city = place.city().name();
        if (brand != null) {
            return new Named(brand + " " + city + " " + district.title(), "hotel", district);
        }
        List<String> local = place.culture().localHotelWords().stream()
                .filter(word -> stars <= 3 || GRAND_LOCAL_WORDS.contains(word)).toList();
        if (!local.isEmpty() && Randoms.chance(random, 0.35)) {
            String word = Randoms.pick(random, local);
            return new Named(word + " " + place.culture().familyName(random), LOCAL_NOUNS.get(word), district);
        }
        List<String[]> kinds = KINDS.get(stars - 1).stream()
                .filter(kind -> !kind[0].equals("Resort") || place.coastal() || place.tropical()).toList();
        String[] kind = Randoms.pick(random, kinds);
        List<String> styles = place.coastal() && Randoms.chance(random, 0.3) ? SEASIDE_STYLES : STYLES;
        String style = Randoms.pick(random, styles);
        String name = switch (random.nextInt(4)) {
            case 0 -> (kind[0].equals("House") || kind[0].equals("Residences") ? "The " : "") + style + " " + kind[0];
            case 1 -> city + " " + style + " " + kind[0];
            case 2 -> kind[0] + " " + district.title();
            default -> district.title() + " " + kind[0];
        };
        return new Named(name, kind[1], district);
    }

    private static District district(Random random, Cities.Entry place, double distanceKm) {
        List<District> near = DISTRICTS.stream()
                .filter(district -> distanceKm >= district.fromKm() && distanceKm < district.toKm())
                .filter(district -> !district.coastal() || place.coastal())
                .toList();
        return near.isEmpty() ? DISTRICTS.getLast() : Randoms.pick(random, near);
    }

    static String description(Random random, Named named, Cities.Entry place, int stars, double distanceKm,
                              List<String> amenities, List<RoomType> roomTypes, String brand, LocalTime checkIn,
                              LocalTime checkOut) {
        String city = place.city().name();
        String km = String.format(Locale.ROOT, "%.1f", distanceKm);
        String where = distanceKm < 0.8 ? "in the heart of " + city
                : distanceKm < 3 ? km + " km from the centre of " + city
                : "in a quieter part of " + city + ", " + km + " km from the centre";
        StringBuilder text = new StringBuilder()
                .append(named.name()).append(" is a ").append(STAR_WORDS[stars - 1]).append(' ').append(named.noun())
                .append(' ').append(where).append(", near the ").append(named.district().phrase()).append(". ");
        int rooms = roomTypes.stream().mapToInt(RoomType::defaultRooms).sum();
        text.append(rooms < 8 ? "It has just " + rooms + " rooms, from the " : "Its " + rooms + " rooms range from the ")
                .append(roomTypes.getFirst().name()).append(" to the ").append(roomTypes.getLast().name()).append(". ");
        List<String> highlights = new ArrayList<>(amenities.stream()
                .filter(amenity -> !amenity.equals("SEA_VIEW") && !amenity.equals("BALCONY")).toList());
        if (!highlights.isEmpty()) {
            text.append("Guests enjoy ").append(Amenities.phrase(highlights.subList(0, Math.min(5, highlights.size()))))
                    .append(". ");
        }
        List<String> touches = new ArrayList<>();
        if (amenities.contains("BREAKFAST")) touches.add("Breakfast is served every morning from 7:00.");
        if (amenities.contains("BAR") && stars >= 4) touches.add("The rooftop bar looks out over " + city + ".");
        if (amenities.contains("POOL") && place.tropical()) touches.add("The pool is open all year round.");
        if (amenities.contains("SEA_VIEW")) touches.add("Many rooms look out to sea.");
        if (amenities.contains("PET_FRIENDLY")) touches.add("Pets are welcome.");
        if (stars <= 2) touches.add("Simple, clean and good value.");
        if (brand != null) touches.add("Part of the " + brand + " group.");
        if (!touches.isEmpty()) {
            text.append(Randoms.pick(random, touches)).append(' ');
        }
        return text.append("Check-in from ").append(checkIn).append(", check-out until ").append(checkOut).append('.')
                .toString();
    }
}
