package dev.stay.catalog.restaurant;

import static dev.stay.catalog.db.Tables.RESTAURANT;

import dev.stay.catalog.db.enums.PropertyStatus;
import dev.stay.catalog.db.tables.records.RestaurantRecord;
import dev.stay.catalog.onboarding.Stored;
import dev.stay.codegen.catalog.types.CreateRestaurantInput;
import dev.stay.common.security.Viewer;
import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jooq.DSLContext;
import org.springframework.stereotype.Component;

/** An owner's new restaurant starts as a draft, seen only by them and admins until it is published. */
@Component
class CreatingRestaurant {

    private final DSLContext db;
    private final RestaurantChange change;
    private final RestaurantSchedule schedule;

    CreatingRestaurant(DSLContext db, RestaurantChange change, RestaurantSchedule schedule) {
        this.db = db;
        this.change = change;
        this.schedule = schedule;
    }

    RestaurantOutcome create(Optional<Viewer> viewer, CreateRestaurantInput input) {
        RestaurantRules rules = new RestaurantRules()
                .restaurant(true, input.getName(), input.getDescription(), input.getPriceRange(), input.getAddress(),
                        input.getLocation(), input.getTimeZone(), input.getCurrency(), input.getSlotMinutes(),
                        input.getDepositRefundableHours())
                .cuisines(input.getCuisines())
                .closedDates(input.getClosedDates(), input.getTimeZone())
                .seatingDurations(input.getSeatingDurations());
        List<OpeningHours.Period> periods = OpeningHours.check("openingHours", input.getOpeningHours(), rules.rules);
        BigDecimal deposit = rules.deposit("depositPerGuest", input.getDepositPerGuest(), input.getCurrency());
        return change.create(viewer, rules, owner -> {
            RestaurantRecord restaurant = db.newRecord(RESTAURANT)
                    .setId(UUID.randomUUID()).setOwnerId(owner).setStatus(PropertyStatus.DRAFT)
                    .setName(Stored.text(input.getName())).setDescription(Stored.text(input.getDescription()))
                    .setCuisines(EditingRestaurant.cuisines(input.getCuisines()))
                    .setPriceRange((short) input.getPriceRange())
                    .setLat(input.getLocation().getLat()).setLon(input.getLocation().getLon())
                    .setTimeZone(input.getTimeZone()).setCurrency(input.getCurrency())
                    .setDepositPerGuest(deposit == null ? BigDecimal.ZERO : deposit)
                    .setVersion(1);
            EditingRestaurant.address(restaurant, input.getAddress());
            if (input.getSlotMinutes() != null) restaurant.setSlotMinutes(input.getSlotMinutes().shortValue());
            if (input.getDepositRefundableHours() != null) {
                restaurant.setDepositRefundableHours(input.getDepositRefundableHours().shortValue());
            }
            restaurant.store();
            schedule.replaceOpeningHours(restaurant.getId(), periods);
            schedule.replaceClosedDates(restaurant.getId(),
                    input.getClosedDates() == null ? List.of() : input.getClosedDates());
            schedule.replaceSeatingDurations(restaurant.getId(), input.getSeatingDurations() == null
                    ? RestaurantSchedule.DEFAULT_SEATING : input.getSeatingDurations());
            return restaurant.getId();
        });
    }
}
