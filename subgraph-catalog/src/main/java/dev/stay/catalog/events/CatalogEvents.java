package dev.stay.catalog.events;

import dev.stay.catalog.db.tables.records.PropertyRecord;
import dev.stay.catalog.db.tables.records.UnitTypeRecord;
import dev.stay.common.outbox.Outbox;
import java.time.Instant;
import java.util.Objects;
import java.util.UUID;
import org.springframework.stereotype.Component;

/**
 * What the catalog tells the rest of Stay about its properties and unit types. Call these inside the transaction
 * that writes the change, after writing it: the event is published if and only if that transaction commits.
 *
 * <p>Every event of a property, of the property itself and of its unit types alike, goes to one topic,
 * {@value #TOPIC}, keyed by the property id: consumers get them in the order they were written, so a unit type never
 * arrives before its property. The envelope's {@code type} says which fact it is ({@value #PROPERTY_CHANGED},
 * {@value #UNIT_TYPE_CHANGED}). Consumers keep the newest state by the property's version: bump
 * {@code property.version} with every change to the property or to one of its unit types, and announce the property
 * before its first unit type.
 */
@Component
public class CatalogEvents {

    /** The catalog's property aggregate: the property and its unit types. */
    public static final String TOPIC = "catalog.property";
    public static final String PROPERTY_CHANGED = "property-changed";
    public static final String UNIT_TYPE_CHANGED = "unit-type-changed";
    public static final String PROPERTY_RATED = "property-rated";
    /**
     * The catalog's restaurant aggregate: the restaurant and its tables, one event type with the whole state, keyed
     * by the restaurant id.
     */
    public static final String RESTAURANT_TOPIC = "catalog.restaurant";
    public static final String RESTAURANT_CHANGED = "restaurant-changed";

    private final Outbox outbox;

    public CatalogEvents(Outbox outbox) {
        this.outbox = outbox;
    }

    /** @return the event id */
    public UUID propertyChanged(PropertyChanged event) {
        return outbox.append(TOPIC, event.propertyId().toString(), PROPERTY_CHANGED, event);
    }

    /** @return the event id */
    public UUID unitTypeChanged(UnitTypeChanged event) {
        return outbox.append(TOPIC, event.propertyId().toString(), UNIT_TYPE_CHANGED, event);
    }

    /** @return the event id */
    public UUID propertyRated(PropertyRated event) {
        return outbox.append(TOPIC, event.propertyId().toString(), PROPERTY_RATED, event);
    }

    /** @return the event id */
    public UUID restaurantChanged(RestaurantChanged event) {
        return outbox.append(RESTAURANT_TOPIC, event.restaurantId().toString(), RESTAURANT_CHANGED, event);
    }

    /**
     * Announces the property as stored: pass the record the write returned ({@code insertInto(...).returning()},
     * or after {@code refresh()}), so the database's defaults (kind, status, check-in time, version) are in it.
     */
    public UUID propertyChanged(PropertyRecord property) {
        return propertyChanged(new PropertyChanged(property.getId(), property.getOwnerId(),
                stored(property.getKind(), "kind").getLiteral(), stored(property.getStatus(), "status").getLiteral(),
                property.getTimeZone(), property.getCurrency(), stored(property.getCheckInTime(), "check_in_time"),
                stored(property.getVersion(), "version"), Instant.now()));
    }

    /**
     * Announces the unit type as stored, with its property's version after this change.
     *
     * @param propertyVersion the version the change gave the property
     */
    public UUID unitTypeChanged(UnitTypeRecord unitType, int propertyVersion) {
        return unitTypeChanged(new UnitTypeChanged(unitType.getId(), unitType.getPropertyId(),
                stored(unitType.getMaxAdults(), "max_adults"), stored(unitType.getMaxChildren(), "max_children"),
                stored(unitType.getDefaultUnits(), "default_units"), stored(unitType.getRemoved(), "removed"),
                propertyVersion, Instant.now()));
    }

    private static <T> T stored(T value, String column) {
        return Objects.requireNonNull(value, () -> column + " is null: pass the record as stored, with its defaults");
    }
}
