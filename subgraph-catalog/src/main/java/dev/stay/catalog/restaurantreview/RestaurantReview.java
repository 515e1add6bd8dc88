package dev.stay.catalog.restaurantreview;

import dev.stay.catalog.property.Hotel;
import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * The schema's {@code RestaurantReview}: {@code restaurantId} is resolved to the restaurant, {@code author} (a user
 * reference, as hotel reviews' authors) by the users subgraph.
 */
record RestaurantReview(UUID id, UUID restaurantId, Hotel.UserRef author, int overall, int food, int service,
                        int ambience, int value, String title, String text, OffsetDateTime createdAt) {}
