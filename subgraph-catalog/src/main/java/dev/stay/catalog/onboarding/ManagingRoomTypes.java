package dev.stay.catalog.onboarding;

import static dev.stay.catalog.db.Tables.UNIT_TYPE;
import static dev.stay.catalog.db.Tables.UNIT_TYPE_PHOTO;
import static org.jooq.impl.DSL.coalesce;
import static org.jooq.impl.DSL.max;

import dev.stay.catalog.db.tables.records.UnitTypePhotoRecord;
import dev.stay.catalog.db.tables.records.UnitTypeRecord;
import dev.stay.catalog.events.CatalogEvents;
import dev.stay.codegen.catalog.types.CatalogErrorCode;
import dev.stay.codegen.catalog.types.RoomTypeInput;
import dev.stay.common.graphql.FieldError;
import dev.stay.common.graphql.Ids;
import dev.stay.common.security.Viewer;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import org.jooq.DSLContext;
import org.springframework.stereotype.Component;

/**
 * An owner's room types. A room type belongs to its hotel: adding, changing or removing one is a change of the
 * hotel (locked, checked, versioned, cache told), and booking learns of it through {@code catalog.property}
 * ({@code unit-type-changed}).
 */
@Component
class ManagingRoomTypes {

    record RoomTypeOutcome(UUID roomTypeId, UUID hotelId, List<FieldError<CatalogErrorCode>> errors) {}

    private final DSLContext db;
    private final HotelChange change;
    private final CatalogEvents events;

    ManagingRoomTypes(DSLContext db, HotelChange change, CatalogEvents events) {
        this.db = db;
        this.change = change;
        this.events = events;
    }

    RoomTypeOutcome add(Optional<Viewer> viewer, String hotelId, RoomTypeInput input) {
        UUID id = UUID.randomUUID();
        var outcome = change.apply(viewer, hotelId, null, (hotel, rules) -> {
            rules.roomType(input);
            int onSale = db.fetchCount(UNIT_TYPE, UNIT_TYPE.PROPERTY_ID.eq(hotel.getId()).and(UNIT_TYPE.REMOVED.isFalse()));
            if (onSale >= Rules.MAX_ROOM_TYPES) {
                rules.refuse(null, CatalogErrorCode.TOO_MANY_ROOM_TYPES,
                        "a hotel sells at most " + Rules.MAX_ROOM_TYPES + " room types; remove one first");
            }
            if (!rules.ok()) return;
            int position = db.select(coalesce(max(UNIT_TYPE.POSITION).plus(1), 0))
                    .from(UNIT_TYPE).where(UNIT_TYPE.PROPERTY_ID.eq(hotel.getId())).fetchOne().value1();
            UnitTypeRecord room = db.newRecord(UNIT_TYPE).setId(id).setPropertyId(hotel.getId()).setPosition(position)
                    .setRemoved(false);
            write(room, input);
            events.unitTypeChanged(room, hotel.getVersion() + 1);
        });
        return result(outcome, id);
    }

    RoomTypeOutcome update(Optional<Viewer> viewer, String id, RoomTypeInput input) {
        Optional<UnitTypeRecord> room = find(id);
        if (room.isEmpty()) return notFound();
        var outcome = change.apply(viewer, room.get().getPropertyId().toString(), null, (hotel, rules) -> {
            rules.roomType(input);
            if (!rules.ok()) return;
            UnitTypeRecord locked = db.selectFrom(UNIT_TYPE).where(UNIT_TYPE.ID.eq(room.get().getId())).forUpdate().fetchOne();
            write(locked, input);
            events.unitTypeChanged(locked, hotel.getVersion() + 1);
        });
        return result(outcome, room.get().getId());
    }

    /** Off sale from now on; kept, so bookings made for it still know what they booked. */
    RoomTypeOutcome remove(Optional<Viewer> viewer, String id) {
        Optional<UnitTypeRecord> room = find(id);
        if (room.isEmpty()) return notFound();
        var outcome = change.apply(viewer, room.get().getPropertyId().toString(), null, (hotel, rules) -> {
            UnitTypeRecord locked = db.selectFrom(UNIT_TYPE).where(UNIT_TYPE.ID.eq(room.get().getId())).forUpdate().fetchOne();
            if (locked.getRemoved()) {
                rules.refuse("id", CatalogErrorCode.NOT_FOUND, "this room type was removed already");
                return;
            }
            locked.setRemoved(true).store();
            events.unitTypeChanged(locked, hotel.getVersion() + 1);
        });
        return result(outcome, room.get().getId());
    }

    private void write(UnitTypeRecord room, RoomTypeInput input) {
        room.setName(Stored.text(input.getName()))
                .setDescription(Stored.text(input.getDescription()))
                .setMaxAdults(input.getMaxAdults())
                .setMaxChildren(Objects.requireNonNullElse(input.getMaxChildren(), 0))
                .setBeds(Stored.text(input.getBeds()))
                .setSizeSqm(input.getSizeSqm())
                .setAmenities(Stored.amenities(input.getAmenities()))
                .setDefaultUnits(input.getDefaultRooms())
                .store();
        db.deleteFrom(UNIT_TYPE_PHOTO).where(UNIT_TYPE_PHOTO.UNIT_TYPE_ID.eq(room.getId())).execute();
        if (input.getPhotos() != null && !input.getPhotos().isEmpty()) {
            List<UnitTypePhotoRecord> photos = new ArrayList<>();
            for (var photo : input.getPhotos()) {
                photos.add(new UnitTypePhotoRecord(room.getId(), photos.size(), photo.getUrl(), Stored.optional(photo.getCaption())));
            }
            db.batchInsert(photos).execute();
        }
    }

    private Optional<UnitTypeRecord> find(String id) {
        return Ids.tryParse(id).flatMap(uuid -> db.selectFrom(UNIT_TYPE).where(UNIT_TYPE.ID.eq(uuid)).fetchOptional());
    }

    private static RoomTypeOutcome notFound() {
        return new RoomTypeOutcome(null, null, List.of(FieldError.of("id", CatalogErrorCode.NOT_FOUND, "no such room type")));
    }

    private static RoomTypeOutcome result(Outcome outcome, UUID roomTypeId) {
        return outcome.errors().isEmpty()
                ? new RoomTypeOutcome(roomTypeId, outcome.hotelId(), List.of())
                : new RoomTypeOutcome(null, null, outcome.errors());
    }
}
