package dev.stay.catalog.events;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import java.util.UUID;

/**
 * A restaurant was created or changed, or one of its tables; published on {@code catalog.restaurant} as
 * {@code restaurant-changed}, keyed by the restaurant id. Whole: everything booking sells a table under, so a consumer
 * needs no earlier event to apply it.
 *
 * @param status {@code DRAFT}, {@code PUBLISHED} or {@code SUSPENDED}
 * @param timeZone an IANA zone id: every time and day of the restaurant is local to it
 * @param currency ISO 4217
 * @param depositPerGuest a decimal in the currency's own decimals, e.g. {@code "10.00"}; {@code "0.00"} for none
 * @param servicePeriods by weekday then opening time; {@code closes} not after {@code opens} ends on the next day
 * @param closedDates every closed day stored, ascending
 * @param seatingDurations ascending by party size
 * @param tables every table, removed ones with {@code active} false (their reservations keep them)
 * @param version the restaurant's version after the change, bumped by table changes too: higher is newer
 */
public record RestaurantChanged(UUID restaurantId, UUID ownerId, String status, String name, String city,
                                String country, double lat, double lon, String timeZone, String currency,
                                int slotMinutes, String depositPerGuest, int depositRefundableHours,
                                List<ServicePeriod> servicePeriods, List<LocalDate> closedDates,
                                List<SeatingDuration> seatingDurations, List<Table> tables, int version,
                                Instant occurredAt) {

    /** @param weekday ISO: 1 Monday to 7 Sunday */
    public record ServicePeriod(int weekday, LocalTime opens, LocalTime closes) {}

    public record SeatingDuration(int upToPartySize, int minutes) {}

    /** @param area {@code INSIDE}, {@code TERRACE} or {@code BAR} */
    public record Table(UUID id, String label, int minParty, int maxParty, String area, boolean active) {}
}
