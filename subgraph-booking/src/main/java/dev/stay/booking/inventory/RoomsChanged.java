package dev.stay.booking.inventory;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * Rooms of a room type were taken or given back (a booking held, a hold released, a cancellation, a change of dates):
 * for each night it touched, the rooms free after the change and the night's price (its own or the room type's base
 * price), in the property's currency. Published on {@link InventoryEvents#TOPIC}, keyed by the property, for search's
 * availability projection; the values are read from the locked nights in the transaction that changed them, so a
 * later event for a night always says more recently what is free. {@code sale} has the same nights as booking stores
 * them, each with its version, for search's projection (see {@link NightOnSale}).
 */
public record RoomsChanged(UUID propertyId, UUID roomTypeId, String currency, List<Night> nights,
                           List<NightOnSale> sale, Instant occurredAt) {

    public record Night(LocalDate night, int roomsFree, BigDecimal price) {}
}
