package dev.stay.booking.inventory;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.UUID;

/** One night of one unit type as it stands for sale: free units, the night's price, and its terms. */
record SaleNight(UUID unitTypeId, LocalDate night, int freeUnits, BigDecimal price, boolean closed,
                 int maxGuests, int freeCancellationHours, int penaltyPercent,
                 String currency, ZoneId zone, LocalTime checkInTime) {}
