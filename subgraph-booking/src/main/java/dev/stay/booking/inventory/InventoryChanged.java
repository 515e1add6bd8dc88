package dev.stay.booking.inventory;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * An owner changed the nights of a room type from {@code from} to {@code to} (inclusive): rooms, price, closure or
 * sale rules (stay limits by arrival night, closed to arrival or departure); null parts were left as they were.
 * Published on {@link InventoryEvents#TOPIC}, keyed by the property: the catalog learns from it that the property has
 * prices in its currency, and search's projection the whole stored state of every night of the range after the change
 * ({@code sale}, each night with its version).
 */
public record InventoryChanged(UUID propertyId, UUID roomTypeId, LocalDate from, LocalDate to, Integer rooms,
                               BigDecimal price, String currency, Boolean closed, Integer minStay, Integer maxStay,
                               Boolean closedToArrival, Boolean closedToDeparture, List<NightOnSale> sale,
                               Instant occurredAt) {}
