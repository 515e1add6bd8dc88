package dev.stay.catalog.search;

import static dev.stay.catalog.db.Tables.PROPERTY;
import static dev.stay.catalog.db.Tables.PROPERTY_RATING;

import dev.stay.catalog.availability.BookableStays;
import dev.stay.catalog.db.enums.PropertyKind;
import dev.stay.catalog.db.enums.PropertyStatus;
import java.math.BigDecimal;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Record;
import org.springframework.stereotype.Repository;

/** Reads what the index holds of published hotels: the property, its rating and its lowest base price. */
@Repository
class PropertyDocuments implements IndexRebuild.Source<IndexedProperty> {

    private final DSLContext db;
    private final BookableStays stays;

    PropertyDocuments(DSLContext db, BookableStays stays) {
        this.db = db;
        this.stays = stays;
    }

    /** The published hotels among these ids; the others (drafts, suspended, restaurants, gone) are not in it. */
    List<IndexedProperty> published(Collection<UUID> ids) {
        return read(PROPERTY.ID.in(ids), ids.size());
    }

    @Override
    public List<IndexedProperty> publishedAfter(UUID after, int limit) {
        return read(after == null ? PROPERTY.ID.isNotNull() : PROPERTY.ID.gt(after), limit);
    }

    @Override
    public long countPublished() {
        return db.fetchCount(PROPERTY, searchable());
    }

    private List<IndexedProperty> read(Condition which, int limit) {
        long readAt = System.currentTimeMillis(); // before the read: whatever committed before it is in what it reads
        List<Record> rows = List.copyOf(db.select(PROPERTY.ID, PROPERTY.NAME, PROPERTY.DESCRIPTION, PROPERTY.CITY,
                        PROPERTY.COUNTRY, PROPERTY.LAT, PROPERTY.LON, PROPERTY.AMENITIES, PROPERTY.STARS,
                        PROPERTY.CURRENCY, PROPERTY_RATING.AVERAGE, PROPERTY_RATING.REVIEW_COUNT)
                .from(PROPERTY).leftJoin(PROPERTY_RATING).on(PROPERTY_RATING.PROPERTY_ID.eq(PROPERTY.ID))
                .where(which).and(searchable())
                .orderBy(PROPERTY.ID).limit(limit)
                .fetch());
        Map<UUID, BigDecimal> prices = rows.isEmpty() ? Map.of()
                : stays.lowestBasePrices(rows.stream().map(row -> row.get(PROPERTY.ID)).toList());
        return rows.stream().map(row -> {
            BigDecimal average = row.get(PROPERTY_RATING.AVERAGE);
            Integer reviews = row.get(PROPERTY_RATING.REVIEW_COUNT);
            BigDecimal price = prices.get(row.get(PROPERTY.ID));
            return new IndexedProperty(row.get(PROPERTY.ID), row.get(PROPERTY.NAME), row.get(PROPERTY.DESCRIPTION),
                    row.get(PROPERTY.CITY), row.get(PROPERTY.COUNTRY),
                    new IndexedProperty.Location(row.get(PROPERTY.LAT), row.get(PROPERTY.LON)),
                    Arrays.stream(row.get(PROPERTY.AMENITIES)).map(Enum::name).toList(), row.get(PROPERTY.STARS),
                    average == null ? null : average.doubleValue(), reviews == null ? 0 : reviews,
                    price == null ? null : price.doubleValue(), row.get(PROPERTY.CURRENCY), readAt);
        }).toList();
    }

    private static Condition searchable() {
        return PROPERTY.STATUS.eq(PropertyStatus.PUBLISHED).and(PROPERTY.KIND.eq(PropertyKind.HOTEL));
    }
}
