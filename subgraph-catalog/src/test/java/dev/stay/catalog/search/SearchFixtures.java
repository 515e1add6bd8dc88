package dev.stay.catalog.search;

import static dev.stay.catalog.db.Tables.PROPERTY;
import static dev.stay.catalog.db.Tables.PROPERTY_RATING;

import dev.stay.catalog.db.enums.Amenity;
import dev.stay.catalog.db.enums.PropertyStatus;
import dev.stay.catalog.db.tables.records.PropertyRecord;
import java.math.BigDecimal;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.jooq.DSLContext;

/**
 * Published hotels written straight to the catalog's tables and indexed, each test in a city of its own (a random
 * suffix), so tests never see each other's hotels.
 */
final class SearchFixtures {

    private final DSLContext db;
    private final PropertyIndexer indexer;

    SearchFixtures(DSLContext db, PropertyIndexer indexer) {
        this.db = db;
        this.indexer = indexer;
    }

    /** A city name no other test uses, with an accent: "São Tomé Qxzv". */
    static String aCity() {
        StringBuilder suffix = new StringBuilder();
        for (int i = 0; i < 6; i++) suffix.append((char) ('a' + ThreadLocalRandom.current().nextInt(26)));
        return "São Tomé " + Character.toUpperCase(suffix.charAt(0)) + suffix.substring(1);
    }

    record Spec(String name, String city, int stars, Double rating, int reviews, double lat, double lon,
                Amenity... amenities) {}

    UUID aHotel(Spec spec) {
        UUID id = UUID.randomUUID();
        db.insertInto(PROPERTY).set(new PropertyRecord().setId(id).setOwnerId(UUID.randomUUID())
                .setStatus(PropertyStatus.PUBLISHED).setName(spec.name()).setDescription("Rooms by the harbour")
                .setStars(spec.stars()).setStreet("Rua 1").setCity(spec.city()).setCountry("ST")
                .setLat(spec.lat()).setLon(spec.lon()).setTimeZone("Africa/Sao_Tome").setCurrency("EUR")
                .setAmenities(spec.amenities())).execute();
        if (spec.rating() != null) {
            db.insertInto(PROPERTY_RATING).set(PROPERTY_RATING.PROPERTY_ID, id)
                    .set(PROPERTY_RATING.AVERAGE, BigDecimal.valueOf(spec.rating()))
                    .set(PROPERTY_RATING.REVIEW_COUNT, spec.reviews()).execute();
        }
        return id;
    }

    /** Indexed as the Kafka feed would, visible to searches when it returns. */
    void indexed(List<UUID> ids) {
        indexer.refresh(ids);
    }
}
