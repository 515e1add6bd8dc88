package dev.stay.catalog.availability;

import java.time.LocalDate;
import java.util.UUID;

/**
 * Published as a Spring application event after the projection of a property committed a change: search results of
 * stays among these nights may have changed (a cache of them is stale). Listeners run on threads of their own, not the
 * consumer's, so two announcements of one property may reach them in either order.
 *
 * @param from the first night that changed; null with {@code to} when a room type's defaults changed, which move
 *             every night without a row of its own (all of them, as far as a cache can tell)
 * @param to   the last night that changed (included)
 */
public record AvailabilityChanged(UUID propertyId, LocalDate from, LocalDate to) {}
