package dev.stay.catalog.restaurant;

import dev.stay.catalog.db.enums.Cuisine;
import dev.stay.catalog.db.enums.PropertyStatus;
import dev.stay.catalog.db.enums.TableArea;
import dev.stay.catalog.db.tables.records.RestaurantClosedDateRecord;
import dev.stay.catalog.db.tables.records.RestaurantPhotoRecord;
import dev.stay.catalog.db.tables.records.RestaurantRecord;
import dev.stay.catalog.db.tables.records.RestaurantSeatingDurationRecord;
import dev.stay.catalog.db.tables.records.RestaurantServicePeriodRecord;
import dev.stay.catalog.db.tables.records.RestaurantTableRecord;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.UUID;
import org.jooq.DSLContext;

/** Restaurants written straight to the catalog's tables, each with fresh ids so tests never see each other's data. */
final class RestaurantFixtures {

    private final DSLContext db;

    RestaurantFixtures(DSLContext db) {
        this.db = db;
    }

    record ARestaurant(UUID id, UUID ownerId, UUID window, UUID terrace, UUID removed) {}

    /**
     * A published Lisbon restaurant: dinner Tuesday to Saturday (Saturday's until 01:00), a closed day yesterday (not
     * shown) and one next week, a EUR 10 deposit, tables T2 (window) and T1 (terrace) on sale, T9 removed.
     */
    ARestaurant aPublishedRestaurantInLisbon() {
        return aRestaurant(UUID.randomUUID(), PropertyStatus.PUBLISHED);
    }

    ARestaurant aDraftRestaurant(UUID ownerId) {
        return aRestaurant(ownerId, PropertyStatus.DRAFT);
    }

    ARestaurant aRestaurant(UUID ownerId, PropertyStatus status) {
        ARestaurant restaurant = new ARestaurant(UUID.randomUUID(), ownerId, UUID.randomUUID(), UUID.randomUUID(),
                UUID.randomUUID());
        UUID id = restaurant.id();
        LocalDate today = LocalDate.now(ZoneId.of("Europe/Lisbon"));
        db.batchInsert(
                new RestaurantRecord().setId(id).setOwnerId(ownerId).setStatus(status)
                        .setName("Tasca do Rio").setDescription("Fish by the river")
                        .setCuisines(new Cuisine[] {Cuisine.PORTUGUESE, Cuisine.SEAFOOD}).setPriceRange((short) 2)
                        .setStreet("Rua do Ouro 12").setCity("Lisbon").setRegion("Lisboa").setCountry("PT")
                        .setPostalCode("1100-060").setLat(38.7102).setLon(-9.1371).setTimeZone("Europe/Lisbon")
                        .setCurrency("EUR").setSlotMinutes((short) 15).setDepositPerGuest(new BigDecimal("10"))
                        .setDepositRefundableHours((short) 24),
                new RestaurantPhotoRecord(id, 0, "https://img.stay.example/tasca.jpg", "Front"),
                new RestaurantServicePeriodRecord(id, (short) 6, LocalTime.of(19, 0), LocalTime.of(1, 0)),
                new RestaurantServicePeriodRecord(id, (short) 2, LocalTime.of(19, 0), LocalTime.of(23, 0)),
                new RestaurantServicePeriodRecord(id, (short) 2, LocalTime.of(12, 0), LocalTime.of(15, 0)),
                new RestaurantClosedDateRecord(id, today.minusDays(1)),
                new RestaurantClosedDateRecord(id, today.plusDays(7)),
                new RestaurantSeatingDurationRecord(id, (short) 2, (short) 90),
                new RestaurantSeatingDurationRecord(id, (short) 8, (short) 150),
                new RestaurantTableRecord(restaurant.window(), id, "T2", (short) 1, (short) 2, TableArea.INSIDE, false),
                new RestaurantTableRecord(restaurant.terrace(), id, "T1", (short) 2, (short) 6, TableArea.TERRACE, false),
                new RestaurantTableRecord(restaurant.removed(), id, "T9", (short) 1, (short) 4, TableArea.BAR, true))
                .execute();
        return restaurant;
    }
}
