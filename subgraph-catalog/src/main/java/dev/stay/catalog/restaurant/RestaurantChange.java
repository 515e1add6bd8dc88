package dev.stay.catalog.restaurant;

import static dev.stay.catalog.db.Tables.RESTAURANT;
import static dev.stay.catalog.db.Tables.RESTAURANT_TABLE;

import dev.stay.catalog.db.tables.records.RestaurantRecord;
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
 * The one step every change of a restaurant goes through, tables included, in one transaction, as hotels do
 * ({@code onboarding/HotelChange}): the caller must be signed in (UNAUTHENTICATED) and hold the owner role and own the
 * restaurant, or be an admin (FORBIDDEN; checked on every change, as the role can be taken away); the restaurant's row
 * is locked, so changes of one restaurant queue up and each sees the last; the version read must still be current
 * (STALE_VERSION); the change is validated whole, and any broken rule rolls back what it staged; the version goes up
 * and the whole new state is published through the outbox in the same transaction.
 */
@Component
class RestaurantChange {

    /** What a change stages on the locked restaurant, recording broken rules in {@link RestaurantRules}. */
    interface Edit extends BiConsumer<RestaurantRecord, RestaurantRules> {}

    private final DSLContext db;
    private final RestaurantAnnouncement announcement;

    RestaurantChange(DSLContext db, RestaurantAnnouncement announcement) {
        this.db = db;
        this.announcement = announcement;
    }

    /** A new restaurant of the caller's, validated by {@code rules} before anything is written. */
    @Transactional
    RestaurantOutcome create(Optional<Viewer> viewer, RestaurantRules rules, Function<UUID, UUID> storeFor) {
        Optional<RestaurantOutcome> refused = refusedRole(viewer);
        if (refused.isPresent()) return refused.get();
        if (!rules.ok()) return RestaurantOutcome.refused(rules.errors());
        UUID id = storeFor.apply(viewer.get().id());
        announcement.announce(id);
        return RestaurantOutcome.done(id);
    }

    /** A change of an existing restaurant (see the class comment). */
    @Transactional
    RestaurantOutcome apply(Optional<Viewer> viewer, String id, int version, Edit edit) {
        Optional<RestaurantOutcome> refused = refusedRole(viewer);
        if (refused.isPresent()) return refused.get();
        Optional<UUID> restaurantId = Ids.tryParse(id);
        if (restaurantId.isEmpty()) {
            return RestaurantOutcome.refused("id", CatalogErrorCode.NOT_FOUND, "no such restaurant");
        }
        return locked(viewer.get(), restaurantId.get(), "id", version, edit);
    }

    /**
     * A change of one of a restaurant's tables: a change of the restaurant like any other. A removed table is gone
     * for its owner (NOT_FOUND); its reservations keep it.
     */
    @Transactional
    RestaurantOutcome applyToTable(Optional<Viewer> viewer, String tableId, int version, Edit edit) {
        Optional<RestaurantOutcome> refused = refusedRole(viewer);
        if (refused.isPresent()) return refused.get();
        UUID restaurantId = Ids.tryParse(tableId).map(table -> db.select(RESTAURANT_TABLE.RESTAURANT_ID)
                .from(RESTAURANT_TABLE).where(RESTAURANT_TABLE.ID.eq(table)).and(RESTAURANT_TABLE.REMOVED.isFalse())
                .fetchOne(RESTAURANT_TABLE.RESTAURANT_ID)).orElse(null);
        if (restaurantId == null) {
            return RestaurantOutcome.refused("id", CatalogErrorCode.NOT_FOUND, "no such table");
        }
        return locked(viewer.get(), restaurantId, "id", version, edit);
    }

    private RestaurantOutcome locked(Viewer viewer, UUID restaurantId, String field, int version, Edit edit) {
        RestaurantRecord restaurant = db.selectFrom(RESTAURANT).where(RESTAURANT.ID.eq(restaurantId)).forUpdate()
                .fetchOne();
        if (restaurant == null) {
            return RestaurantOutcome.refused(field, CatalogErrorCode.NOT_FOUND, "no such restaurant");
        }
        if (!viewer.mayManageFor(restaurant.getOwnerId())) {
            return RestaurantOutcome.refused(field, CatalogErrorCode.FORBIDDEN, "this restaurant is not yours");
        }
        if (restaurant.getVersion() != version) {
            return RestaurantOutcome.refused("version", CatalogErrorCode.STALE_VERSION, "the restaurant changed since "
                    + "version " + version + "; it is at version " + restaurant.getVersion());
        }
        RestaurantRules rules = new RestaurantRules();
        edit.accept(restaurant, rules);
        if (!rules.ok()) {
            TransactionAspectSupport.currentTransactionStatus().setRollbackOnly();
            return RestaurantOutcome.refused(rules.errors());
        }
        restaurant.setVersion(restaurant.getVersion() + 1).setUpdatedAt(OffsetDateTime.now());
        restaurant.store();
        announcement.announce(restaurantId);
        return RestaurantOutcome.done(restaurantId);
    }

    /** The sign-in and role check of every restaurant mutation, written once. */
    private static Optional<RestaurantOutcome> refusedRole(Optional<Viewer> viewer) {
        if (viewer.isEmpty()) {
            return Optional.of(RestaurantOutcome.refused(null, CatalogErrorCode.UNAUTHENTICATED,
                    "sign in as the restaurant's owner"));
        }
        if (!viewer.get().mayOwnProperties()) {
            return Optional.of(RestaurantOutcome.refused(null, CatalogErrorCode.FORBIDDEN,
                    "only owners manage restaurants"));
        }
        return Optional.empty();
    }
}
