package dev.stay.catalog.onboarding;

import static dev.stay.catalog.db.Tables.PROPERTY_PHOTO;
import static dev.stay.catalog.db.Tables.UNIT_TYPE;

import dev.stay.catalog.db.enums.PropertyStatus;
import dev.stay.codegen.catalog.types.CatalogErrorCode;
import dev.stay.common.security.Viewer;
import java.util.Optional;
import org.jooq.DSLContext;
import org.springframework.stereotype.Component;

/** A draft goes public, or back to draft; both are changes of the hotel like any other. */
@Component
class PublishingHotel {

    private final DSLContext db;
    private final HotelChange change;

    PublishingHotel(DSLContext db, HotelChange change) {
        this.db = db;
        this.change = change;
    }

    /** Publishing needs something to sell and something to show: a room type and a photo. */
    Outcome publish(Optional<Viewer> viewer, String id, int version) {
        return change.apply(viewer, id, version, (hotel, rules) -> {
            if (hotel.getStatus() != PropertyStatus.DRAFT) {
                rules.refuse(null, CatalogErrorCode.INVALID_STATUS_CHANGE, "only a draft can be published");
            } else if (!db.fetchExists(UNIT_TYPE, UNIT_TYPE.PROPERTY_ID.eq(hotel.getId()).and(UNIT_TYPE.REMOVED.isFalse()))
                    || !db.fetchExists(PROPERTY_PHOTO, PROPERTY_PHOTO.PROPERTY_ID.eq(hotel.getId()))) {
                rules.refuse(null, CatalogErrorCode.INVALID_STATUS_CHANGE,
                        "a hotel needs a room type and a photo before it is published");
            }
            hotel.setStatus(PropertyStatus.PUBLISHED);
        });
    }

    Outcome unpublish(Optional<Viewer> viewer, String id, int version) {
        return change.apply(viewer, id, version, (hotel, rules) -> {
            if (hotel.getStatus() != PropertyStatus.PUBLISHED) {
                rules.refuse(null, CatalogErrorCode.INVALID_STATUS_CHANGE, "only a published hotel can be unpublished");
            }
            hotel.setStatus(PropertyStatus.DRAFT);
        });
    }
}
