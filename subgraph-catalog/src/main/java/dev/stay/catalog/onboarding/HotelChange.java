package dev.stay.catalog.onboarding;

import static dev.stay.catalog.db.Tables.PROPERTY;

import dev.stay.catalog.db.tables.records.PropertyRecord;
import dev.stay.catalog.events.CatalogEvents;
import dev.stay.catalog.property.Hotels;
import dev.stay.codegen.catalog.types.CatalogErrorCode;
import dev.stay.common.graphql.Ids;
import dev.stay.common.security.Viewer;
import java.time.OffsetDateTime;
import java.util.Optional;
import java.util.UUID;
import java.util.function.BiConsumer;
import java.util.function.Function;
import org.jooq.DSLContext;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.interceptor.TransactionAspectSupport;

/**
 * The one step every change of a hotel goes through, in one transaction: the hotel's row is locked (so changes of
 * one hotel queue up and each sees the last), the caller must hold the owner role and own the hotel, or be an admin
 * (checked on every change, as the role can be taken away), the version they read must still be current, the change
 * is validated whole (any broken rule and nothing is written), the version goes up, the cache is told, and the change
 * is published through the outbox in the same transaction.
 */
@Component
class HotelChange {

    /** What a change stages on the locked hotel, recording broken rules in {@link Rules}. */
    interface Edit extends BiConsumer<PropertyRecord, Rules> {}

    private final DSLContext db;
    private final Hotels hotels;
    private final CatalogEvents events;

    HotelChange(DSLContext db, Hotels hotels, CatalogEvents events) {
        this.db = db;
        this.hotels = hotels;
        this.events = events;
    }

    /**
     * A new hotel of the caller's: validated by {@code rules} before anything is written, then stored and announced.
     * No cache to tell: nobody can have cached an id that did not exist.
     */
    @Transactional
    Outcome create(Optional<Viewer> viewer, Rules rules, Function<UUID, PropertyRecord> hotelOf) {
        if (viewer.isEmpty()) {
            return Outcome.refused(null, CatalogErrorCode.UNAUTHENTICATED, "sign in as an owner");
        }
        if (!viewer.get().mayOwnProperties()) {
            return Outcome.refused(null, CatalogErrorCode.FORBIDDEN, "only owners manage hotels");
        }
        if (!rules.ok()) {
            return Outcome.refused(rules.errors());
        }
        PropertyRecord hotel = hotelOf.apply(viewer.get().id());
        hotel.store();
        hotel.refresh(); // the defaults the database gave it (times, timestamps)
        events.propertyChanged(hotel);
        return Outcome.done(hotel.getId());
    }

    /**
     * A change of an existing hotel (see the class comment). Changes the edit stages in other tables are rolled back
     * with the rest when a rule is broken. A null version skips the stale check, for changes that only add.
     */
    @Transactional
    Outcome apply(Optional<Viewer> viewer, String id, Integer version, Edit edit) {
        if (viewer.isEmpty()) {
            return Outcome.refused(null, CatalogErrorCode.UNAUTHENTICATED, "sign in as the hotel's owner");
        }
        if (!viewer.get().mayOwnProperties()) {
            return Outcome.refused(null, CatalogErrorCode.FORBIDDEN, "only owners manage hotels");
        }
        Optional<UUID> hotelId = Ids.tryParse(id);
        if (hotelId.isEmpty()) {
            return Outcome.refused("id", CatalogErrorCode.NOT_FOUND, "no such hotel");
        }
        PropertyRecord hotel = db.selectFrom(PROPERTY).where(PROPERTY.ID.eq(hotelId.get())).forUpdate().fetchOne();
        if (hotel == null) {
            return Outcome.refused("id", CatalogErrorCode.NOT_FOUND, "no such hotel");
        }
        if (!viewer.get().mayManageFor(hotel.getOwnerId())) {
            return Outcome.refused("id", CatalogErrorCode.FORBIDDEN, "this hotel is not yours");
        }
        if (version != null && hotel.getVersion() != version.intValue()) {
            return Outcome.refused("version", CatalogErrorCode.STALE_VERSION,
                    "the hotel changed since version " + version + "; it is at version " + hotel.getVersion());
        }
        Rules rules = new Rules();
        edit.accept(hotel, rules);
        if (!rules.ok()) {
            TransactionAspectSupport.currentTransactionStatus().setRollbackOnly();
            return Outcome.refused(rules.errors());
        }
        bump(hotel);
        return Outcome.done(hotel.getId());
    }

    /**
     * A new version of the hotel: stored, announced to the cache before commit (bounded by its timeout and breaker,
     * so a dead Redis delays the commit by at most {@code stay.cache.timeout}; a miss is recorded with the change, see
     * {@link Hotels#changing}) and to others through the outbox, which Kafka sees only after the commit.
     */
    private void bump(PropertyRecord hotel) {
        hotel.setVersion(hotel.getVersion() + 1).setUpdatedAt(OffsetDateTime.now());
        hotel.store();
        hotels.changing(hotel.getId(), hotel.getVersion());
        events.propertyChanged(hotel);
    }
}
