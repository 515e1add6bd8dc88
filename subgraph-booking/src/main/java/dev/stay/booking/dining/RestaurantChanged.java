package dev.stay.booking.dining;

import dev.stay.common.dining.SeatingDuration;
import dev.stay.common.dining.ServicePeriod;
import dev.stay.common.money.Currencies;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

/**
 * The catalog's {@code restaurant-changed} on {@code catalog.restaurant}: a restaurant's whole state, tables included.
 * Its constructor refuses what booking could never sell a table under (an unknown zone or currency, a table seating
 * nobody), which makes the event malformed and dead-lettered at once rather than retried.
 */
record RestaurantChanged(UUID restaurantId, UUID ownerId, String status, String name, String city, String country,
                         double lat, double lon, String timeZone, String currency, int slotMinutes,
                         String depositPerGuest, int depositRefundableHours, List<ServicePeriod> servicePeriods,
                         List<LocalDate> closedDates, List<SeatingDuration> seatingDurations, List<Table> tables,
                         int version, Instant occurredAt) {

    record Table(UUID id, String label, int minParty, int maxParty, String area, boolean active) {

        Table {
            Objects.requireNonNull(id, "table id");
            if (minParty < 1 || maxParty < minParty) {
                throw new IllegalArgumentException("table " + id + " seats " + minParty + " to " + maxParty);
            }
        }
    }

    RestaurantChanged {
        Objects.requireNonNull(restaurantId, "restaurantId");
        Objects.requireNonNull(ownerId, "ownerId");
        if (!List.of("DRAFT", "PUBLISHED", "SUSPENDED").contains(status)) {
            throw new IllegalArgumentException("status " + status);
        }
        ZoneId.of(Objects.requireNonNull(timeZone, "timeZone"));
        if (!Currencies.isMoney(currency)) {
            throw new IllegalArgumentException("currency " + currency);
        }
        if (slotMinutes < 5 || slotMinutes > 60) {
            throw new IllegalArgumentException("slotMinutes " + slotMinutes);
        }
        if (new BigDecimal(Objects.requireNonNull(depositPerGuest, "depositPerGuest")).signum() < 0
                || depositRefundableHours < 0) {
            throw new IllegalArgumentException("deposit " + depositPerGuest + ", refundable " + depositRefundableHours);
        }
        servicePeriods = List.copyOf(Objects.requireNonNull(servicePeriods, "servicePeriods"));
        closedDates = List.copyOf(Objects.requireNonNull(closedDates, "closedDates"));
        seatingDurations = List.copyOf(Objects.requireNonNull(seatingDurations, "seatingDurations"));
        tables = List.copyOf(Objects.requireNonNull(tables, "tables"));
        if (seatingDurations.stream().anyMatch(d -> d.minutes() < 1 || d.minutes() > 24 * 60)) {
            throw new IllegalArgumentException("seating durations " + seatingDurations);
        }
    }
}
