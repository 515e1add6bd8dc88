package dev.stay.booking.inventory;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

/**
 * What availability reads of a room type for the nights without a row of their own, and whether it is sold at all:
 * published as {@code room-type-changed} on {@link InventoryEvents#TOPIC}, keyed by the property, whenever booking's
 * copy of it changes (the catalog's feed), so search's projection judges a stay on the same defaults.
 *
 * @param basePrice  price of one room a night; null: not priced, so such nights are not for sale
 * @param maxStay    null: no limit
 * @param active     false once the owner removed it: not sold
 * @param version    grows with every change of these values: a consumer keeps the state with the highest
 */
public record RoomTypeOnSale(UUID propertyId, UUID roomTypeId, int maxGuests, int defaultUnits, BigDecimal basePrice,
                             int minStay, Integer maxStay, boolean active, long version, Instant occurredAt) {}
