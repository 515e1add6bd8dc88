package dev.stay.catalog.events;

import java.time.Instant;
import java.time.LocalTime;
import java.util.UUID;

/**
 * A property was created or changed; published on {@code catalog.property} as {@code property-changed}, keyed by the
 * property id. It carries what other subgraphs sell and show under (owner, status, time zone, currency, check-in
 * time), whole, so a consumer needs no earlier event to apply it.
 *
 * @param kind {@code HOTEL} or {@code RESTAURANT}
 * @param status {@code DRAFT}, {@code PUBLISHED} or {@code SUSPENDED}
 * @param timeZone an IANA zone id, e.g. {@code Europe/Lisbon}
 * @param currency ISO 4217
 * @param version the property's version after the change: higher is newer
 */
public record PropertyChanged(UUID propertyId, UUID ownerId, String kind, String status, String timeZone,
                              String currency, LocalTime checkInTime, int version, Instant occurredAt) {}
