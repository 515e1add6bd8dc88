package dev.stay.catalog.restaurant;

import dev.stay.catalog.db.enums.Cuisine;
import dev.stay.catalog.db.enums.PropertyStatus;
import dev.stay.catalog.db.tables.records.RestaurantRecord;
import dev.stay.catalog.onboarding.Stored;
import dev.stay.codegen.catalog.types.AddressInput;
import dev.stay.codegen.catalog.types.CatalogErrorCode;
import dev.stay.codegen.catalog.types.UpdateRestaurantInput;
import dev.stay.common.security.Viewer;
import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Component;

/** An owner edits their restaurant; only the fields given change, and a list given replaces the whole list. */
@Component
class EditingRestaurant {

    private final RestaurantChange change;
    private final RestaurantSchedule schedule;

    EditingRestaurant(RestaurantChange change, RestaurantSchedule schedule) {
        this.change = change;
        this.schedule = schedule;
    }

    RestaurantOutcome update(Optional<Viewer> viewer, String id, int version, UpdateRestaurantInput input) {
        return change.apply(viewer, id, version, (restaurant, rules) -> {
            String zone = input.getTimeZone() != null ? input.getTimeZone() : restaurant.getTimeZone();
            String currency = input.getCurrency() != null ? input.getCurrency() : restaurant.getCurrency();
            rules.restaurant(false, input.getName(), input.getDescription(), input.getPriceRange(), input.getAddress(),
                            input.getLocation(), input.getTimeZone(), input.getCurrency(), input.getSlotMinutes(),
                            input.getDepositRefundableHours())
                    .cuisines(input.getCuisines())
                    .closedDates(input.getClosedDates(), zone)
                    .seatingDurations(input.getSeatingDurations());
            List<OpeningHours.Period> periods = input.getOpeningHours() == null ? null
                    : OpeningHours.check("openingHours", input.getOpeningHours(), rules.rules);
            if (periods != null && periods.isEmpty() && rules.ok() && restaurant.getStatus() == PropertyStatus.PUBLISHED) {
                rules.refuse("openingHours", CatalogErrorCode.INVALID_STATUS_CHANGE,
                        "a published restaurant keeps at least one service period; unpublish it first");
            }
            BigDecimal deposit = rules.deposit("depositPerGuest", input.getDepositPerGuest(), currency);
            if (input.getDepositPerGuest() == null && input.getCurrency() != null) {
                rules.decimalsFit("currency", restaurant.getDepositPerGuest(), currency); // the deposit it keeps
            }
            if (!rules.ok()) return;
            if (input.getName() != null) restaurant.setName(Stored.text(input.getName()));
            if (input.getDescription() != null) restaurant.setDescription(Stored.text(input.getDescription()));
            if (input.getCuisines() != null) restaurant.setCuisines(cuisines(input.getCuisines()));
            if (input.getPriceRange() != null) restaurant.setPriceRange(input.getPriceRange().shortValue());
            if (input.getAddress() != null) address(restaurant, input.getAddress());
            if (input.getLocation() != null) {
                restaurant.setLat(input.getLocation().getLat()).setLon(input.getLocation().getLon());
            }
            restaurant.setTimeZone(zone).setCurrency(currency);
            if (input.getSlotMinutes() != null) restaurant.setSlotMinutes(input.getSlotMinutes().shortValue());
            if (deposit != null) restaurant.setDepositPerGuest(deposit);
            if (input.getDepositRefundableHours() != null) {
                restaurant.setDepositRefundableHours(input.getDepositRefundableHours().shortValue());
            }
            if (periods != null) schedule.replaceOpeningHours(restaurant.getId(), periods);
            if (input.getClosedDates() != null) schedule.replaceClosedDates(restaurant.getId(), input.getClosedDates());
            if (input.getSeatingDurations() != null) {
                schedule.replaceSeatingDurations(restaurant.getId(), input.getSeatingDurations());
            }
        });
    }

    /** The address as a whole: a region or postal code left out is cleared. */
    static void address(RestaurantRecord restaurant, AddressInput address) {
        restaurant.setStreet(Stored.text(address.getStreet())).setCity(Stored.text(address.getCity()))
                .setRegion(Stored.optional(address.getRegion())).setCountry(address.getCountry())
                .setPostalCode(Stored.optional(address.getPostalCode()));
    }

    static Cuisine[] cuisines(List<dev.stay.codegen.catalog.types.Cuisine> cuisines) {
        return cuisines.stream().map(c -> Cuisine.valueOf(c.name())).toArray(Cuisine[]::new);
    }
}
