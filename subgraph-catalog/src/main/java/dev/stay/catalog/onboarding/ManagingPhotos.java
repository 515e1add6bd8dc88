package dev.stay.catalog.onboarding;

import static dev.stay.catalog.db.Tables.PROPERTY_PHOTO;

import dev.stay.catalog.db.enums.PropertyStatus;
import dev.stay.catalog.db.tables.records.PropertyPhotoRecord;
import dev.stay.codegen.catalog.types.CatalogErrorCode;
import dev.stay.codegen.catalog.types.PhotoInput;
import dev.stay.common.security.Viewer;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jooq.DSLContext;
import org.springframework.stereotype.Component;

/**
 * An owner's photos of a hotel, in the order guests see them; each change is a change of the hotel. Captions are
 * checked and stored as every text is ({@link Rules#photo}, {@link Stored#optional}).
 */
@Component
class ManagingPhotos {

    private final DSLContext db;
    private final HotelChange change;

    ManagingPhotos(DSLContext db, HotelChange change) {
        this.db = db;
        this.change = change;
    }

    Outcome addPhoto(Optional<Viewer> viewer, String id, int version, PhotoInput photo) {
        return change.apply(viewer, id, version, (hotel, rules) -> {
            List<PropertyPhotoRecord> photos = photos(hotel.getId());
            rules.photo("input", photo);
            if (photos.size() >= Rules.MAX_HOTEL_PHOTOS) {
                rules.refuse("input", CatalogErrorCode.TOO_MANY_PHOTOS, "at most " + Rules.MAX_HOTEL_PHOTOS + " photos");
            }
            if (photos.stream().anyMatch(p -> p.getUrl().equals(photo.getUrl()))) {
                rules.refuse("input.url", CatalogErrorCode.DUPLICATE_PHOTO, "the hotel has this photo already");
            }
            if (rules.ok()) {
                db.insertInto(PROPERTY_PHOTO)
                        .set(new PropertyPhotoRecord(hotel.getId(), photos.size(), photo.getUrl(), Stored.optional(photo.getCaption())))
                        .execute();
            }
        });
    }

    /** The new order must name every photo of the hotel exactly once. */
    Outcome reorderPhotos(Optional<Viewer> viewer, String id, int version, List<String> urls) {
        return change.apply(viewer, id, version, (hotel, rules) -> {
            List<PropertyPhotoRecord> photos = photos(hotel.getId());
            List<String> current = photos.stream().map(PropertyPhotoRecord::getUrl).sorted().toList();
            if (!current.equals(urls.stream().sorted().toList())) {
                rules.refuse("photoUrls", CatalogErrorCode.INVALID_FORMAT,
                        "photoUrls must list each of the hotel's " + photos.size() + " photos once");
                return;
            }
            List<PropertyPhotoRecord> reordered = new ArrayList<>();
            for (int position = 0; position < urls.size(); position++) {
                String url = urls.get(position);
                PropertyPhotoRecord photo = photos.stream().filter(p -> p.getUrl().equals(url)).findFirst().orElseThrow();
                reordered.add(new PropertyPhotoRecord(hotel.getId(), position, url, photo.getCaption()));
            }
            replacePhotos(hotel.getId(), reordered);
        });
    }

    Outcome removePhoto(Optional<Viewer> viewer, String id, int version, String url) {
        return change.apply(viewer, id, version, (hotel, rules) -> {
            List<PropertyPhotoRecord> photos = photos(hotel.getId());
            List<PropertyPhotoRecord> kept = new ArrayList<>();
            for (PropertyPhotoRecord photo : photos) {
                if (!photo.getUrl().equals(url)) {
                    kept.add(new PropertyPhotoRecord(hotel.getId(), kept.size(), photo.getUrl(), photo.getCaption()));
                }
            }
            if (kept.size() == photos.size()) {
                rules.refuse("url", CatalogErrorCode.NOT_FOUND, "the hotel has no such photo");
            } else if (kept.isEmpty() && hotel.getStatus() == PropertyStatus.PUBLISHED) {
                rules.refuse("url", CatalogErrorCode.INVALID_STATUS_CHANGE, "a published hotel keeps at least one photo");
            } else {
                replacePhotos(hotel.getId(), kept);
            }
        });
    }

    private List<PropertyPhotoRecord> photos(UUID hotelId) {
        return db.selectFrom(PROPERTY_PHOTO).where(PROPERTY_PHOTO.PROPERTY_ID.eq(hotelId))
                .orderBy(PROPERTY_PHOTO.POSITION).fetch();
    }

    private void replacePhotos(UUID hotelId, List<PropertyPhotoRecord> photos) {
        db.deleteFrom(PROPERTY_PHOTO).where(PROPERTY_PHOTO.PROPERTY_ID.eq(hotelId)).execute();
        if (!photos.isEmpty()) {
            db.batchInsert(photos).execute();
        }
    }
}
