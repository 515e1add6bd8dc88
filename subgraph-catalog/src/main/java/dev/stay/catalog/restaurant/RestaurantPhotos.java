package dev.stay.catalog.restaurant;

import static dev.stay.catalog.db.Tables.RESTAURANT_PHOTO;

import dev.stay.catalog.db.tables.records.RestaurantPhotoRecord;
import dev.stay.catalog.onboarding.Stored;
import dev.stay.codegen.catalog.types.CatalogErrorCode;
import dev.stay.codegen.catalog.types.PhotoInput;
import dev.stay.common.security.Viewer;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jooq.DSLContext;
import org.springframework.stereotype.Component;

/** An owner's photos of a restaurant, in the order they were added; each change is a change of the restaurant. */
@Component
class RestaurantPhotos {

    private final DSLContext db;
    private final RestaurantChange change;

    RestaurantPhotos(DSLContext db, RestaurantChange change) {
        this.db = db;
        this.change = change;
    }

    RestaurantOutcome add(Optional<Viewer> viewer, String id, int version, PhotoInput photo) {
        return change.apply(viewer, id, version, (restaurant, rules) -> {
            List<RestaurantPhotoRecord> photos = photos(restaurant.getId());
            rules.rules.photo("input", photo);
            if (photos.size() >= RestaurantRules.MAX_PHOTOS) {
                rules.refuse("input", CatalogErrorCode.TOO_MANY_PHOTOS, "at most " + RestaurantRules.MAX_PHOTOS
                        + " photos");
            }
            if (photos.stream().anyMatch(p -> p.getUrl().equals(photo.getUrl()))) {
                rules.refuse("input.url", CatalogErrorCode.DUPLICATE_PHOTO, "the restaurant has this photo already");
            }
            if (rules.ok()) {
                int position = photos.isEmpty() ? 0 : photos.getLast().getPosition() + 1;
                db.insertInto(RESTAURANT_PHOTO).set(new RestaurantPhotoRecord(restaurant.getId(), position,
                        photo.getUrl(), Stored.optional(photo.getCaption()))).execute();
            }
        });
    }

    RestaurantOutcome remove(Optional<Viewer> viewer, String id, int version, String url) {
        return change.apply(viewer, id, version, (restaurant, rules) -> {
            List<RestaurantPhotoRecord> photos = photos(restaurant.getId());
            List<RestaurantPhotoRecord> kept = new ArrayList<>();
            for (RestaurantPhotoRecord photo : photos) {
                if (!photo.getUrl().equals(url)) {
                    kept.add(new RestaurantPhotoRecord(restaurant.getId(), kept.size(), photo.getUrl(),
                            photo.getCaption()));
                }
            }
            if (kept.size() == photos.size()) {
                rules.refuse("url", CatalogErrorCode.NOT_FOUND, "the restaurant has no such photo");
                return;
            }
            db.deleteFrom(RESTAURANT_PHOTO).where(RESTAURANT_PHOTO.RESTAURANT_ID.eq(restaurant.getId())).execute();
            if (!kept.isEmpty()) db.batchInsert(kept).execute();
        });
    }

    private List<RestaurantPhotoRecord> photos(UUID restaurantId) {
        return db.selectFrom(RESTAURANT_PHOTO).where(RESTAURANT_PHOTO.RESTAURANT_ID.eq(restaurantId))
                .orderBy(RESTAURANT_PHOTO.POSITION).fetch();
    }
}
