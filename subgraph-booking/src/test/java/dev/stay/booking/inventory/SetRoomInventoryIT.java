package dev.stay.booking.inventory;

import static dev.stay.booking.db.Tables.INVENTORY_NIGHT;
import static dev.stay.booking.db.Tables.OUTBOX;
import static org.assertj.core.api.Assertions.assertThat;

import dev.stay.booking.db.tables.records.InventoryNightRecord;
import dev.stay.booking.db.tables.records.OutboxRecord;
import dev.stay.booking.db.tables.records.PropertyRecord;
import dev.stay.booking.db.tables.records.UnitTypeRecord;
import dev.stay.common.test.SignedIn;
import dev.stay.common.test.SubgraphTest;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jooq.DSLContext;
import org.jooq.Result;
import org.jooq.impl.DSL;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.graphql.test.tester.GraphQlTester;
import org.springframework.graphql.test.tester.WebGraphQlTester;

@SubgraphTest
class SetRoomInventoryIT {

    static final String SET = """
            mutation ($input: SetRoomInventoryInput!) {
              setRoomInventory(input: $input) { roomType { id } nights errors { field code message } }
            }""";

    @Autowired WebGraphQlTester graphQl;
    @Autowired DSLContext db;

    UUID owner = UUID.randomUUID();
    UUID hotel = UUID.randomUUID();
    UUID roomType = UUID.randomUUID();
    LocalDate from = LocalDate.now().plusDays(20);

    @BeforeEach
    void anOwnersHotelWithTwoRoomsBookedOnOneNight() {
        db.batchInsert(
                new PropertyRecord().setId(hotel).setOwnerId(owner).setTimeZone("Europe/Paris").setCurrency("EUR"),
                new UnitTypeRecord().setId(roomType).setPropertyId(hotel).setMaxGuests(2).setDefaultUnits(5)
                        .setBasePrice(new BigDecimal("90.00")),
                new InventoryNightRecord().setUnitTypeId(roomType).setNight(from.plusDays(1)).setTakenUnits(2))
                .execute();
    }

    @AfterEach
    void signOut() {
        SignedIn.nobody();
    }

    @Test
    void theOwnerSetsRoomsAndPriceForEveryNightOfTheRange() {
        SignedIn.as(owner, "guest", "owner");

        var result = set(input(from, from.plusDays(4), Map.of("rooms", 8, "price", "120.50")));

        result.path("setRoomInventory.errors").entityList(Object.class).hasSize(0);
        result.path("setRoomInventory.nights").entity(Integer.class).isEqualTo(5);
        result.path("setRoomInventory.roomType.id").entity(String.class).isEqualTo(roomType.toString());
        Result<InventoryNightRecord> nights = nights();
        assertThat(nights).hasSize(5).allSatisfy(n -> {
            assertThat(n.getTotalUnits()).isEqualTo(8);
            assertThat(n.getPrice()).isEqualByComparingTo("120.50");
            assertThat(n.getClosed()).isFalse();
        });
        assertThat(nights.get(1).getTakenUnits()).as("bookings are kept").isEqualTo(2);
        assertThat(announced()).singleElement().satisfies(event -> {
            assertThat(event.getTopic()).isEqualTo("booking.inventory");
            assertThat(event.getKey()).isEqualTo(hotel.toString());
            assertThat(event.getPayload().data()).contains("\"price\": 120.50", "\"currency\": \"EUR\"", "\"rooms\": 8");
        });
    }

    @Test
    void closingLeavesRoomsAndPriceAsTheyWere() {
        SignedIn.as(owner, "owner");
        set(input(from, from.plusDays(1), Map.of("price", "99.00")));

        set(input(from, from.plusDays(2), Map.of("closed", true)))
                .path("setRoomInventory.nights").entity(Integer.class).isEqualTo(3);

        assertThat(nights()).extracting(InventoryNightRecord::getClosed).containsOnly(true);
        assertThat(nights().get(0).getPrice()).isEqualByComparingTo("99.00");
        assertThat(nights().get(2).getPrice()).as("never priced: the base price still applies").isNull();
    }

    @Test
    void anAdminMaySetAnyHotel() {
        SignedIn.as(UUID.randomUUID(), "admin");

        set(input(from, from, Map.of("rooms", 3))).path("setRoomInventory.errors").entityList(Object.class).hasSize(0);
    }

    @Test
    void anotherOwnerOrAGuestIsForbiddenAndNothingChanges() {
        SignedIn.as(UUID.randomUUID(), "guest", "owner");
        set(input(from, from.plusDays(2), Map.of("rooms", 0)))
                .path("setRoomInventory.errors[0].code").entity(String.class).isEqualTo("FORBIDDEN");
        SignedIn.as(UUID.randomUUID(), "guest");
        set(input(from, from.plusDays(2), Map.of("rooms", 0)))
                .path("setRoomInventory.errors[0].code").entity(String.class).isEqualTo("FORBIDDEN");

        assertThat(nights()).hasSize(1).allSatisfy(n -> assertThat(n.getTotalUnits()).isNull());
    }

    @Test
    void anOwnerWhoseOwnerRoleWasRemovedCanNoLongerSetTheirInventory() {
        SignedIn.as(owner, "guest");

        set(input(from, from.plusDays(2), Map.of("rooms", 0)))
                .path("setRoomInventory.errors[0].code").entity(String.class).isEqualTo("FORBIDDEN");
        assertThat(nights()).hasSize(1).allSatisfy(n -> assertThat(n.getTotalUnits()).isNull());
    }

    @Test
    void aRemovedRoomTypeIsRefusedWithItsCodeAndNothingChanges() {
        db.update(dev.stay.booking.db.Tables.UNIT_TYPE).set(dev.stay.booking.db.Tables.UNIT_TYPE.ACTIVE, false)
                .where(dev.stay.booking.db.Tables.UNIT_TYPE.ID.eq(roomType)).execute();
        SignedIn.as(owner, "owner");

        var result = set(input(from, from.plusDays(2), Map.of("rooms", 4)));

        result.path("setRoomInventory.errors[0].code").entity(String.class).isEqualTo("ROOM_TYPE_REMOVED");
        result.path("setRoomInventory.errors[0].field").entity(String.class).isEqualTo("roomTypeId");
        result.path("setRoomInventory.roomType").valueIsNull();
        assertThat(nights()).hasSize(1).allSatisfy(n -> assertThat(n.getTotalUnits()).isNull());
    }

    @Test
    void nobodySignedInIsAskedToSignIn() {
        set(input(from, from, Map.of("rooms", 1)))
                .path("setRoomInventory.errors[0].code").entity(String.class).isEqualTo("UNAUTHENTICATED");
    }

    @Test
    void roomsCannotGoBelowWhatIsBooked() {
        SignedIn.as(owner, "owner");

        var result = set(input(from, from.plusDays(3), Map.of("rooms", 1, "price", "10.00")));

        result.path("setRoomInventory.errors[0].code").entity(String.class).isEqualTo("ROOMS_BELOW_BOOKED");
        assertThat(nights()).hasSize(1).allSatisfy(n -> assertThat(n.getPrice()).isNull());
    }

    @ParameterizedTest(name = "{0}: {1}")
    @CsvSource({
            "to before from,        RANGE_INVALID,      to,     5,   -1, rooms, 3",
            "a year and a day,      RANGE_TOO_LONG,     to,     0,  366, rooms, 3",
            "in the past,           RANGE_IN_PAST,      from, -30,    1, rooms, 3",
            "negative rooms,        ROOMS_OUT_OF_RANGE, rooms,  0,    1, rooms, -1",
            "too many rooms,        ROOMS_OUT_OF_RANGE, rooms,  0,    1, rooms, 10001",
            "three decimals,        PRICE_INVALID,      price,  0,    1, price, 10.005",
            "not a number,          PRICE_INVALID,      price,  0,    1, price, ten",
            "negative price,        PRICE_INVALID,      price,  0,    1, price, -1",
            "over two years ahead,  RANGE_TOO_FAR,      to,   700,   50, rooms, 3",
            "no minimum stay,       MIN_STAY_OUT_OF_RANGE, minStay, 0, 1, minStay, 0",
            "minimum over a year,   MIN_STAY_OUT_OF_RANGE, minStay, 0, 1, minStay, 366",
            "no maximum stay,       MAX_STAY_OUT_OF_RANGE, maxStay, 0, 1, maxStay, 0",
            "maximum over a year,   MAX_STAY_OUT_OF_RANGE, maxStay, 0, 1, maxStay, 366"})
    void invalidInputIsRefusedWithACodeAndChangesNothing(String why, String code, String field, int fromOffset,
                                                         int length, String setting, String value) {
        SignedIn.as(owner, "owner");
        LocalDate start = LocalDate.now().plusDays(fromOffset == -30 ? -30 : 20 + fromOffset);
        Object given = setting.equals("price") ? value : (Object) Integer.parseInt(value);

        var result = set(input(start, start.plusDays(length), Map.of(setting, given)));

        result.path("setRoomInventory.errors[0].code").entity(String.class).isEqualTo(code);
        result.path("setRoomInventory.errors[0].field").entity(String.class).isEqualTo(field);
        result.path("setRoomInventory.roomType").valueIsNull();
        assertThat(nights()).hasSize(1);
        assertThat(announced()).isEmpty();
    }

    @Test
    void theOwnerSetsSaleRulesPerNightAndLeavesEverythingElseAsItWas() {
        SignedIn.as(owner, "owner");
        set(input(from, from.plusDays(2), Map.of("price", "99.00", "closed", true)));

        var result = set(input(from, from.plusDays(2),
                Map.of("minStay", 2, "maxStay", 7, "closedToArrival", true)));

        result.path("setRoomInventory.errors").entityList(Object.class).hasSize(0);
        result.path("setRoomInventory.nights").entity(Integer.class).isEqualTo(3);
        assertThat(nights()).hasSize(3).allSatisfy(n -> {
            assertThat(n.getMinStay()).isEqualTo(2);
            assertThat(n.getMaxStay()).isEqualTo(7);
            assertThat(n.getClosedToArrival()).isTrue();
            assertThat(n.getClosedToDeparture()).isFalse();
            assertThat(n.getPrice()).isEqualByComparingTo("99.00");
            assertThat(n.getClosed()).isTrue();
        });
        assertThat(announced()).last().satisfies(event -> assertThat(event.getPayload().data())
                .contains("\"minStay\": 2", "\"maxStay\": 7", "\"closedToArrival\": true"));

        set(input(from.plusDays(1), from.plusDays(1), Map.of("closedToDeparture", true, "closedToArrival", false)));

        assertThat(nights()).extracting(InventoryNightRecord::getClosedToDeparture).containsExactly(false, true, false);
        assertThat(nights()).extracting(InventoryNightRecord::getClosedToArrival).containsExactly(true, false, true);
        assertThat(nights()).extracting(InventoryNightRecord::getMinStay).containsOnly(2);
    }

    @Test
    void aNewNightGetsOnlyTheRulesGivenAndTheRoomTypesDefaultsForTheRest() {
        SignedIn.as(owner, "owner");

        set(input(from.plusDays(3), from.plusDays(3), Map.of("maxStay", 3)))
                .path("setRoomInventory.errors").entityList(Object.class).hasSize(0);

        assertThat(nights()).last().satisfies(n -> {
            assertThat(n.getMaxStay()).isEqualTo(3);
            assertThat(n.getMinStay()).as("the room type's").isNull();
            assertThat(n.getClosedToArrival()).isFalse();
            assertThat(n.getTotalUnits()).isNull();
            assertThat(n.getPrice()).isNull();
        });
    }

    @Test
    void aMaximumStayBelowTheMinimumIsRefusedAndChangesNothing() {
        SignedIn.as(owner, "owner");

        var result = set(input(from, from.plusDays(2), Map.of("minStay", 4, "maxStay", 3)));

        result.path("setRoomInventory.errors[0].code").entity(String.class).isEqualTo("MAX_STAY_BELOW_MIN_STAY");
        result.path("setRoomInventory.errors[0].field").entity(String.class).isEqualTo("maxStay");
        assertThat(nights()).hasSize(1).allSatisfy(n -> assertThat(n.getMinStay()).isNull());
        assertThat(announced()).isEmpty();
    }

    @Test
    void aLimitGivenAloneMustNotCrossTheOtherLimitANightOrItsRoomTypeAlreadyHas() {
        SignedIn.as(owner, "owner");
        set(input(from, from.plusDays(2), Map.of("maxStay", 5)));
        db.update(dev.stay.booking.db.Tables.UNIT_TYPE).set(dev.stay.booking.db.Tables.UNIT_TYPE.MIN_STAY, 3)
                .where(dev.stay.booking.db.Tables.UNIT_TYPE.ID.eq(roomType)).execute();

        set(input(from.plusDays(2), from.plusDays(4), Map.of("minStay", 6)))
                .path("setRoomInventory.errors[0].code").entity(String.class).isEqualTo("MAX_STAY_BELOW_MIN_STAY")
                .path("setRoomInventory.errors[0].field").entity(String.class).isEqualTo("minStay");
        set(input(from.plusDays(3), from.plusDays(4), Map.of("maxStay", 2)))
                .path("setRoomInventory.errors[0].code").entity(String.class).isEqualTo("MAX_STAY_BELOW_MIN_STAY")
                .path("setRoomInventory.errors[0].field").entity(String.class).isEqualTo("maxStay");

        assertThat(nights()).hasSize(3).allSatisfy(n -> assertThat(n.getMinStay()).isNull());
        set(input(from.plusDays(3), from.plusDays(4), Map.of("minStay", 6)))
                .path("setRoomInventory.errors").entityList(Object.class).hasSize(0);
    }

    @Test
    void anotherOwnerCannotSetSaleRules() {
        SignedIn.as(UUID.randomUUID(), "owner");

        set(input(from, from.plusDays(2), Map.of("closedToArrival", true)))
                .path("setRoomInventory.errors[0].code").entity(String.class).isEqualTo("FORBIDDEN");
        assertThat(nights()).hasSize(1).allSatisfy(n -> assertThat(n.getClosedToArrival()).isFalse());
    }

    @Test
    void unknownAndMalformedRoomTypesAreNamed() {
        SignedIn.as(owner, "owner");
        Map<String, Object> unknown = input(from, from, Map.of("rooms", 1));
        unknown.put("roomTypeId", UUID.randomUUID().toString());
        Map<String, Object> malformed = input(from, from, Map.of("rooms", 1));
        malformed.put("roomTypeId", "room-1");

        set(unknown).path("setRoomInventory.errors[0].code").entity(String.class).isEqualTo("NOT_FOUND");
        set(malformed).path("setRoomInventory.errors[0].code").entity(String.class).isEqualTo("INVALID_ID");
    }

    @Test
    void askingToSetNothingIsAnError() {
        SignedIn.as(owner, "owner");

        set(input(from, from, Map.of())).path("setRoomInventory.errors[0].code").entity(String.class)
                .isEqualTo("NOTHING_TO_SET");
    }

    @Test
    void aKuwaitiPriceKeepsItsThreeDecimals() {
        UUID kuwaitHotel = UUID.randomUUID();
        UUID suite = UUID.randomUUID();
        db.batchInsert(
                new PropertyRecord().setId(kuwaitHotel).setOwnerId(owner).setTimeZone("Asia/Kuwait").setCurrency("KWD")
                        .setStatus("PUBLISHED"),
                new UnitTypeRecord().setId(suite).setPropertyId(kuwaitHotel).setMaxGuests(2).setDefaultUnits(3)).execute();
        SignedIn.as(owner, "owner");
        Map<String, Object> input = input(from, from.plusDays(1), Map.of("price", "12.345"));
        input.put("roomTypeId", suite.toString());

        set(input).path("setRoomInventory.errors").entityList(Object.class).hasSize(0);

        assertThat(db.select(INVENTORY_NIGHT.PRICE).from(INVENTORY_NIGHT).where(INVENTORY_NIGHT.UNIT_TYPE_ID.eq(suite))
                .fetch(INVENTORY_NIGHT.PRICE)).hasSize(2).allSatisfy(price -> assertThat(price).isEqualByComparingTo("12.345"));
        graphQl.document("""
                        query ($representations: [_Any!]!, $in: Date!, $out: Date!) {
                          _entities(representations: $representations) {
                            ... on Hotel { availability(checkIn: $in, checkOut: $out, guests: 2) {
                              nightlyPrices { price { amount } } totalPrice { amount currency } } }
                          }
                        }""")
                .variable("representations", List.of(Map.of("__typename", "Hotel", "id", kuwaitHotel.toString()))).variable("in", from.toString()).variable("out", from.plusDays(2).toString())
                .execute()
                .path("_entities[0].availability[0].nightlyPrices[0].price.amount").entity(String.class).isEqualTo("12.345")
                .path("_entities[0].availability[0].totalPrice.amount").entity(String.class).isEqualTo("24.690")
                .path("_entities[0].availability[0].totalPrice.currency").entity(String.class).isEqualTo("KWD");
    }

    @ParameterizedTest
    @CsvSource({"0000-01-01", "+10000-01-01", "-999999999-01-01", "+999999999-12-31", "1899-12-31", "tomorrow", "2027-02-30"})
    void anAbsurdDayIsInvalidInputAndChangesNothing(String day) {
        SignedIn.as(owner, "owner");
        Map<String, Object> input = input(from, from, Map.of("rooms", 1));
        input.put("to", day);

        set(input).errors().satisfy(errors -> {
            assertThat(errors).hasSize(1);
            assertThat(errors.getFirst().getMessage()).contains("input").doesNotContain("Exception");
            assertThat(errors.getFirst().getErrorType().toString()).isNotIn("INTERNAL_ERROR", "INTERNAL");
        });
        assertThat(nights()).hasSize(1);
    }

    private Map<String, Object> input(LocalDate start, LocalDate end, Map<String, Object> settings) {
        Map<String, Object> input = new HashMap<>(settings);
        input.put("roomTypeId", roomType.toString());
        input.put("from", start.toString());
        input.put("to", end.toString());
        return input;
    }

    private GraphQlTester.Response set(Map<String, Object> input) {
        return graphQl.document(SET).variable("input", input).execute();
    }

    /** The inventory events of this test's room type in booking's outbox. */
    private List<OutboxRecord> announced() {
        return db.selectFrom(OUTBOX).where(DSL.condition("{0} ->> 'roomTypeId' = {1}", OUTBOX.PAYLOAD, roomType.toString()))
                .fetch();
    }

    private Result<InventoryNightRecord> nights() {
        return db.selectFrom(INVENTORY_NIGHT).where(INVENTORY_NIGHT.UNIT_TYPE_ID.eq(roomType))
                .orderBy(INVENTORY_NIGHT.NIGHT).fetch();
    }
}
