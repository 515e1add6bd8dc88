package dev.stay.booking.dining;

import static dev.stay.booking.db.Tables.TABLE_RESERVATION;
import static dev.stay.booking.dining.Reserving.answer;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.stay.common.test.SubgraphTest;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.Map;
import java.util.UUID;
import org.jooq.DSLContext;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.graphql.test.tester.WebGraphQlTester;

/**
 * What holds whatever the code does: PostgreSQL refuses a double-booked table; a race lost to it is SlotTaken, not an
 * error; and every bad input is a typed rejection that takes nothing.
 */
@SubgraphTest
class TableGuaranteesIT {

    @Autowired WebGraphQlTester graphQl;
    @Autowired DSLContext db;

    Reserving reserving;
    DiningFixtures restaurant;
    LocalDate day = LocalDate.now().plusDays(12);

    @BeforeEach
    void aRestaurantWithOneTable() {
        reserving = new Reserving(graphQl, db);
        restaurant = DiningFixtures.aRestaurantInLisbon(db, "10.00", 4);
    }

    @Test
    void postgresRefusesAnOverlappingReservationOfATableUntilTheFirstIsCancelled() {
        UUID first = restaurant.aConfirmedReservation(db, UUID.randomUUID(), day, LocalTime.of(20, 0));

        assertThatThrownBy(() -> restaurant.aConfirmedReservation(db, UUID.randomUUID(), day, LocalTime.of(21, 0)))
                .isInstanceOf(org.springframework.dao.DataIntegrityViolationException.class)
                .hasMessageContaining("table_reservation_no_overlap");
        // back to back is no overlap: [20:00, 21:30) then [21:30, 23:00)
        restaurant.aConfirmedReservation(db, UUID.randomUUID(), day, LocalTime.of(21, 30));

        db.update(TABLE_RESERVATION).set(TABLE_RESERVATION.STATUS, "CANCELLED").where(TABLE_RESERVATION.ID.eq(first))
                .execute();
        restaurant.aConfirmedReservation(db, UUID.randomUUID(), day, LocalTime.of(20, 0));
        assertThat(db.fetchCount(TABLE_RESERVATION, TABLE_RESERVATION.RESTAURANT_ID.eq(restaurant.restaurant())))
                .isEqualTo(3);
    }

    @Test
    void aRaceLostToTheExclusionConstraintIsSlotTakenNotAnError() {
        // a reservation the restaurant's lock never saw: filed under another restaurant, on this one's table
        var other = DiningFixtures.aRestaurantInLisbon(db, "0", 2);
        new DiningFixtures(other.restaurant(), other.owner(), restaurant.tables(), restaurant.zone())
                .aConfirmedReservation(db, UUID.randomUUID(), day, LocalTime.of(20, 0));

        var response = reserving.reserve(UUID.randomUUID(), "k", Reserving.input(restaurant.restaurant(), day,
                "20:00", 2, "20.00", "tok_ok"));

        assertThat(answer(response, "reserveTable")).isEqualTo("SlotTaken");
        assertThat(db.fetchCount(TABLE_RESERVATION, TABLE_RESERVATION.RESTAURANT_ID.eq(restaurant.restaurant())))
                .isZero();
    }

    @ParameterizedTest(name = "{0}={1}")
    @CsvSource(delimiter = '|', textBlock = """
            partySize        | 0                      | PARTY_SIZE_OUT_OF_RANGE
            partySize        | 51                     | PARTY_SIZE_OUT_OF_RANGE
            time             | 25:00                  | INVALID_TIME
            time             | 8:00                   | INVALID_TIME
            time             | 20:00:00               | INVALID_TIME
            time             | 12:07                  | CLOSED
            time             | 03:00                  | CLOSED
            date             | past                   | INVALID_DATE
            date             | far                    | INVALID_DATE
            restaurantId     | %2e%2e%2fadmin         | INVALID_ID
            restaurantId     | unknown                | NOT_FOUND
            note             | long                   | TEXT_TOO_LONG
            note             | nul                    | INVALID_CHARACTERS
            partnerReference | long                   | TEXT_TOO_LONG
            quotedDeposit    | -1                     | INVALID_AMOUNT
            quotedDeposit    | 1e9                    | INVALID_AMOUNT
            paymentToken     | none                   | INVALID_PAYMENT_TOKEN
            """)
    void badInputIsATypedRejectionThatTakesNothing(String field, String value, String code) {
        Map<String, Object> input = Reserving.input(restaurant.restaurant(), day, "20:00", 2, "20.00", "tok_ok");
        switch (field) {
            case "partySize" -> input.put(field, Integer.parseInt(value));
            case "date" -> input.put(field, (value.equals("past") ? LocalDate.now().minusDays(2)
                    : LocalDate.now().plusDays(200)).toString());
            case "restaurantId" -> input.put(field, value.equals("unknown") ? UUID.randomUUID().toString() : value);
            case "note", "partnerReference" -> input.put(field, value.equals("nul") ? "hello\u0000" : "x".repeat(10_240));
            case "quotedDeposit" -> input.put(field, Map.of("amount", value, "currency", "EUR"));
            case "paymentToken" -> input.remove(field);
            default -> input.put(field, value);
        }

        var response = reserving.reserve(UUID.randomUUID(), "k-" + UUID.randomUUID(), input);

        response.path("reserveTable.__typename").entity(String.class).isEqualTo("ReservationRejected")
                .path("reserveTable.code").entity(String.class).isEqualTo(code);
        assertThat(db.fetchCount(TABLE_RESERVATION, TABLE_RESERVATION.RESTAURANT_ID.eq(restaurant.restaurant())))
                .isZero();
    }

    @Test
    void aPartyOfTwoToTheThirtyFirstIsNotEvenAnInt() {
        Map<String, Object> input = Reserving.input(restaurant.restaurant(), day, "20:00", 2, "20.00", "tok_ok");
        input.put("partySize", 2147483648L);
        reserving.reserve(UUID.randomUUID(), "k", input).errors()
                .satisfy(errors -> assertThat(errors).isNotEmpty());
        assertThat(db.fetchCount(TABLE_RESERVATION, TABLE_RESERVATION.RESTAURANT_ID.eq(restaurant.restaurant())))
                .isZero();
    }

    @Test
    void nobodySignedInAndAMalformedKeyAreRefused() {
        var input = Reserving.input(restaurant.restaurant(), day, "20:00", 2, "20.00", "tok_ok");
        graphQl.document(Reserving.RESERVE).variable("input", input).variable("key", "k").execute()
                .path("reserveTable.code").entity(String.class).isEqualTo("UNAUTHENTICATED");
        reserving.reserve(UUID.randomUUID(), "x".repeat(129), input)
                .path("reserveTable.code").entity(String.class).isEqualTo("INVALID_IDEMPOTENCY_KEY");
        reserving.reserve(UUID.randomUUID(), "bad\u001bkey", input)
                .path("reserveTable.code").entity(String.class).isEqualTo("INVALID_IDEMPOTENCY_KEY");
    }

    @Test
    void aRestaurantNotPublishedOrWithNoTableForThePartyIsNotForSale() {
        reserving.reserve(UUID.randomUUID(), "big", Reserving.input(restaurant.restaurant(), day, "20:00", 6,
                        "60.00", "tok_ok"))
                .path("reserveTable.code").entity(String.class).isEqualTo("NOT_FOR_SALE");
        db.update(dev.stay.booking.db.Tables.RESTAURANT).set(dev.stay.booking.db.Tables.RESTAURANT.STATUS, "SUSPENDED")
                .where(dev.stay.booking.db.Tables.RESTAURANT.ID.eq(restaurant.restaurant())).execute();
        reserving.reserve(UUID.randomUUID(), "k", Reserving.input(restaurant.restaurant(), day, "20:00", 2, "20.00",
                        "tok_ok"))
                .path("reserveTable.code").entity(String.class).isEqualTo("NOT_FOR_SALE");
    }
}
