package dev.stay.catalog.onboarding;

import static dev.stay.catalog.db.Tables.PROPERTY;
import static dev.stay.catalog.db.Tables.PROPERTY_PHOTO;

import dev.stay.catalog.db.enums.Amenity;
import dev.stay.catalog.db.enums.PropertyKind;
import dev.stay.catalog.db.enums.PropertyStatus;
import dev.stay.catalog.db.tables.records.PropertyRecord;
import dev.stay.catalog.events.CatalogEvents;
import dev.stay.catalog.property.Hotels;
import dev.stay.codegen.catalog.types.CatalogErrorCode;
import dev.stay.codegen.catalog.types.CreateHotelInput;
import dev.stay.codegen.catalog.types.UpdateHotelInput;
import dev.stay.common.graphql.FieldError;
import dev.stay.common.graphql.Ids;
import dev.stay.common.security.Viewer;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.function.BiConsumer;
import org.jooq.DSLContext;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Owners create and edit their hotels. Every change to a hotel runs the same way, in one transaction: the hotel's
 * row is locked, the caller must be its owner (or an admin) and hold its current version, the change is validated
 * whole (any error and nothing is written), the version goes up, the cache is told before commit, and the change
 * is published through the outbox.
 */
@Component
class ManagingHotels {

    /** What a change stages on the locked hotel, recording broken rules in {@link Rules}. */
    interface Edit extends BiConsumer<PropertyRecord, Rules> {}

    record Outcome(UUID hotelId, List<FieldError<CatalogErrorCode>> errors) {

        static Outcome refused(String field, CatalogErrorCode code, String message) {
            return new Outcome(null, List.of(FieldError.of(field, code, message)));
        }
    }

    private final DSLContext db;
    private final TransactionTemplate transactions;
    private final Hotels hotels;
    private final CatalogEvents events;

    ManagingHotels(DSLContext db, TransactionTemplate transactions, Hotels hotels, CatalogEvents events) {
        this.db = db;
        this.transactions = transactions;
        this.hotels = hotels;
        this.events = events;
    }

    Outcome create(Optional<Viewer> viewer, CreateHotelInput input) {
        Optional<Outcome> refused = mayOwnHotels(viewer);
        if (refused.isPresent()) return refused.get();
        Rules rules = new Rules()
                .text("name", input.getName(), true, 200)
                .text("description", input.getDescription(), false, 5000)
                .range("stars", input.getStars(), 1, 5)
                .address("address", input.getAddress())
                .location("location", input.getLocation())
                .timeZone("timeZone", input.getTimeZone())
                .currency("currency", input.getCurrency())
                .text("houseRules", input.getHouseRules(), false, 2000);
        var checkIn = rules.time("checkInTime", input.getCheckInTime());
        var checkOut = rules.time("checkOutTime", input.getCheckOutTime());
        if (!rules.ok()) return new Outcome(null, rules.errors());
        PropertyRecord hotel = db.newRecord(PROPERTY)
                .setId(UUID.randomUUID()).setKind(PropertyKind.HOTEL).setOwnerId(viewer.orElseThrow().id())
                .setStatus(PropertyStatus.DRAFT)
                .setName(input.getName().strip()).setDescription(Objects.requireNonNullElse(input.getDescription(), "").strip())
                .setStars(input.getStars()).setTimeZone(input.getTimeZone()).setCurrency(input.getCurrency())
                .setAmenities(amenities(input.getAmenities()))
                .setHouseRules(Objects.requireNonNullElse(input.getHouseRules(), "").strip())
                .setVersion(1);
        address(hotel, input.getAddress().getStreet(), input.getAddress().getCity(), input.getAddress().getRegion(),
                input.getAddress().getCountry(), input.getAddress().getPostalCode());
        hotel.setLat(input.getLocation().getLat()).setLon(input.getLocation().getLon());
        if (checkIn != null) hotel.setCheckInTime(checkIn);
        if (checkOut != null) hotel.setCheckOutTime(checkOut);
        return transactions.execute(tx -> {
            hotel.store();
            hotel.refresh(); // the defaults the database gave it (times, timestamps)
            events.propertyChanged(hotel);
            return new Outcome(hotel.getId(), List.of());
        });
    }

    Outcome update(Optional<Viewer> viewer, String id, int version, UpdateHotelInput input) {
        return change(viewer, id, version, (hotel, rules) -> {
            rules.text("name", input.getName(), false, 200)
                    .text("description", input.getDescription(), false, 5000)
                    .range("stars", input.getStars(), 1, 5)
                    .address("address", input.getAddress())
                    .location("location", input.getLocation())
                    .timeZone("timeZone", input.getTimeZone())
                    .currency("currency", input.getCurrency())
                    .text("houseRules", input.getHouseRules(), false, 2000);
            if (input.getName() != null && input.getName().isBlank()) {
                rules.refuse("name", CatalogErrorCode.REQUIRED, "name cannot be empty");
            }
            var checkIn = rules.time("checkInTime", input.getCheckInTime());
            var checkOut = rules.time("checkOutTime", input.getCheckOutTime());
            if (input.getName() != null) hotel.setName(input.getName().strip());
            if (input.getDescription() != null) hotel.setDescription(input.getDescription().strip());
            if (input.getStars() != null) hotel.setStars(input.getStars());
            if (input.getAddress() != null) {
                var a = input.getAddress();
                address(hotel, a.getStreet(), a.getCity(), a.getRegion(), a.getCountry(), a.getPostalCode());
            }
            if (input.getLocation() != null) hotel.setLat(input.getLocation().getLat()).setLon(input.getLocation().getLon());
            if (input.getTimeZone() != null) hotel.setTimeZone(input.getTimeZone());
            if (input.getCurrency() != null) hotel.setCurrency(input.getCurrency());
            if (input.getAmenities() != null) hotel.setAmenities(amenities(input.getAmenities()));
            if (checkIn != null) hotel.setCheckInTime(checkIn);
            if (checkOut != null) hotel.setCheckOutTime(checkOut);
            if (input.getHouseRules() != null) hotel.setHouseRules(input.getHouseRules().strip());
        });
    }

    /** Publishing needs something to sell and something to show: a room type and a photo. */
    Outcome publish(Optional<Viewer> viewer, String id, int version) {
        return change(viewer, id, version, (hotel, rules) -> {
            if (hotel.getStatus() != PropertyStatus.DRAFT) {
                rules.refuse(null, CatalogErrorCode.INVALID_STATUS_CHANGE, "only a draft can be published");
            } else if (roomTypes(hotel.getId()) == 0 || photoCount(hotel.getId()) == 0) {
                rules.refuse(null, CatalogErrorCode.INVALID_STATUS_CHANGE,
                        "a hotel needs a room type and a photo before it is published");
            }
            hotel.setStatus(PropertyStatus.PUBLISHED);
        });
    }

    Outcome unpublish(Optional<Viewer> viewer, String id, int version) {
        return change(viewer, id, version, (hotel, rules) -> {
            if (hotel.getStatus() != PropertyStatus.PUBLISHED) {
                rules.refuse(null, CatalogErrorCode.INVALID_STATUS_CHANGE, "only a published hotel can be unpublished");
            }
            hotel.setStatus(PropertyStatus.DRAFT);
        });
    }

    /**
     * The one way a hotel changes (see the class comment). Staged changes to other tables are rolled back with
     * the rest when a rule is broken. A null version skips the stale check, for changes that only add.
     */
    Outcome change(Optional<Viewer> viewer, String id, Integer version, Edit edit) {
        if (viewer.isEmpty()) {
            return Outcome.refused(null, CatalogErrorCode.UNAUTHENTICATED, "sign in as the hotel's owner");
        }
        Optional<UUID> hotelId = Ids.tryParse(id);
        if (hotelId.isEmpty()) {
            return Outcome.refused("id", CatalogErrorCode.NOT_FOUND, "no such hotel");
        }
        return transactions.execute(tx -> {
            PropertyRecord hotel = db.selectFrom(PROPERTY).where(PROPERTY.ID.eq(hotelId.get())).forUpdate().fetchOne();
            if (hotel == null) {
                return Outcome.refused("id", CatalogErrorCode.NOT_FOUND, "no such hotel");
            }
            if (!viewer.get().mayActFor(hotel.getOwnerId())) {
                return Outcome.refused("id", CatalogErrorCode.FORBIDDEN, "this hotel is not yours");
            }
            if (version != null && hotel.getVersion() != version.intValue()) {
                return Outcome.refused("version", CatalogErrorCode.STALE_VERSION,
                        "the hotel changed since version " + version + "; it is at version " + hotel.getVersion());
            }
            Rules rules = new Rules();
            edit.accept(hotel, rules);
            if (!rules.ok()) {
                tx.setRollbackOnly();
                return new Outcome(null, rules.errors());
            }
            bump(hotel);
            return new Outcome(hotel.getId(), List.of());
        });
    }

    /** A new version of the hotel: stored, announced to the cache before commit and to others through the outbox. */
    void bump(PropertyRecord hotel) {
        hotel.setVersion(hotel.getVersion() + 1).setUpdatedAt(OffsetDateTime.now());
        hotel.store();
        hotels.changing(hotel.getId(), hotel.getVersion());
        events.propertyChanged(hotel);
    }

    static Optional<Outcome> mayOwnHotels(Optional<Viewer> viewer) {
        if (viewer.isEmpty()) {
            return Optional.of(Outcome.refused(null, CatalogErrorCode.UNAUTHENTICATED, "sign in as an owner"));
        }
        if (!viewer.get().has("owner") && !viewer.get().isAdmin()) {
            return Optional.of(Outcome.refused(null, CatalogErrorCode.FORBIDDEN, "only owners manage hotels"));
        }
        return Optional.empty();
    }

    static Amenity[] amenities(List<dev.stay.codegen.catalog.types.Amenity> amenities) {
        return amenities == null ? new Amenity[0]
                : amenities.stream().distinct().map(a -> Amenity.valueOf(a.name())).toArray(Amenity[]::new);
    }

    private static void address(PropertyRecord hotel, String street, String city, String region, String country,
                                String postalCode) {
        hotel.setStreet(street.strip()).setCity(city.strip()).setRegion(region == null ? null : region.strip())
                .setCountry(country).setPostalCode(postalCode == null ? null : postalCode.strip());
    }

    private int photoCount(UUID hotelId) {
        return db.fetchCount(PROPERTY_PHOTO, PROPERTY_PHOTO.PROPERTY_ID.eq(hotelId));
    }

    private int roomTypes(UUID hotelId) {
        return db.fetchCount(dev.stay.catalog.db.Tables.UNIT_TYPE,
                dev.stay.catalog.db.Tables.UNIT_TYPE.PROPERTY_ID.eq(hotelId)
                        .and(dev.stay.catalog.db.Tables.UNIT_TYPE.REMOVED.isFalse()));
    }

}
