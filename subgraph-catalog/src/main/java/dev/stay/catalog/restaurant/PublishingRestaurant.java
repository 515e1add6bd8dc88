package dev.stay.catalog.restaurant;

import static dev.stay.catalog.db.Tables.RESTAURANT_SERVICE_PERIOD;
import static dev.stay.catalog.db.Tables.RESTAURANT_TABLE;

import dev.stay.catalog.db.enums.PropertyStatus;
import dev.stay.codegen.catalog.types.CatalogErrorCode;
import dev.stay.common.security.Viewer;
import java.util.Optional;
import org.jooq.DSLContext;
import org.springframework.stereotype.Component;

/** A draft goes public, or back to draft; both are changes of the restaurant like any other. */
@Component
class PublishingRestaurant {

    private final DSLContext db;
    private final RestaurantChange change;

    PublishingRestaurant(DSLContext db, RestaurantChange change) {
        this.db = db;
        this.change = change;
    }

    /** Publishing needs something to sell: a table on sale and a service period to sell it in. */
    RestaurantOutcome publish(Optional<Viewer> viewer, String id, int version) {
        return change.apply(viewer, id, version, (restaurant, rules) -> {
            if (restaurant.getStatus() != PropertyStatus.DRAFT) {
                rules.refuse(null, CatalogErrorCode.INVALID_STATUS_CHANGE, "only a draft can be published");
                return;
            }
            if (!db.fetchExists(RESTAURANT_TABLE, RESTAURANT_TABLE.RESTAURANT_ID.eq(restaurant.getId())
                    .and(RESTAURANT_TABLE.REMOVED.isFalse()))) {
                rules.refuse(null, CatalogErrorCode.NOT_READY_TO_PUBLISH, "add a table before publishing");
            }
            if (!db.fetchExists(RESTAURANT_SERVICE_PERIOD,
                    RESTAURANT_SERVICE_PERIOD.RESTAURANT_ID.eq(restaurant.getId()))) {
                rules.refuse(null, CatalogErrorCode.NOT_READY_TO_PUBLISH, "add a service period before publishing");
            }
            restaurant.setStatus(PropertyStatus.PUBLISHED);
        });
    }

    RestaurantOutcome unpublish(Optional<Viewer> viewer, String id, int version) {
        return change.apply(viewer, id, version, (restaurant, rules) -> {
            if (restaurant.getStatus() != PropertyStatus.PUBLISHED) {
                rules.refuse(null, CatalogErrorCode.INVALID_STATUS_CHANGE, "only a published restaurant can be unpublished");
            }
            restaurant.setStatus(PropertyStatus.DRAFT);
        });
    }
}
