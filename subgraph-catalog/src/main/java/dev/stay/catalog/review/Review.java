package dev.stay.catalog.review;

import dev.stay.catalog.property.Hotel;
import java.time.OffsetDateTime;
import java.util.UUID;

/** The schema's {@code Review}: {@code hotelId} is resolved to the hotel's page, {@code author} by the users subgraph. */
record Review(UUID id, UUID hotelId, Hotel.UserRef author, int overall, int cleanliness, int location, int service,
              int value, String title, String text, OffsetDateTime createdAt, Reply reply) {

    record Reply(String text, OffsetDateTime createdAt) {}
}
