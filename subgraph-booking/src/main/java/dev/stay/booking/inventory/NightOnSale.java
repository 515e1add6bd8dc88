package dev.stay.booking.inventory;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * One night of a room type as booking stores it, for search's projection of availability: the stored row itself, not
 * its reading through the room type's defaults, so a later change of the defaults ({@link RoomTypeOnSale}) applies to
 * it as it does in booking. Inventory is sparse: a night without a row is the room type's defaults, open.
 *
 * @param rooms   rooms on sale that night; null: the room type's default count
 * @param taken   rooms taken by bookings
 * @param price   the night's own price of one room; null: the room type's base price
 * @param minStay fewest nights of a stay arriving this night; null: the room type's
 * @param maxStay most nights of a stay arriving this night; null: the room type's
 * @param version grows with every change of the row: a consumer keeps the state with the highest
 */
public record NightOnSale(LocalDate night, Integer rooms, int taken, BigDecimal price, boolean closed,
                          Integer minStay, Integer maxStay, boolean closedToArrival, boolean closedToDeparture,
                          long version) {}
