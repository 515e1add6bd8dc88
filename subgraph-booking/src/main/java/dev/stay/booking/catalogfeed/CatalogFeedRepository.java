package dev.stay.booking.catalogfeed;

import static dev.stay.booking.db.Tables.INVENTORY_NIGHT;
import static dev.stay.booking.db.Tables.PROPERTY;
import static dev.stay.booking.db.Tables.UNIT_TYPE;
import static dev.stay.common.events.AppliedEvents.notNewerThan;
import static org.jooq.impl.DSL.excluded;
import static org.jooq.impl.DSL.selectOne;

import dev.stay.booking.inventory.RoomsAnnounced;
import java.time.LocalDate;
import java.util.List;
import org.jooq.DSLContext;
import org.springframework.stereotype.Repository;

/**
 * Applies the catalog's events to booking's {@code property} and {@code unit_type}, only when they are not older than
 * what the row holds (by the property's version). Base prices and cancellation terms are booking's own and stay as
 * they are. Call within the transaction that marked the event applied. What changes what a room type sells (its
 * defaults, party size, removal, nights pinned to what they sold) is announced to search in that transaction.
 *
 * <p>The catalog publishes a property and its unit types on one topic keyed by the property, so a unit type comes
 * after its property's first event. If the property is missing all the same (its event was dead-lettered), the
 * unit type's insert breaks the foreign key: retried, then dead-lettered and logged, never dropped in silence.
 */
@Repository
class CatalogFeedRepository {

    private final DSLContext db;
    private final RoomsAnnounced rooms;

    CatalogFeedRepository(DSLContext db, RoomsAnnounced rooms) {
        this.db = db;
        this.rooms = rooms;
    }

    void apply(PropertyChanged event) {
        db.insertInto(PROPERTY)
                .set(PROPERTY.ID, event.propertyId())
                .set(PROPERTY.OWNER_ID, event.ownerId())
                .set(PROPERTY.STATUS, event.status())
                .set(PROPERTY.TIME_ZONE, event.timeZone())
                .set(PROPERTY.CURRENCY, event.currency())
                .set(PROPERTY.CHECK_IN_TIME, event.checkInTime())
                .set(PROPERTY.CATALOG_VERSION, event.version())
                .onConflict(PROPERTY.ID)
                .doUpdate()
                .set(PROPERTY.OWNER_ID, excluded(PROPERTY.OWNER_ID))
                .set(PROPERTY.STATUS, excluded(PROPERTY.STATUS))
                .set(PROPERTY.TIME_ZONE, excluded(PROPERTY.TIME_ZONE))
                .set(PROPERTY.CURRENCY, excluded(PROPERTY.CURRENCY))
                .set(PROPERTY.CHECK_IN_TIME, excluded(PROPERTY.CHECK_IN_TIME))
                .set(PROPERTY.CATALOG_VERSION, excluded(PROPERTY.CATALOG_VERSION))
                .where(notNewerThan(PROPERTY.CATALOG_VERSION, event.version()))
                .execute();
    }

    /**
     * Fewer rooms by default than a night on the default count has already sold would oversell it, which the database
     * refuses (V20__no_night_oversold.sql): such nights keep what they sold and sell no more, their count pinned to
     * the rooms taken, so the catalog's change still applies rather than being dead-lettered.
     */
    void apply(UnitTypeChanged event) {
        List<LocalDate> pinned = db.update(INVENTORY_NIGHT)
                .set(INVENTORY_NIGHT.TOTAL_UNITS, INVENTORY_NIGHT.TAKEN_UNITS)
                .where(INVENTORY_NIGHT.UNIT_TYPE_ID.eq(event.unitTypeId()))
                .and(INVENTORY_NIGHT.TOTAL_UNITS.isNull())
                .and(INVENTORY_NIGHT.TAKEN_UNITS.gt(event.defaultUnits()))
                .andExists(selectOne().from(UNIT_TYPE).where(UNIT_TYPE.ID.eq(event.unitTypeId()))
                        .and(notNewerThan(UNIT_TYPE.CATALOG_VERSION, event.propertyVersion())))
                .returning(INVENTORY_NIGHT.NIGHT)
                .fetch(INVENTORY_NIGHT.NIGHT);
        rooms.beforeCommit(event.unitTypeId(), pinned);
        int changed = db.insertInto(UNIT_TYPE)
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
                .where(notNewerThan(UNIT_TYPE.CATALOG_VERSION, event.propertyVersion()))
                .execute();
        if (changed > 0) {
            rooms.roomTypeChanged(event.unitTypeId());
        }
    }
}
