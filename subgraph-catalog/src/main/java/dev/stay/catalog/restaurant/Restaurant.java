package dev.stay.catalog.restaurant;

import dev.stay.catalog.db.enums.Cuisine;
import dev.stay.catalog.db.enums.PropertyStatus;
import dev.stay.catalog.db.enums.TableArea;
import dev.stay.catalog.property.Hotel.Address;
import dev.stay.catalog.property.Hotel.GeoPoint;
import dev.stay.catalog.property.Hotel.Photo;
import dev.stay.catalog.property.Hotel.UserRef;
import dev.stay.common.security.Viewer;
import java.time.DateTimeException;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * A restaurant as its page and its owner see it, whatever its status (visibility is checked after reading). Rating and
 * reviews are resolved by the reviews feature from {@link #id}.
 *
 * @param closedDates the days it does not open from today on, in its own time zone
 * @param tables the tables on sale (removed ones left out), by label
 */
public record Restaurant(UUID id, String name, String description, List<Cuisine> cuisines, int priceRange,
                         Address address, GeoPoint location, String timeZone, String currency, List<Photo> photos,
                         List<ServicePeriod> openingHours, List<LocalDate> closedDates, int slotMinutes,
                         List<SeatingDuration> seatingDurations, Money depositPerGuest, int depositRefundableHours,
                         List<Table> tables, UserRef owner, PropertyStatus status, int version) {

    /** Local times as HH:MM; {@code closes} not after {@code opens} ends on the next day. */
    public record ServicePeriod(DayOfWeek weekday, String opens, String closes) {}

    public record SeatingDuration(int upToPartySize, int minutes) {}

    /** A decimal amount with its currency's own decimals, e.g. {@code "10.00"} EUR, {@code "1500"} JPY. */
    public record Money(String amount, String currency) {}

    public record Table(UUID id, String label, int minParty, int maxParty, TableArea area) {}

    /**
     * The same restaurant showing only the closed dates from today on where it is. Worked out here rather than by
     * PostgreSQL's time zones, whose names need not match Java's, so no restaurant's zone can fail a batch.
     */
    Restaurant closedFromToday() {
        LocalDate today;
        try {
            today = LocalDate.now(ZoneId.of(timeZone));
        } catch (DateTimeException e) {
            today = LocalDate.now(ZoneOffset.UTC);
        }
        LocalDate from = today;
        List<LocalDate> ahead = closedDates.stream().filter(day -> !day.isBefore(from)).toList();
        return new Restaurant(id, name, description, cuisines, priceRange, address, location, timeZone, currency,
                photos, openingHours, ahead, slotMinutes, seatingDurations, depositPerGuest, depositRefundableHours,
                tables, owner, status, version);
    }

    /** Published restaurants are for everyone; the others for their owner and admins. */
    public boolean visibleTo(Optional<Viewer> viewer) {
        return status == PropertyStatus.PUBLISHED || viewer.map(v -> v.mayActFor(owner.id())).orElse(false);
    }
}
