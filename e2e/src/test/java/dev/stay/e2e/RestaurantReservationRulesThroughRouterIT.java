package dev.stay.e2e;

import static dev.stay.booking.db.Tables.TABLE_RESERVATION;
import static org.assertj.core.api.Assertions.assertThat;

import dev.stay.devstack.engines.DemoAccounts;
import dev.stay.devstack.engines.Postgres;
import dev.stay.e2e.Restaurants.Restaurant;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jooq.impl.DSL;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import tools.jackson.databind.JsonNode;

/**
 * The rules around a table reservation, through the router: a replayed {@code reserveTable} answers the same and
 * charges once at the provider (another input under the key is refused); a party that never came is marked a
 * no-show, not before its time, and its deposit is kept; a partner reads start times and reserves through its
 * persisted documents, and through nothing else.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RestaurantReservationRulesThroughRouterIT {

    static final String NO_SHOW = "mutation ($id: ID!, $key: ID!) { markReservationNoShow(id: $id, idempotencyKey: $key) { "
            + RestaurantReservationsThroughRouterIT.STATUS_PAYLOAD + " } }";

    final Restaurants restaurants = new Restaurants();
    Restaurant restaurant;

    @BeforeAll
    void aRestaurantWithFourTables() {
        restaurant = restaurants.aPublishedRestaurantOpenNow("Taberna", 4);
    }

    @Test
    void aReplayedReserveTableAnswersTheSameAndChargesOnce() {
        StayClient diner = restaurants.aNewGuest("Rita");
        LocalDate date = restaurant.today().plusDays(5);
        Map<String, Object> input = Restaurants.reservation(restaurant, date,
                Restaurants.slotAt(restaurant, date, 3, LocalTime.of(20, 0)), 3);
        String key = UUID.randomUUID().toString();

        JsonNode first = Restaurants.reserve(diner, input, key);
        JsonNode replay = Restaurants.reserve(diner, input, key);

        assertThat(first.path("__typename").asString()).as(first.toString()).isEqualTo("ReservationConfirmed");
        assertThat(replay).as("the same answer").isEqualTo(first);
        String replayed = first.path("reservation").path("id").asString();
        assertThat(PaymentJournal.chargeKeys(replayed, first.path("reservation").path("reference").asString()))
                .as("one charge at the provider").hasSize(1);
        assertThat(Restaurants.dayBook(restaurant, date)).as("one reservation").hasSize(1);
        Map<String, Object> other = new HashMap<>(input);
        other.put("partySize", 2);
        other.put("quotedDeposit", Map.of("amount", "20.00", "currency", Restaurants.CURRENCY));
        JsonNode reused = Restaurants.reserve(diner, other, key);
        assertThat(reused.path("code").asString()).as(reused.toString()).isEqualTo("IDEMPOTENCY_KEY_REUSED");
    }

    @Test
    void aNoShowKeepsTheDeposit() {
        StayClient diner = restaurants.aNewGuest("Nuno");
        List<JsonNode> slots = Restaurants.awaitSlots(restaurant, restaurant.today(), 2);
        JsonNode answer = Restaurants.reserve(diner, Restaurants.reservation(restaurant, restaurant.today(),
                slots.get(Math.min(4, slots.size() - 1)), 2), UUID.randomUUID().toString());
        assertThat(answer.path("__typename").asString()).as(answer.toString()).isEqualTo("ReservationConfirmed");
        String id = answer.path("reservation").path("id").asString();
        String reference = answer.path("reservation").path("reference").asString();
        StayClient owner = restaurant.owner();
        JsonNode early = owner.send(NO_SHOW, Map.of("id", id, "key", UUID.randomUUID().toString()))
                .data().path("markReservationNoShow");
        assertThat(early.path("code").asString()).as("not before its time: %s", early).isEqualTo("TOO_EARLY");

        twoHoursEarlier(UUID.fromString(id));
        JsonNode noShow = owner.send(NO_SHOW, Map.of("id", id, "key", UUID.randomUUID().toString()))
                .data().path("markReservationNoShow");

        assertThat(noShow.path("__typename").asString()).as(noShow.toString()).isEqualTo("ReservationUpdated");
        assertThat(noShow.path("reservation").path("status").asString()).isEqualTo("NO_SHOW");
        assertThat(new BigDecimal(noShow.path("refund").path("amount").asString())).isEqualByComparingTo("0");
        JsonNode payment = noShow.path("reservation").path("payment");
        assertThat(payment.path("charged").path("amount").asString()).isEqualTo("20.00");
        assertThat(payment.path("refunded").isNull() || new BigDecimal(payment.path("refunded").path("amount").asString())
                .signum() == 0).as("nothing refunded: %s", payment).isTrue();
        assertThat(PaymentJournal.refundsOf(PaymentJournal.chargeKeys(id, reference))).as("no refund sent").isEmpty();
    }

    @Test
    void aPartnerReadsStartTimesAndReservesThroughItsPersistedDocumentsOnly() throws Exception {
        StayClient partner = Stay.client().withToken(Stay.platform().engines().keycloak()
                .clientCredentialsToken(DemoAccounts.PARTNER.clientId(), DemoAccounts.PARTNER.secret()));
        LocalDate date = restaurant.today().plusDays(9);
        Restaurants.awaitSlots(restaurant, date, 2);

        var offered = partner.sendDocument(Restaurants.documentId("RestaurantAvailability"), Map.of(
                "id", restaurant.id(), "date", date.toString(), "partySize", 2, "from", "19:00", "to", "19:00"));
        assertThat(offered.body().path("errors").isMissingNode()).as(offered.body().toString()).isTrue();
        JsonNode slot = offered.data().path("restaurant").path("availability").path(0);
        assertThat(slot.path("time").asString()).as(offered.body().toString()).isEqualTo("19:00");
        Map<String, Object> input = Restaurants.reservation(restaurant, date, slot, 2);
        input.put("partnerReference", "ACME-" + UUID.randomUUID().toString().substring(0, 8));
        var reserved = partner.sendDocument(Restaurants.documentId("ReserveTable"),
                Map.of("input", input, "idempotencyKey", UUID.randomUUID().toString()));

        JsonNode answer = reserved.data().path("reserveTable");
        assertThat(answer.path("__typename").asString()).as(reserved.body().toString()).isEqualTo("ReservationConfirmed");
        assertThat(answer.path("reservation").path("partnerReference").asString()).isEqualTo(input.get("partnerReference"));
        assertThat(Restaurants.dayBook(restaurant, date)).extracting(r -> r.path("id").asString())
                .containsExactly(answer.path("reservation").path("id").asString());
        var unlisted = partner.send(Restaurants.RESERVE, Map.of("input", input, "key", UUID.randomUUID().toString()));
        assertThat(unlisted.errorCode()).as(unlisted.body().toString()).isEqualTo("PERSISTED_QUERY_ONLY");
        var unknown = partner.sendDocument("sha256:" + "a".repeat(64), Map.of("input", input));
        assertThat(unknown.errorCode()).isEqualTo("PERSISTED_QUERY_NOT_FOUND");
        assertThat(Restaurants.dayBook(restaurant, date)).as("neither reserved anything").hasSize(1);
    }

    /**
     * The time of a reservation passes: its start moved two hours back in booking's table (the clock cannot be),
     * still today and inside the opening hours (it was after noon, local), so that its owner may mark it a no-show.
     */
    private static void twoHoursEarlier(UUID reservation) {
        Postgres postgres = Stay.platform().engines().postgres();
        int moved = DSL.using(postgres.jdbcUrl("booking"), postgres.user(), postgres.password())
                .update(TABLE_RESERVATION)
                .set(TABLE_RESERVATION.LOCAL_TIME, TABLE_RESERVATION.LOCAL_TIME.minus(DSL.field("interval '2 hours'")))
                .set(TABLE_RESERVATION.STARTS_AT, TABLE_RESERVATION.STARTS_AT.minus(DSL.field("interval '2 hours'")))
                .set(TABLE_RESERVATION.ENDS_AT, TABLE_RESERVATION.ENDS_AT.minus(DSL.field("interval '2 hours'")))
                .where(TABLE_RESERVATION.ID.eq(reservation)).execute();
        assertThat(moved).isEqualTo(1);
    }
}
