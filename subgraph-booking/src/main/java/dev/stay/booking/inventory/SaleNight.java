package dev.stay.booking.inventory;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.UUID;

/**
 * One night of one room type as it stands for sale: free rooms, the night's price, its sale rules (the room type's
 * where the night has none of its own) and the room type's terms.
 *
 * @param freeUnits          rooms on sale that night minus rooms taken
 * @param price              price of one room that night; null: not priced, hence not for sale
 * @param minStay            fewest nights of a stay arriving this night
 * @param maxStay            most nights of a stay arriving this night; null: no limit
 * @param closedToArrival    no stay may start this night
 * @param closedToDeparture  no stay may end (check out) on this day
 */
public record SaleNight(UUID unitTypeId, LocalDate night, int freeUnits, BigDecimal price, boolean closed,
                        int minStay, Integer maxStay, boolean closedToArrival, boolean closedToDeparture,
                        int maxGuests, boolean refundable, int freeCancellationHours, int penaltyPercent,
                        String currency, ZoneId zone, LocalTime checkInTime) {}
