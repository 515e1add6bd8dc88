package dev.stay.catalog.property;

import dev.stay.catalog.db.enums.Amenity;
import java.util.List;
import java.util.UUID;

/** A published hotel as its page shows it. */
record Hotel(UUID id, String name, String description, int stars, Address address, GeoPoint location,
             String timeZone, String currency, List<Amenity> amenities, List<Photo> photos,
             List<RoomType> roomTypes, UserRef owner) {

    record Address(String street, String city, String region, String country, String postalCode) {}

    record GeoPoint(double lat, double lon) {}

    record Photo(String url, String caption) {}

    /** The owner as the users subgraph knows them: the router resolves the rest. */
    record UserRef(UUID id) {}
}
