package dev.stay.catalog.restaurantsearch;

import static dev.stay.catalog.db.Tables.RESTAURANT;
import static dev.stay.catalog.db.Tables.RESTAURANT_RATING;

import dev.stay.catalog.db.enums.PropertyStatus;
import dev.stay.catalog.search.IndexRebuild;
import java.math.BigDecimal;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.stream.Collectors;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Record;
import org.springframework.stereotype.Repository;

/**
 * Reads what the index holds of published restaurants: the restaurant and its rating ({@code restaurant_rating}, kept
 * by restaurant reviews and announced as {@code restaurant-rated} on {@code catalog.restaurant}, which re-reads it).
 */
@Repository
class RestaurantDocuments implements IndexRebuild.Source<IndexedRestaurant> {

    private final DSLContext db;

    RestaurantDocuments(DSLContext db) {
        this.db = db;
    }

    /** The published restaurants among these ids; the others (drafts, suspended, gone) are not in it. */
    List<IndexedRestaurant> published(Collection<UUID> ids) {
        return read(RESTAURANT.ID.in(ids), ids.size());
    }

    @Override
    public List<IndexedRestaurant> publishedAfter(UUID after, int limit) {
        return read(after == null ? RESTAURANT.ID.isNotNull() : RESTAURANT.ID.gt(after), limit);
    }

    @Override
    public long countPublished() {
        return db.fetchCount(RESTAURANT, RESTAURANT.STATUS.eq(PropertyStatus.PUBLISHED));
    }

    private List<IndexedRestaurant> read(Condition which, int limit) {
        long readAt = System.currentTimeMillis(); // before the read: whatever committed before it is in what it reads
        return db.select(RESTAURANT.ID, RESTAURANT.NAME, RESTAURANT.DESCRIPTION, RESTAURANT.CITY, RESTAURANT.COUNTRY,
                        RESTAURANT.LAT, RESTAURANT.LON, RESTAURANT.CUISINES, RESTAURANT.PRICE_RANGE,
                        RESTAURANT.TIME_ZONE, RESTAURANT_RATING.AVERAGE, RESTAURANT_RATING.REVIEW_COUNT)
                .from(RESTAURANT).leftJoin(RESTAURANT_RATING).on(RESTAURANT_RATING.RESTAURANT_ID.eq(RESTAURANT.ID))
                .where(which).and(RESTAURANT.STATUS.eq(PropertyStatus.PUBLISHED))
                .orderBy(RESTAURANT.ID).limit(limit)
                .fetch(row -> document(row, readAt));
    }

    private static IndexedRestaurant document(Record row, long readAt) {
        List<String> cuisines = Arrays.stream(row.get(RESTAURANT.CUISINES)).map(Enum::name).sorted().toList();
        BigDecimal average = row.get(RESTAURANT_RATING.AVERAGE);
        Integer reviews = row.get(RESTAURANT_RATING.REVIEW_COUNT);
        String words = cuisines.stream().map(c -> c.replace('_', ' ').toLowerCase(Locale.ROOT))
                .collect(Collectors.joining(" "));
        return new IndexedRestaurant(row.get(RESTAURANT.ID), row.get(RESTAURANT.NAME), row.get(RESTAURANT.DESCRIPTION),
                row.get(RESTAURANT.CITY), row.get(RESTAURANT.COUNTRY),
                new IndexedRestaurant.Location(row.get(RESTAURANT.LAT), row.get(RESTAURANT.LON)), cuisines, words,
                row.get(RESTAURANT.PRICE_RANGE), average == null ? null : average.doubleValue(),
                reviews == null ? 0 : reviews, row.get(RESTAURANT.TIME_ZONE), readAt);
    }
}
