package dev.stay.booking.catalogfeed;

import static dev.stay.booking.db.Tables.APPLIED_EVENT;
import static dev.stay.booking.db.Tables.PARKED_UNIT_TYPE;
import static dev.stay.booking.db.Tables.PROPERTY;
import static dev.stay.booking.db.Tables.UNIT_TYPE;
import static org.jooq.impl.DSL.excluded;
import static org.jooq.impl.DSL.function;
import static org.jooq.impl.DSL.inline;
import static org.jooq.impl.DSL.name;
import static org.jooq.impl.DSL.select;
import static org.jooq.impl.DSL.val;

import java.util.UUID;
import org.jooq.DSLContext;
import org.jooq.impl.SQLDataType;
import org.springframework.stereotype.Repository;

/**
 * Applies the catalog's events to booking's {@code property} and {@code unit_type}: each event once (by its id), and
 * only when it is not older than what the row holds (by the property's version). Base prices and cancellation terms
 * are booking's own and stay as they are. Call within a transaction.
 */
@Repository
class CatalogFeedRepository {

    /** This feed's space of advisory locks, apart from any other feature's. */
    private static final int PROPERTY_LOCKS = 0x5CA7_0001;

    private final DSLContext db;

    CatalogFeedRepository(DSLContext db) {
        this.db = db;
    }

    /** @return whether the event was new */
    boolean apply(UUID eventId, String topic, PropertyChanged event) {
        lock(event.propertyId());
        if (!firstTime(eventId, topic)) {
            return false;
        }
        db.insertInto(PROPERTY)
                .set(PROPERTY.ID, event.propertyId())
                .set(PROPERTY.OWNER_ID, event.ownerId())
                .set(PROPERTY.TIME_ZONE, event.timeZone())
                .set(PROPERTY.CURRENCY, event.currency())
                .set(PROPERTY.CHECK_IN_TIME, event.checkInTime())
                .set(PROPERTY.CATALOG_VERSION, event.version())
                .onConflict(PROPERTY.ID)
                .doUpdate()
                .set(PROPERTY.OWNER_ID, excluded(PROPERTY.OWNER_ID))
                .set(PROPERTY.TIME_ZONE, excluded(PROPERTY.TIME_ZONE))
                .set(PROPERTY.CURRENCY, excluded(PROPERTY.CURRENCY))
                .set(PROPERTY.CHECK_IN_TIME, excluded(PROPERTY.CHECK_IN_TIME))
                .set(PROPERTY.CATALOG_VERSION, excluded(PROPERTY.CATALOG_VERSION))
                .where(PROPERTY.CATALOG_VERSION.isNull().or(PROPERTY.CATALOG_VERSION.le(event.version())))
                .execute();
        unpark(event.propertyId());
        return true;
    }

    /**
     * A unit type of a property booking does not know yet is parked until the property arrives (the two topics are
     * not ordered with each other).
     *
     * @return whether the event was new
     */
    boolean apply(UUID eventId, String topic, UnitTypeChanged event) {
        lock(event.propertyId());
        if (!firstTime(eventId, topic)) {
            return false;
        }
        if (db.fetchExists(PROPERTY, PROPERTY.ID.eq(event.propertyId()))) {
            db.insertInto(UNIT_TYPE)
                    .set(UNIT_TYPE.ID, event.unitTypeId())
                    .set(UNIT_TYPE.PROPERTY_ID, event.propertyId())
                    .set(UNIT_TYPE.MAX_GUESTS, event.maxGuests())
                    .set(UNIT_TYPE.DEFAULT_UNITS, event.defaultUnits())
                    .set(UNIT_TYPE.ACTIVE, !event.removed())
                    .set(UNIT_TYPE.CATALOG_VERSION, event.propertyVersion())
                    .onConflict(UNIT_TYPE.ID)
                    .doUpdate()
                    .set(UNIT_TYPE.MAX_GUESTS, excluded(UNIT_TYPE.MAX_GUESTS))
                    .set(UNIT_TYPE.DEFAULT_UNITS, excluded(UNIT_TYPE.DEFAULT_UNITS))
                    .set(UNIT_TYPE.ACTIVE, excluded(UNIT_TYPE.ACTIVE))
                    .set(UNIT_TYPE.CATALOG_VERSION, excluded(UNIT_TYPE.CATALOG_VERSION))
                    .where(UNIT_TYPE.CATALOG_VERSION.isNull().or(UNIT_TYPE.CATALOG_VERSION.le(event.propertyVersion())))
                    .execute();
        } else {
            db.insertInto(PARKED_UNIT_TYPE)
                    .set(PARKED_UNIT_TYPE.ID, event.unitTypeId())
                    .set(PARKED_UNIT_TYPE.PROPERTY_ID, event.propertyId())
                    .set(PARKED_UNIT_TYPE.MAX_GUESTS, event.maxGuests())
                    .set(PARKED_UNIT_TYPE.DEFAULT_UNITS, event.defaultUnits())
                    .set(PARKED_UNIT_TYPE.ACTIVE, !event.removed())
                    .set(PARKED_UNIT_TYPE.CATALOG_VERSION, event.propertyVersion())
                    .onConflict(PARKED_UNIT_TYPE.ID)
                    .doUpdate()
                    .set(PARKED_UNIT_TYPE.MAX_GUESTS, excluded(PARKED_UNIT_TYPE.MAX_GUESTS))
                    .set(PARKED_UNIT_TYPE.DEFAULT_UNITS, excluded(PARKED_UNIT_TYPE.DEFAULT_UNITS))
                    .set(PARKED_UNIT_TYPE.ACTIVE, excluded(PARKED_UNIT_TYPE.ACTIVE))
                    .set(PARKED_UNIT_TYPE.CATALOG_VERSION, excluded(PARKED_UNIT_TYPE.CATALOG_VERSION))
                    .where(PARKED_UNIT_TYPE.CATALOG_VERSION.le(event.propertyVersion()))
                    .execute();
        }
        return true;
    }

    /**
     * Serializes the events of one property, whichever instance consumes which topic: without it a unit type could
     * be parked just as its property is being created, and wait forever.
     */
    private void lock(UUID propertyId) {
        db.select(function(name("pg_advisory_xact_lock"), SQLDataType.OTHER, inline(PROPERTY_LOCKS),
                val(propertyId.hashCode()))).fetch();
    }

    private boolean firstTime(UUID eventId, String topic) {
        return db.insertInto(APPLIED_EVENT, APPLIED_EVENT.EVENT_ID, APPLIED_EVENT.TOPIC)
                .values(eventId, topic)
                .onConflictDoNothing()
                .execute() == 1;
    }

    /** The unit types that arrived before their property join it. */
    private void unpark(UUID propertyId) {
        db.insertInto(UNIT_TYPE, UNIT_TYPE.ID, UNIT_TYPE.PROPERTY_ID, UNIT_TYPE.MAX_GUESTS, UNIT_TYPE.DEFAULT_UNITS,
                        UNIT_TYPE.ACTIVE, UNIT_TYPE.CATALOG_VERSION)
                .select(select(PARKED_UNIT_TYPE.ID, PARKED_UNIT_TYPE.PROPERTY_ID, PARKED_UNIT_TYPE.MAX_GUESTS,
                        PARKED_UNIT_TYPE.DEFAULT_UNITS, PARKED_UNIT_TYPE.ACTIVE, PARKED_UNIT_TYPE.CATALOG_VERSION)
                        .from(PARKED_UNIT_TYPE)
                        .where(PARKED_UNIT_TYPE.PROPERTY_ID.eq(propertyId)))
                .onConflict(UNIT_TYPE.ID)
                .doUpdate()
                .set(UNIT_TYPE.MAX_GUESTS, excluded(UNIT_TYPE.MAX_GUESTS))
                .set(UNIT_TYPE.DEFAULT_UNITS, excluded(UNIT_TYPE.DEFAULT_UNITS))
                .set(UNIT_TYPE.ACTIVE, excluded(UNIT_TYPE.ACTIVE))
                .set(UNIT_TYPE.CATALOG_VERSION, excluded(UNIT_TYPE.CATALOG_VERSION))
                .where(UNIT_TYPE.CATALOG_VERSION.isNull().or(UNIT_TYPE.CATALOG_VERSION.le(excluded(UNIT_TYPE.CATALOG_VERSION))))
                .execute();
        db.deleteFrom(PARKED_UNIT_TYPE).where(PARKED_UNIT_TYPE.PROPERTY_ID.eq(propertyId)).execute();
    }
}
