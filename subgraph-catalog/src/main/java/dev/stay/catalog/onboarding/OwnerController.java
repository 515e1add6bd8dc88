package dev.stay.catalog.onboarding;

import dev.stay.codegen.catalog.types.CatalogErrorCode;
import dev.stay.common.graphql.FieldError;
import dev.stay.catalog.property.Hotel;
import dev.stay.catalog.property.Hotels;
import dev.stay.catalog.property.RoomType;
import dev.stay.codegen.catalog.types.CreateHotelInput;
import dev.stay.codegen.catalog.types.PhotoInput;
import dev.stay.codegen.catalog.types.RoomTypeInput;
import dev.stay.codegen.catalog.types.UpdateHotelInput;
import dev.stay.common.security.Viewer;
import java.util.List;
import java.util.UUID;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.stereotype.Controller;

/** Owners' mutations. Each answers with the hotel as it now stands, read through the same path as its page. */
@Controller
class OwnerController {

    record HotelPayload(Hotel hotel, List<FieldError<CatalogErrorCode>> errors) {}

    record RoomTypePayload(RoomType roomType, Hotel hotel, List<FieldError<CatalogErrorCode>> errors) {}

    private final CreatingHotel creating;
    private final EditingHotel editing;
    private final PublishingHotel publishing;
    private final ManagingPhotos photos;
    private final ManagingRoomTypes roomTypes;
    private final Hotels hotels;

    OwnerController(CreatingHotel creating, EditingHotel editing, PublishingHotel publishing, ManagingPhotos photos,
                    ManagingRoomTypes roomTypes, Hotels hotels) {
        this.creating = creating;
        this.editing = editing;
        this.publishing = publishing;
        this.photos = photos;
        this.roomTypes = roomTypes;
        this.hotels = hotels;
    }

    @MutationMapping
    HotelPayload createHotel(@Argument CreateHotelInput input) {
        return payload(creating.create(Viewer.current(), input));
    }

    @MutationMapping
    HotelPayload updateHotel(@Argument String id, @Argument int version, @Argument UpdateHotelInput input) {
        return payload(editing.update(Viewer.current(), id, version, input));
    }

    @MutationMapping
    HotelPayload publishHotel(@Argument String id, @Argument int version) {
        return payload(publishing.publish(Viewer.current(), id, version));
    }

    @MutationMapping
    HotelPayload unpublishHotel(@Argument String id, @Argument int version) {
        return payload(publishing.unpublish(Viewer.current(), id, version));
    }

    @MutationMapping
    HotelPayload addHotelPhoto(@Argument String hotelId, @Argument int version, @Argument PhotoInput input) {
        return payload(photos.addPhoto(Viewer.current(), hotelId, version, input));
    }

    @MutationMapping
    HotelPayload reorderHotelPhotos(@Argument String hotelId, @Argument int version, @Argument List<String> photoUrls) {
        return payload(photos.reorderPhotos(Viewer.current(), hotelId, version, photoUrls));
    }

    @MutationMapping
    HotelPayload removeHotelPhoto(@Argument String hotelId, @Argument int version, @Argument String url) {
        return payload(photos.removePhoto(Viewer.current(), hotelId, version, url));
    }

    @MutationMapping
    RoomTypePayload addRoomType(@Argument String hotelId, @Argument RoomTypeInput input) {
        return payload(roomTypes.add(Viewer.current(), hotelId, input));
    }

    @MutationMapping
    RoomTypePayload updateRoomType(@Argument String id, @Argument RoomTypeInput input) {
        return payload(roomTypes.update(Viewer.current(), id, input));
    }

    @MutationMapping
    RoomTypePayload removeRoomType(@Argument String id) {
        return payload(roomTypes.remove(Viewer.current(), id));
    }

    private HotelPayload payload(Outcome outcome) {
        return new HotelPayload(outcome.hotelId() == null ? null : hotel(outcome.hotelId()), outcome.errors());
    }

    private RoomTypePayload payload(ManagingRoomTypes.RoomTypeOutcome outcome) {
        if (outcome.hotelId() == null) {
            return new RoomTypePayload(null, null, outcome.errors());
        }
        Hotel hotel = hotel(outcome.hotelId());
        RoomType roomType = hotel.roomTypes().stream().filter(r -> r.id().equals(outcome.roomTypeId())).findFirst()
                .orElse(null);
        return new RoomTypePayload(roomType, hotel, List.of());
    }

    private Hotel hotel(UUID id) {
        return hotels.find(List.of(id)).get(id);
    }
}
