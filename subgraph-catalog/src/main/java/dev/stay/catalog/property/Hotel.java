package dev.stay.catalog.property;

import dev.stay.catalog.db.enums.Amenity;
import dev.stay.catalog.db.enums.PropertyStatus;
import java.time.LocalTime;
import java.util.List;
import java.util.UUID;

/** A hotel as its page shows it; also what the cache holds, whatever its status (visibility is checked after). */
public record Hotel(UUID id, String name, String description, int stars, Address address, GeoPoint location,
                    String timeZone, String currency, List<Amenity> amenities, List<Photo> photos,
                    List<RoomType> roomTypes, UserRef owner, LocalTime checkInTime, LocalTime checkOutTime,
                    String houseRules, PropertyStatus status, int version) {

    public record Address(String street, String city, String region, String country, String postalCode) {}

    public record GeoPoint(double lat, double lon) {}

    public record Photo(String url, String caption) {}

    /** The owner as the users subgraph knows them: the router resolves the rest. */
    public record UserRef(UUID id) {}

    public boolean isPublished() {
        return status == PropertyStatus.PUBLISHED;
    }

    /** Published hotels are for everyone; the others for their owner and admins. */
    public boolean visibleTo(java.util.Optional<dev.stay.common.security.Viewer> viewer) {
        return status == PropertyStatus.PUBLISHED || viewer.map(v -> v.mayActFor(owner.id())).orElse(false);
    }
}
