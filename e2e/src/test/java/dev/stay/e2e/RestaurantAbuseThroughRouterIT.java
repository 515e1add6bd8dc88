package dev.stay.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stay.e2e.Restaurants.Restaurant;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import tools.jackson.databind.JsonNode;

/**
 * Abuse of the reservation API through the router: many {@code reserveTable} in one request under aliases, absurd
 * party sizes and ids that are encoded, traversals or injections. Each answer is a refusal with a code, never a
 * server error, and nothing is reserved that should not be.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RestaurantAbuseThroughRouterIT {

    static final LocalTime EIGHT_PM = LocalTime.of(20, 0);

    final Restaurants restaurants = new Restaurants();
    Restaurant restaurant;
    LocalDate date;

    @BeforeAll
    void aRestaurantWithOneTable() {
        restaurant = restaurants.aPublishedRestaurantOpenNow("Cantinho", 1);
        date = restaurant.today().plusDays(7);
        Restaurants.awaitSlots(restaurant, date, 2);
    }

    @Test
    void tooManyAliasesOfReserveTableAreRefusedWholeAndReserveNothing() {
        StayClient guest = restaurants.aNewGuest("Alias");

        var response = guest.send(aliasedReservations(16), variables(16, date));

        assertThat(response.errorCode()).as(response.body().toString()).isEqualTo("MAX_ALIASES_EXCEEDED");
        assertThat(Restaurants.dayBook(restaurant, date)).isEmpty();
    }

    @Test
    void aliasedReserveTablesTakeTheOneTableOnceAndSpendTheGuestsMutationBudget() {
        StayClient guest = restaurants.aNewGuest("Burst");
        LocalDate day = date.plusDays(1);
        Restaurants.awaitSlots(restaurant, day, 2);

        var burst = guest.send(aliasedReservations(10), variables(10, day));
        List<String> answers = new ArrayList<>();
        for (int i = 0; i < 10; i++) answers.add(burst.data().path("r" + i).path("__typename").asString());
        var over = guest.send(aliasedReservations(11), variables(11, day.plusDays(1)));

        assertThat(answers).as(burst.body().toString()).filteredOn("ReservationConfirmed"::equals).hasSize(1);
        assertThat(answers).filteredOn("SlotTaken"::equals).hasSize(9);
        assertThat(over.status()).as("10 + 11 aliased mutations pass the budget of %d", Stay.MUTATIONS_PER_MINUTE)
                .isEqualTo(429);
        assertThat(over.errorCode()).isEqualTo("RATE_LIMITED");
        assertThat(Restaurants.dayBook(restaurant, day)).hasSize(1);
        assertThat(Restaurants.dayBook(restaurant, day.plusDays(1))).as("a refused request runs nothing").isEmpty();
    }

    @Test
    void absurdPartySizesAreRefusedWithACode() {
        StayClient guest = restaurants.aNewGuest("Party");
        JsonNode slot = Restaurants.slotAt(restaurant, date, 2, EIGHT_PM);
        for (long size : new long[] {0, -3, 51, 1_000, Integer.MAX_VALUE, Integer.MIN_VALUE}) {
            Map<String, Object> input = Restaurants.reservation(restaurant, date, slot, 2);
            input.put("partySize", size);
            JsonNode answer = Restaurants.reserve(guest, input, UUID.randomUUID().toString());
            assertThat(answer.path("code").asString()).as("party of %d: %s", size, answer).isEqualTo("PARTY_SIZE_OUT_OF_RANGE");

            var availability = Stay.client().send(Restaurants.AVAILABILITY,
                    Map.of("id", restaurant.id(), "date", date.toString(), "party", size));
            assertThat(availability.errorCode()).as("availability for %d: %s", size, availability.body())
                    .isEqualTo("BAD_USER_INPUT");
            assertThat(availability.body().path("errors").path(0).path("extensions").path("reason").asString())
                    .isEqualTo("PARTY_SIZE_OUT_OF_RANGE");
        }
        Map<String, Object> huge = Restaurants.reservation(restaurant, date, slot, 2);
        huge.put("partySize", 2_147_483_648L);
        var overflow = guest.send(Restaurants.RESERVE, Map.of("input", huge, "key", UUID.randomUUID().toString()));
        assertThat(overflow.status()).as("not an Int: a client error").isBetween(200, 499);
        assertThat(overflow.body().path("errors")).as(overflow.body().toString()).isNotEmpty();
        assertThat(Restaurants.dayBook(restaurant, date)).as("nothing reserved").isEmpty();
    }

    @Test
    void encodedAndForgedIdsFindNothingAndReserveNothing() {
        StayClient guest = restaurants.aNewGuest("Encoded");
        JsonNode slot = Restaurants.slotAt(restaurant, date, 2, EIGHT_PM);
        String real = restaurant.id();
        List<String> forged = List.of(
                URLEncoder.encode(real, StandardCharsets.UTF_8).replace("-", "%2D"),
                "%2e%2e%2f" + real, "../../restaurant/" + real, real.toUpperCase() + "0", real + "'; --",
                Base64.getEncoder().encodeToString(real.getBytes(StandardCharsets.UTF_8)), real.replace("-", ""),
                "\u0000" + real, "%00", "");
        for (String id : forged) {
            Map<String, Object> input = Restaurants.reservation(restaurant, date, slot, 2);
            input.put("restaurantId", id);
            JsonNode answer = Restaurants.reserve(guest, input, UUID.randomUUID().toString());
            assertThat(answer.path("__typename").asString()).as("restaurantId %s: %s", id, answer).isEqualTo("ReservationRejected");
            assertThat(answer.path("code").asString()).as("restaurantId %s", id).isIn("INVALID_ID", "NOT_FOUND");

            var byId = guest.send(RestaurantReservationsThroughRouterIT.BY_ID, Map.of("id", id));
            assertThat(byId.status()).isEqualTo(200);
            assertThat(byId.data().path("reservation").isNull() || "BAD_USER_INPUT".equals(byId.errorCode()))
                    .as("reservation(%s): %s", id, byId.body()).isTrue();
        }
        assertThat(Restaurants.dayBook(restaurant, date)).as("nothing reserved").isEmpty();
    }

    /** One request with {@code count} reserveTable under aliases r0, r1...: the same slot, a key each. */
    private static String aliasedReservations(int count) {
        StringBuilder document = new StringBuilder("mutation (");
        for (int i = 0; i < count; i++) document.append(i == 0 ? "" : ", ").append("$k").append(i).append(": ID!");
        document.append(", $input: ReserveTableInput!) {");
        for (int i = 0; i < count; i++) {
            document.append(" r").append(i).append(": reserveTable(input: $input, idempotencyKey: $k").append(i)
                    .append(") { __typename }");
        }
        return document.append(" }").toString();
    }

    private Map<String, Object> variables(int count, LocalDate day) {
        Map<String, Object> variables = new LinkedHashMap<>();
        variables.put("input", Restaurants.reservation(restaurant, day, Restaurants.slotAt(restaurant, day, 2, EIGHT_PM), 2));
        for (int i = 0; i < count; i++) variables.put("k" + i, UUID.randomUUID().toString());
        return variables;
    }

}
