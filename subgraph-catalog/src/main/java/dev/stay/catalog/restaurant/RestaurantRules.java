package dev.stay.catalog.restaurant;

import dev.stay.catalog.onboarding.Rules;
import dev.stay.codegen.catalog.types.AddressInput;
import dev.stay.codegen.catalog.types.CatalogErrorCode;
import dev.stay.codegen.catalog.types.Cuisine;
import dev.stay.codegen.catalog.types.GeoPointInput;
import dev.stay.codegen.catalog.types.RestaurantTableInput;
import dev.stay.codegen.catalog.types.SeatingDurationInput;
import dev.stay.common.graphql.FieldError;
import dev.stay.common.money.Currencies;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * What owners may write about a restaurant, every broken rule collected (the hotel's {@link Rules} for what the two
 * share: texts, address, location, zone, currency, photos). The bounds are the schema's, stated there for clients.
 */
final class RestaurantRules {

    static final int MAX_NAME = 200;
    static final int MAX_DESCRIPTION = 5000;
    static final int MAX_CUISINES = 5;
    static final Set<Integer> SLOT_MINUTES = Set.of(5, 10, 15, 20, 30, 60);
    static final int MAX_CLOSED_DATES = 366;
    static final int MAX_SEATING_ROWS = 10;
    static final int MAX_PARTY = 50;
    static final BigDecimal MAX_DEPOSIT = new BigDecimal(10_000);
    static final int MAX_REFUNDABLE_HOURS = 720;
    static final int MAX_TABLES = 200;
    static final int MAX_PHOTOS = 30;
    static final int MAX_LABEL = 40;

    final Rules rules = new Rules();

    boolean ok() {
        return rules.ok();
    }

    List<FieldError<CatalogErrorCode>> errors() {
        return rules.errors();
    }

    RestaurantRules refuse(String field, CatalogErrorCode code, String message) {
        rules.refuse(field, code, message);
        return this;
    }

    /** The restaurant's own scalar fields, by the same rules for a new restaurant and an edit (null: not given). */
    RestaurantRules restaurant(boolean creating, String name, String description, Integer priceRange,
                               AddressInput address, GeoPointInput location, String timeZone, String currency,
                               Integer slotMinutes, Integer refundableHours) {
        rules.text("name", name, creating, MAX_NAME).text("description", description, false, MAX_DESCRIPTION)
                .range("priceRange", priceRange, 1, 4).address("address", address).location("location", location)
                .timeZone("timeZone", timeZone).currency("currency", currency)
                .range("depositRefundableHours", refundableHours, 0, MAX_REFUNDABLE_HOURS);
        if (!creating && name != null && name.isBlank()) {
            refuse("name", CatalogErrorCode.REQUIRED, "name cannot be empty");
        }
        if (slotMinutes != null && !SLOT_MINUTES.contains(slotMinutes)) {
            refuse("slotMinutes", CatalogErrorCode.OUT_OF_RANGE, "slotMinutes must be 5, 10, 15, 20, 30 or 60");
        }
        return this;
    }

    RestaurantRules cuisines(List<Cuisine> cuisines) {
        if (cuisines == null) return this;
        if (cuisines.isEmpty() || cuisines.size() > MAX_CUISINES) {
            return refuse("cuisines", CatalogErrorCode.OUT_OF_RANGE, "one to " + MAX_CUISINES + " cuisines");
        }
        Set<Cuisine> seen = new HashSet<>();
        for (int i = 0; i < cuisines.size(); i++) {
            if (!seen.add(cuisines.get(i))) {
                refuse("cuisines[" + i + "]", CatalogErrorCode.DUPLICATE, cuisines.get(i) + " is listed twice");
            }
        }
        return this;
    }

    /**
     * Closed days from today where the restaurant is to two years ahead, each once. With no valid zone to tell today
     * by (its own error is reported), the range is left unchecked.
     */
    RestaurantRules closedDates(List<LocalDate> days, String zone) {
        if (days == null) return this;
        if (days.size() > MAX_CLOSED_DATES) {
            return refuse("closedDates", CatalogErrorCode.OUT_OF_RANGE, "at most " + MAX_CLOSED_DATES + " closed dates");
        }
        LocalDate today = zone != null && ZoneId.getAvailableZoneIds().contains(zone) ? LocalDate.now(ZoneId.of(zone))
                : null;
        Set<LocalDate> seen = new HashSet<>();
        for (int i = 0; i < days.size(); i++) {
            LocalDate day = days.get(i);
            if (today != null && (day.isBefore(today) || day.isAfter(today.plusYears(2)))) {
                refuse("closedDates[" + i + "]", CatalogErrorCode.OUT_OF_RANGE, "closed dates run from today ("
                        + today + " where the restaurant is) to two years ahead");
            } else if (!seen.add(day)) {
                refuse("closedDates[" + i + "]", CatalogErrorCode.DUPLICATE, day + " is listed twice");
            }
        }
        return this;
    }

    /** One to ten rows, party sizes ascending and distinct. */
    RestaurantRules seatingDurations(List<SeatingDurationInput> rows) {
        if (rows == null) return this;
        if (rows.isEmpty() || rows.size() > MAX_SEATING_ROWS) {
            return refuse("seatingDurations", CatalogErrorCode.OUT_OF_RANGE, "one to " + MAX_SEATING_ROWS + " rows");
        }
        for (int i = 0; i < rows.size(); i++) {
            String at = "seatingDurations[" + i + "]";
            SeatingDurationInput row = rows.get(i);
            rules.range(at + ".upToPartySize", row.getUpToPartySize(), 1, MAX_PARTY)
                    .range(at + ".minutes", row.getMinutes(), 15, 480);
            if (i > 0 && row.getUpToPartySize() == rows.get(i - 1).getUpToPartySize()) {
                refuse(at + ".upToPartySize", CatalogErrorCode.DUPLICATE, "each party size once");
            } else if (i > 0 && row.getUpToPartySize() < rows.get(i - 1).getUpToPartySize()) {
                refuse(at + ".upToPartySize", CatalogErrorCode.INVALID_FORMAT, "rows ascend by upToPartySize");
            }
        }
        return this;
    }

    /**
     * A deposit per guest: a plain decimal (no sign, exponent or grouping) with at most the currency's decimals, from
     * 0 to 10000. Returns it when valid, else null with the rule recorded.
     */
    BigDecimal deposit(String field, String amount, String currency) {
        if (amount == null) return null;
        if (amount.length() > 40 || !amount.matches("-?\\d+(\\.\\d+)?")) {
            refuse(field, CatalogErrorCode.INVALID_FORMAT, field + " must be a decimal such as 10.00");
            return null;
        }
        BigDecimal value = new BigDecimal(amount);
        if (value.signum() < 0 || value.compareTo(MAX_DEPOSIT) > 0) {
            refuse(field, CatalogErrorCode.OUT_OF_RANGE, field + " must be from 0 to " + MAX_DEPOSIT);
            return null;
        }
        return decimalsFit(field, value, currency) ? value : null;
    }

    /** Whether an amount has no more decimals than its currency (unknown currencies are reported on their own). */
    boolean decimalsFit(String field, BigDecimal amount, String currency) {
        var digits = Currencies.digits(currency);
        if (digits.isPresent() && amount.stripTrailingZeros().scale() > digits.getAsInt()) {
            refuse(field, CatalogErrorCode.INVALID_FORMAT, currency + " amounts have at most " + digits.getAsInt()
                    + " decimals");
            return false;
        }
        return true;
    }

    RestaurantRules table(RestaurantTableInput table) {
        rules.text("input.label", table.getLabel(), true, MAX_LABEL)
                .range("input.minParty", table.getMinParty(), 1, MAX_PARTY)
                .range("input.maxParty", table.getMaxParty(), 1, MAX_PARTY);
        int min = table.getMinParty() == null ? 1 : table.getMinParty();
        if (min >= 1 && table.getMaxParty() >= 1 && table.getMaxParty() <= MAX_PARTY && min > table.getMaxParty()) {
            refuse("input.maxParty", CatalogErrorCode.OUT_OF_RANGE, "maxParty must not be below minParty");
        }
        return this;
    }
}
