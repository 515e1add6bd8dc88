package dev.stay.catalog.restaurant;

import static dev.stay.catalog.db.Tables.RESTAURANT_TABLE;
import static org.jooq.impl.DSL.lower;

import dev.stay.catalog.db.enums.PropertyStatus;
import dev.stay.catalog.db.enums.TableArea;
import dev.stay.catalog.db.tables.records.RestaurantTableRecord;
import dev.stay.catalog.onboarding.Stored;
import dev.stay.codegen.catalog.types.CatalogErrorCode;
import dev.stay.codegen.catalog.types.RestaurantTableInput;
import dev.stay.common.graphql.Texts;
import dev.stay.common.security.Viewer;
import java.util.Optional;
import java.util.UUID;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.springframework.stereotype.Component;

/**
 * The tables a restaurant sells; each change is a change of the restaurant (its version goes up, its whole state is
 * published). Removing a table takes it off sale and keeps its row: the reservations it has keep their table.
 */
@Component
class RestaurantTables {

    private final DSLContext db;
    private final RestaurantChange change;

    RestaurantTables(DSLContext db, RestaurantChange change) {
        this.db = db;
        this.change = change;
    }

    RestaurantOutcome add(Optional<Viewer> viewer, String restaurantId, int version, RestaurantTableInput input) {
        return change.apply(viewer, restaurantId, version, (restaurant, rules) -> {
            rules.table(input);
            if (db.fetchCount(RESTAURANT_TABLE, onSale(restaurant.getId())) >= RestaurantRules.MAX_TABLES) {
                rules.refuse("input", CatalogErrorCode.TOO_MANY_TABLES, "at most " + RestaurantRules.MAX_TABLES
                        + " tables a restaurant");
            }
            checkLabel(restaurant.getId(), null, input, rules);
            if (!rules.ok()) return;
            RestaurantTableRecord table = db.newRecord(RESTAURANT_TABLE).setId(UUID.randomUUID())
                    .setRestaurantId(restaurant.getId()).setRemoved(false);
            write(table, input).store();
        });
    }

    RestaurantOutcome update(Optional<Viewer> viewer, String tableId, int version, RestaurantTableInput input) {
        return change.applyToTable(viewer, tableId, version, (restaurant, rules) -> {
            UUID id = UUID.fromString(tableId);
            rules.table(input);
            checkLabel(restaurant.getId(), id, input, rules);
            if (!rules.ok()) return;
            write(db.fetchSingle(RESTAURANT_TABLE, RESTAURANT_TABLE.ID.eq(id)), input).store();
        });
    }

    /** A published restaurant keeps at least one table on sale: unpublish it to take the last one away. */
    RestaurantOutcome remove(Optional<Viewer> viewer, String tableId, int version) {
        return change.applyToTable(viewer, tableId, version, (restaurant, rules) -> {
            if (restaurant.getStatus() == PropertyStatus.PUBLISHED
                    && db.fetchCount(RESTAURANT_TABLE, onSale(restaurant.getId())) == 1) {
                rules.refuse("id", CatalogErrorCode.INVALID_STATUS_CHANGE,
                        "a published restaurant keeps at least one table; unpublish it first");
                return;
            }
            db.update(RESTAURANT_TABLE).set(RESTAURANT_TABLE.REMOVED, true)
                    .where(RESTAURANT_TABLE.ID.eq(UUID.fromString(tableId))).execute();
        });
    }

    /**
     * Labels are unique among the tables on sale, case ignored, as the database's partial unique index has it. A label
     * refused already (blank, too long, a control character PostgreSQL would not even take as a parameter) is not
     * looked up.
     */
    private void checkLabel(UUID restaurantId, UUID self, RestaurantTableInput input, RestaurantRules rules) {
        String label = input.getLabel();
        if (label == null || label.isBlank() || Texts.hasControlCharacters(label)
                || label.strip().length() > RestaurantRules.MAX_LABEL) {
            return;
        }
        Condition sameLabel = onSale(restaurantId).and(lower(RESTAURANT_TABLE.LABEL).eq(Stored.text(input.getLabel())
                .toLowerCase(java.util.Locale.ROOT)));
        if (self != null) sameLabel = sameLabel.and(RESTAURANT_TABLE.ID.ne(self));
        if (db.fetchExists(RESTAURANT_TABLE, sameLabel)) {
            rules.refuse("input.label", CatalogErrorCode.DUPLICATE_LABEL, "another table is labelled "
                    + Stored.text(input.getLabel()));
        }
    }

    private static RestaurantTableRecord write(RestaurantTableRecord table, RestaurantTableInput input) {
        return table.setLabel(Stored.text(input.getLabel()))
                .setMinParty((short) (input.getMinParty() == null ? 1 : input.getMinParty()))
                .setMaxParty((short) input.getMaxParty())
                .setArea(input.getArea() == null ? TableArea.INSIDE : TableArea.valueOf(input.getArea().name()));
    }

    private static Condition onSale(UUID restaurantId) {
        return RESTAURANT_TABLE.RESTAURANT_ID.eq(restaurantId).and(RESTAURANT_TABLE.REMOVED.isFalse());
    }
}
