package dev.stay.catalog.events;

import java.time.Instant;
import java.util.UUID;

/**
 * A unit type (a hotel's room type) was added, changed or removed; published on {@code catalog.property} as
 * {@code unit-type-changed}, keyed by its property's id (so it arrives after its property's first event), whole like
 * {@link PropertyChanged}.
 *
 * @param defaultUnits the units on sale on a night nobody has set otherwise
 * @param removed true once the owner removed it: it is no longer sold, what was booked stays
 * @param propertyVersion the property's version after the change: higher is newer
 */
public record UnitTypeChanged(UUID unitTypeId, UUID propertyId, int maxAdults, int maxChildren, int defaultUnits,
                              boolean removed, int propertyVersion, Instant occurredAt) {}
