package dev.stay.booking.inventory;

import static dev.stay.booking.db.Tables.PROPERTY;
import static dev.stay.booking.db.Tables.UNIT_TYPE;
import static org.assertj.core.api.Assertions.assertThat;

import dev.stay.booking.db.tables.records.InventoryNightRecord;
import dev.stay.booking.db.tables.records.PropertyRecord;
import dev.stay.booking.db.tables.records.UnitTypeRecord;
import dev.stay.common.test.SubgraphTest;
import dev.stay.common.test.SubgraphTestSupport.StatementCounter;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jooq.DSLContext;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.graphql.test.tester.WebGraphQlTester;

@SubgraphTest
class AvailabilityIT {

    static final String AVAILABILITY = """
            query ($representations: [_Any!]!, $checkIn: Date!, $checkOut: Date!, $guests: Int!, $rooms: Int) {
              _entities(representations: $representations) {
                ... on Hotel {
                  id
                  availability(checkIn: $checkIn, checkOut: $checkOut, guests: $guests, rooms: $rooms) {
                    roomType { id }
                    available
                    nightlyPrices { date price { amount currency } }
                    totalPrice { amount currency }
                    cancellationPolicy { refundable freeCancellationUntil penaltyPercent }
                  }
                }
              }
            }""";

    @Autowired WebGraphQlTester graphQl;
    @Autowired DSLContext db;
    @Autowired StatementCounter statements;

    UUID hotel = UUID.randomUUID();
    UUID twin = UUID.randomUUID();
    UUID suite = UUID.randomUUID();
    LocalDate checkIn = LocalDate.now().plusDays(40);

    /**
     * A Lisbon hotel: 10 twins at 100 (one night priced 150, another with 1 room left), free to cancel until 24 hours
     * before check-in, and 2 suites at 250, not refundable.
     */
    @BeforeEach
    void aHotelWithOneTwinLeftOnItsSecondNight() {
        db.batchInsert(
                new PropertyRecord().setId(hotel).setStatus("PUBLISHED").setTimeZone("Europe/Lisbon").setCurrency("EUR"),
                new UnitTypeRecord().setId(twin).setPropertyId(hotel).setMaxGuests(2).setDefaultUnits(10)
                        .setBasePrice(new BigDecimal("100.00")),
                new UnitTypeRecord().setId(suite).setPropertyId(hotel).setMaxGuests(4).setDefaultUnits(2)
                        .setBasePrice(new BigDecimal("250.00")).setRefundable(false),
                new InventoryNightRecord().setUnitTypeId(twin).setNight(checkIn).setPrice(new BigDecimal("150.00")),
                new InventoryNightRecord().setUnitTypeId(twin).setNight(checkIn.plusDays(1)).setTotalUnits(10)
                        .setTakenUnits(9))
                .execute();
    }

    @Test
    void offersRoomTypesFreeEveryNightWithLiveNightlyPrices() {
        var response = availability(hotel, checkIn, checkIn.plusDays(3), 2, 1);

        response.path("_entities[0].availability[*].roomType.id").entityList(String.class)
                .containsExactly(twin.toString(), suite.toString());
        response.path("_entities[0].availability[0].available").entity(Integer.class).isEqualTo(1);
        response.path("_entities[0].availability[0].nightlyPrices[*].price.amount").entityList(String.class)
                .containsExactly("150.00", "100.00", "100.00");
        response.path("_entities[0].availability[0].totalPrice")
                .entity(Map.class).isEqualTo(Map.of("amount", "350.00", "currency", "EUR"));
        response.path("_entities[0].availability[1].totalPrice.amount").entity(String.class).isEqualTo("750.00");
        response.path("_entities[0].availability[1].cancellationPolicy.freeCancellationUntil").valueIsNull();
    }

    @Test
    void eachOfferShowsItsRoomTypesCancellationPolicyAndANonRefundableOneSaysSo() {
        var response = availability(hotel, checkIn, checkIn.plusDays(3), 2, 1);

        // Lisbon in winter or summer: check-in at 15:00 local, 24 hours before, in the hotel's offset
        response.path("_entities[0].availability[0].cancellationPolicy").entity(Map.class).satisfies(policy -> {
            assertThat(policy.get("refundable")).isEqualTo(true);
            assertThat(java.time.OffsetDateTime.parse((String) policy.get("freeCancellationUntil")).toInstant())
                    .isEqualTo(checkIn.minusDays(1).atTime(15, 0).atZone(java.time.ZoneId.of("Europe/Lisbon")).toInstant());
            assertThat(policy.get("penaltyPercent")).isEqualTo(100);
        });
        response.path("_entities[0].availability[1].cancellationPolicy.refundable").entity(Boolean.class).isEqualTo(false)
                .path("_entities[0].availability[1].cancellationPolicy.penaltyPercent").entity(Integer.class).isEqualTo(100);
    }

    @Test
    void aStayArrivingOnANightClosedToArrivalIsNotOfferedButOneStayingThroughItIs() {
        rule(suite, checkIn.plusDays(1), n -> n.setClosedToArrival(true));

        assertThat(offered(checkIn.plusDays(1), checkIn.plusDays(3))).containsExactly(twin.toString());
        assertThat(offered(checkIn, checkIn.plusDays(3))).containsExactly(twin.toString(), suite.toString());
    }

    @Test
    void aStayLeavingOnADayClosedToDepartureIsNotOfferedButOneStayingThroughItIs() {
        rule(suite, checkIn.plusDays(2), n -> n.setClosedToDeparture(true));

        assertThat(offered(checkIn, checkIn.plusDays(2))).containsExactly(twin.toString());
        assertThat(offered(checkIn, checkIn.plusDays(3))).containsExactly(twin.toString(), suite.toString());
    }

    @Test
    void theArrivalNightsMinimumStayKeepsShorterStaysOut() {
        rule(suite, checkIn, n -> n.setMinStay(3));
        rule(suite, checkIn.plusDays(1), n -> n.setMinStay(5));

        assertThat(offered(checkIn, checkIn.plusDays(2))).containsExactly(twin.toString());
        assertThat(offered(checkIn, checkIn.plusDays(3))).as("exactly the minimum; later nights' minimum does not count")
                .containsExactly(twin.toString(), suite.toString());
    }

    @Test
    void theArrivalNightsMaximumStayKeepsLongerStaysOut() {
        rule(suite, checkIn, n -> n.setMaxStay(2));

        assertThat(offered(checkIn, checkIn.plusDays(3))).containsExactly(twin.toString());
        assertThat(offered(checkIn, checkIn.plusDays(2))).containsExactly(twin.toString(), suite.toString());
    }

    @Test
    void aNightWithoutARowHasTheRoomTypesStayLimits() {
        db.update(UNIT_TYPE).set(UNIT_TYPE.MIN_STAY, 4).where(UNIT_TYPE.ID.eq(suite)).execute();

        assertThat(offered(checkIn, checkIn.plusDays(3))).containsExactly(twin.toString());
        assertThat(offered(checkIn, checkIn.plusDays(4))).contains(suite.toString());
    }

    private void rule(UUID roomType, LocalDate night, java.util.function.Consumer<InventoryNightRecord> rule) {
        InventoryNightRecord record = new InventoryNightRecord().setUnitTypeId(roomType).setNight(night);
        rule.accept(record);
        db.insertInto(dev.stay.booking.db.Tables.INVENTORY_NIGHT).set(record).execute();
    }

    private List<String> offered(LocalDate from, LocalDate to) {
        return availability(hotel, from, to, 2, 1).path("_entities[0].availability[*].roomType.id")
                .entityList(String.class).get();
    }

    @Test
    void aRoomTypeWithTooFewRoomsOnOneNightIsNotOffered() {
        availability(hotel, checkIn, checkIn.plusDays(3), 4, 2)
                .path("_entities[0].availability[*].roomType.id").entityList(String.class)
                .containsExactly(suite.toString());
    }

    @Test
    void aNightThatIsClosedTakesTheRoomTypeOffSale() {
        db.insertInto(dev.stay.booking.db.Tables.INVENTORY_NIGHT)
                .set(new InventoryNightRecord().setUnitTypeId(suite).setNight(checkIn.plusDays(2)).setClosed(true))
                .execute();

        availability(hotel, checkIn, checkIn.plusDays(3), 2, 1)
                .path("_entities[0].availability[*].roomType.id").entityList(String.class)
                .containsExactly(twin.toString());
    }

    @ParameterizedTest
    @ValueSource(strings = {"DRAFT", "SUSPENDED"})
    void aHotelTheCatalogDoesNotShowPubliclyOffersNothing(String status) {
        db.update(PROPERTY).set(PROPERTY.STATUS, status).where(PROPERTY.ID.eq(hotel)).execute();

        availability(hotel, checkIn, checkIn.plusDays(3), 2, 1)
                .path("_entities[0].availability").entityList(Object.class).hasSize(0);
    }

    @Test
    void aRemovedRoomTypeIsNotOffered() {
        db.update(UNIT_TYPE).set(UNIT_TYPE.ACTIVE, false).where(UNIT_TYPE.ID.eq(suite)).execute();

        availability(hotel, checkIn, checkIn.plusDays(3), 2, 1)
                .path("_entities[0].availability[*].roomType.id").entityList(String.class)
                .containsExactly(twin.toString());
    }

    @Test
    void aHotelBookingDoesNotSellYetHasNoAvailability() {
        availability(UUID.randomUUID(), checkIn, checkIn.plusDays(1), 2, 1)
                .path("_entities[0].availability").entityList(Object.class).hasSize(0);
    }

    @Test
    void theWholeStayIsReadInOneStatementAfterTheTimeZone() {
        statements.reset();

        availability(hotel, checkIn, checkIn.plusDays(14), 2, 1).path("_entities[0].availability").hasValue();

        assertThat(statements.reset()).as("time zone, then every night of every room type").isEqualTo(2);
    }

    @Test
    void badDatesAreRefusedWithACodeAndTheField() {
        availability(hotel, checkIn, checkIn, 2, 1).errors().satisfy(errors -> {
            assertThat(errors).hasSize(1);
            assertThat(errors.getFirst().getExtensions())
                    .containsEntry("code", "BAD_USER_INPUT")
                    .containsEntry("reason", "CHECK_OUT_NOT_AFTER_CHECK_IN")
                    .containsEntry("field", "checkOut");
        });
    }

    private org.springframework.graphql.test.tester.GraphQlTester.Response availability(
            UUID hotelId, LocalDate from, LocalDate to, int guests, int rooms) {
        return graphQl.document(AVAILABILITY)
                .variable("representations", List.of(Map.of("__typename", "Hotel", "id", hotelId.toString())))
                .variable("checkIn", from.toString())
                .variable("checkOut", to.toString())
                .variable("guests", guests)
                .variable("rooms", rooms)
                .execute();
    }
}
