package dev.stay.booking.dining;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stay.common.test.SubgraphTest;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jooq.DSLContext;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.graphql.test.tester.GraphQlTester;
import org.springframework.graphql.test.tester.WebGraphQlTester;

/** {@code Restaurant.availability} through the federation's entry point, as the router asks it. */
@SubgraphTest
class RestaurantAvailabilityIT {

    static final String AVAILABILITY = """
            query ($reps: [_Any!]!, $date: Date!, $party: Int!, $from: String, $to: String) {
              _entities(representations: $reps) {
                ... on Restaurant { availability(date: $date, partySize: $party, from: $from, to: $to) {
                  time startsAt endsAt tablesFree deposit { amount currency } } }
              }
            }""";

    @Autowired WebGraphQlTester graphQl;
    @Autowired DSLContext db;

    GraphQlTester.Response ask(UUID restaurant, LocalDate date, int party, String from, String to) {
        return graphQl.document(AVAILABILITY)
                .variable("reps", List.of(Map.of("__typename", "Restaurant", "id", restaurant.toString())))
                .variable("date", date.toString()).variable("party", party).variable("from", from).variable("to", to)
                .execute();
    }

    @Test
    void lisbonsSpringGapIsNotOfferedAndTheSeatingEndsInRealMinutes() {
        var late = DiningFixtures.aRestaurant(db, "Europe/Lisbon", "5.00",
                "[" + DiningFixtures.everyDay("20:00", "03:00") + "]", 4);

        var response = ask(late.restaurant(), LocalDate.of(2027, 3, 28), 2, "00:00", "03:00");

        response.path("_entities[0].availability[*].time").entityList(String.class)
                .containsExactly("00:00", "00:30", "02:00", "02:30");
        response.path("_entities[0].availability[1].startsAt").entity(String.class)
                .satisfies(at -> assertThat(java.time.Instant.parse(at)).isEqualTo("2027-03-28T00:30:00Z"))
                .path("_entities[0].availability[1].endsAt").entity(String.class)
                .satisfies(at -> assertThat(java.time.Instant.parse(at)).isEqualTo("2027-03-28T02:00:00Z"))
                .path("_entities[0].availability[1].deposit.amount").entity(String.class).isEqualTo("10.00")
                .path("_entities[0].availability[1].tablesFree").entity(Integer.class).isEqualTo(1);
    }

    @Test
    void newYorksSpringGapIsNotOfferedAndATakenTableIsNotFree() {
        var late = DiningFixtures.aRestaurant(db, "America/New_York", "0",
                "[" + DiningFixtures.everyDay("22:00", "04:00") + "]", 2);
        LocalDate day = LocalDate.of(2027, 3, 14);
        late.aConfirmedReservation(db, UUID.randomUUID(), day, LocalTime.of(0, 0)); // 00:00 to 01:30 EST

        ask(late.restaurant(), day, 2, null, "04:00")
                .path("_entities[0].availability[*].time").entityList(String.class)
                .containsExactly("01:30", "03:00", "03:30");
    }

    @Test
    void aRestaurantNotTakingReservationsOrUnknownHasNone() {
        ask(UUID.randomUUID(), LocalDate.now().plusDays(3), 2, null, null)
                .path("_entities[0].availability").entityList(Object.class).hasSize(0);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            party 0         | 0  | 1   |       |       | PARTY_SIZE_OUT_OF_RANGE
            party 51        | 51 | 1   |       |       | PARTY_SIZE_OUT_OF_RANGE
            date in past    | 2  | -1  |       |       | DATE_IN_PAST
            date too far    | 2  | 181 |       |       | DATE_TOO_FAR
            from 25:00      | 2  | 1   | 25:00 |       | INVALID_TIME
            to 7pm          | 2  | 1   |       | 7pm   | INVALID_TIME
            reversed        | 2  | 1   | 21:00 | 20:00 | TIME_RANGE_REVERSED
            """)
    void badInputIsBadUserInputWithItsReason(String name, int party, int days, String from, String to, String reason) {
        var restaurant = DiningFixtures.aRestaurantInLisbon(db, "0", 4);
        ask(restaurant.restaurant(), LocalDate.now().plusDays(days), party, from, to).errors()
                .satisfy(errors -> assertThat(errors).singleElement().satisfies(e -> {
                    assertThat(e.getExtensions()).containsEntry("code", "BAD_USER_INPUT");
                    assertThat(e.getExtensions()).containsEntry("reason", reason);
                }));
    }
}
