package dev.stay.catalog.property;

import dev.stay.catalog.db.enums.Amenity;
import java.util.List;
import java.util.UUID;

/** A kind of room a hotel sells; how many are free and at what price is the booking subgraph's business. */
public record RoomType(UUID id, String name, String description, int maxAdults, int maxChildren, String beds,
                       Integer sizeSqm, List<Amenity> amenities, List<Hotel.Photo> photos, int defaultRooms) {}
