package dev.stay.booking.dining;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static dev.stay.booking.db.Tables.OUTBOX;
import static dev.stay.booking.db.Tables.TABLE_RESERVATION;
import static dev.stay.booking.dining.Reserving.answer;
import static dev.stay.booking.dining.Reserving.id;
import static org.assertj.core.api.Assertions.assertThat;

import dev.stay.booking.reservation.ProviderCallbacks;
import dev.stay.common.test.SubgraphTest;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jooq.DSLContext;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.graphql.test.tester.WebGraphQlTester;

@SubgraphTest
class CancelAndChangeIT {

    @Autowired WebGraphQlTester graphQl;
    @Autowired DSLContext db;
    @Autowired DepositReconciliation reconciliation;
    @Autowired ReservationRefunds refunds;
    @LocalServerPort int port;

    Reserving reserving;
    LocalDate day = LocalDate.now().plusDays(14);
    UUID guest = UUID.randomUUID();

    @BeforeEach
    void guests() {
        reserving = new Reserving(graphQl, db);
    }

    UUID aConfirmedReservation(DiningFixtures restaurant, String time, int party) {
        var response = reserving.reserve(guest, "r-" + UUID.randomUUID(), Reserving.input(restaurant.restaurant(),
                day, time, party, "%d.00".formatted(10 * party), "tok_ok"));
        return reserving.confirmed(response, reconciliation);
    }

    static int refundsSent(String key) {
        return ReserveTableIT.provider().findAll(postRequestedFor(urlEqualTo("/v1/refunds"))
                .withHeader("Idempotency-Key", equalTo(key))).size();
    }

    @Test
    void theGuestCancellingInGoodTimeGetsTheDepositBackOnceAndAReplayAnswersTheSame() {
        var restaurant = DiningFixtures.aRestaurantInLisbon(db, "10.00", 4);
        UUID id = aConfirmedReservation(restaurant, "20:00", 2);

        var cancelled = reserving.cancel(guest, "guest", id, "c");
        assertThat(answer(cancelled, "cancelReservation")).isEqualTo("ReservationCancelled");
        cancelled.path("cancelReservation.refund.amount").entity(String.class).isEqualTo("20.00")
                .path("cancelReservation.refundPending").entity(Boolean.class).isEqualTo(false)
                .path("cancelReservation.reservation.status").entity(String.class).isEqualTo("CANCELLED")
                .path("cancelReservation.reservation.payment.status").entity(String.class).isEqualTo("REFUNDED");
        reserving.cancel(guest, "guest", id, "c").path("cancelReservation.refund.amount").entity(String.class)
                .isEqualTo("20.00");
        reserving.cancel(guest, "guest", id, "again").path("cancelReservation.code").entity(String.class)
                .isEqualTo("NOT_CANCELLABLE");
        assertThat(refundsSent(ReservationCancellation.refundKey(id))).isEqualTo(1);
        assertThat(events(restaurant)).endsWith("reservation.cancelled");
        assertThat(answer(reserving.reserve(UUID.randomUUID(), "again", Reserving.input(restaurant.restaurant(), day,
                "20:00", 2, "20.00", "tok_ok")), "reserveTable")).as("the table is free again")
                .isEqualTo("ReservationConfirmed");
    }

    @Test
    void theGuestCancellingLateKeepsNothingButTheRestaurantRefundsInFull() {
        var restaurant = DiningFixtures.aRestaurantInLisbon(db, "10.00", 4, 4);
        UUID late = aConfirmedReservation(restaurant, "20:00", 2);
        UUID other = aConfirmedReservation(restaurant, "20:00", 2);
        db.update(TABLE_RESERVATION).set(TABLE_RESERVATION.STARTS_AT, OffsetDateTime.now().plusHours(3))
                .set(TABLE_RESERVATION.ENDS_AT, OffsetDateTime.now().plusHours(5))
                .where(TABLE_RESERVATION.ID.in(late, other)).execute();

        reserving.cancel(guest, "guest", late, "c").path("cancelReservation.refund.amount").entity(String.class)
                .isEqualTo("0.00")
                .path("cancelReservation.reservation.payment.status").entity(String.class).isEqualTo("CHARGED");
        reserving.cancel(restaurant.owner(), "owner", other, "c").path("cancelReservation.refund.amount")
                .entity(String.class).isEqualTo("20.00");
        assertThat(refundsSent(ReservationCancellation.refundKey(late))).isZero();
        assertThat(refundsSent(ReservationCancellation.refundKey(other))).isEqualTo(1);
    }

    @Test
    void someoneElsesReservationIsNotFound() {
        var restaurant = DiningFixtures.aRestaurantInLisbon(db, "10.00", 4);
        UUID id = aConfirmedReservation(restaurant, "20:00", 2);
        reserving.cancel(UUID.randomUUID(), "guest", id, "c").path("cancelReservation.code").entity(String.class)
                .isEqualTo("NOT_FOUND");
        reserving.cancel(UUID.randomUUID(), "owner", id, "c").path("cancelReservation.code").entity(String.class)
                .isEqualTo("NOT_FOUND");
        reserving.cancel(UUID.randomUUID(), "guest", UUID.randomUUID(), "c").path("cancelReservation.code")
                .entity(String.class).isEqualTo("NOT_FOUND");
        assertThat(reserving.row(id).getStatus()).isEqualTo("CONFIRMED");
    }

    @Test
    void aNewTimeKeepsTheOldTableWhenItIsFree() {
        var restaurant = DiningFixtures.aRestaurantInLisbon(db, "10.00", 2, 2);
        UUID id = aConfirmedReservation(restaurant, "20:00", 2);
        UUID table = reserving.row(id).getTableId();

        var changed = reserving.change(guest, id, Map.of("time", "21:00"), "m");

        assertThat(answer(changed, "changeReservation")).isEqualTo("ReservationChanged");
        assertThat(reserving.row(id).getTableId()).isEqualTo(table);
        assertThat(reserving.row(id).getLocalTime()).hasToString("21:00");
        assertThat(reserving.row(id).getVersion()).isEqualTo(3);
        assertThat(events(restaurant)).endsWith("reservation.changed");
    }

    @Test
    void aLargerPartyMovesToALargerTableAndPaysTheDifferenceASmallerOneIsRefunded() {
        var restaurant = DiningFixtures.aRestaurantInLisbon(db, "10.00", 2, 4);
        UUID id = aConfirmedReservation(restaurant, "20:00", 2);

        var larger = reserving.change(guest, id, change(4, "40.00", "tok_ok"), "m1");
        assertThat(answer(larger, "changeReservation")).isEqualTo("ReservationChanged");
        larger.path("changeReservation.charged.amount").entity(String.class).isEqualTo("20.00")
                .path("changeReservation.reservation.tableId").entity(String.class)
                .isEqualTo(restaurant.tables().get(1).toString())
                .path("changeReservation.reservation.payment.charged.amount").entity(String.class).isEqualTo("40.00");
        assertThat(db.fetchCount(TABLE_RESERVATION, TABLE_RESERVATION.CHANGE_OF.eq(id))).isZero();

        var smaller = reserving.change(guest, id, change(2, "20.00", null), "m2");
        smaller.path("changeReservation.refunded.amount").entity(String.class).isEqualTo("20.00")
                .path("changeReservation.reservation.tableId").entity(String.class)
                .isEqualTo(restaurant.tables().get(1).toString());
        assertThat(refundsSent(MovingReservation.refundKey(id, 2))).isEqualTo(1);
    }

    @Test
    void aDeclinedExtraDepositKeepsTheOldSlotAndANewTimeWithNoTableChangesNothing() {
        var restaurant = DiningFixtures.aRestaurantInLisbon(db, "10.00", 2, 4);
        UUID id = aConfirmedReservation(restaurant, "20:00", 2);
        aConfirmedReservation(restaurant, "22:00", 4);
        aConfirmedReservation(restaurant, "22:00", 2); // both tables taken at 22:00

        var declined = reserving.change(guest, id, change(4, "40.00", "tok_decline"), "m1");
        assertThat(answer(declined, "changeReservation")).isEqualTo("ReservationPaymentDeclined");
        assertThat(reserving.row(id).getPartySize()).isEqualTo(2);
        assertThat(reserving.row(id).getTableId()).isEqualTo(restaurant.tables().getFirst());
        assertThat(db.fetchCount(TABLE_RESERVATION, TABLE_RESERVATION.CHANGE_OF.eq(id))).isZero();

        var taken = reserving.change(guest, id, Map.of("time", "22:00"), "m2");
        assertThat(answer(taken, "changeReservation")).isEqualTo("SlotTaken");
        assertThat(reserving.row(id).getLocalTime()).hasToString("20:00");
        reserving.change(guest, id, Map.of(), "m3").path("changeReservation.code").entity(String.class)
                .isEqualTo("NOTHING_TO_CHANGE");
        reserving.change(UUID.randomUUID(), id, Map.of("time", "21:00"), "m4").path("changeReservation.code")
                .entity(String.class).isEqualTo("NOT_FOUND");
    }

    @Test
    void theProvidersWebhookSettlesAPendingDepositByItsKey() throws Exception {
        var restaurant = DiningFixtures.aRestaurantInLisbon(db, "10.00", 4);
        var pending = reserving.reserve(guest, "p", Reserving.input(restaurant.restaurant(), day, "20:00", 2,
                "20.00", "tok_5xx"));
        assertThat(answer(pending, "reserveTable")).isEqualTo("ReservationPending");
        UUID id = id(pending, "reserveTable");
        String key = DepositSettlement.depositKey(id);

        assertThat(webhook("charge.succeeded", key, "25.00")).contains("AMOUNT_MISMATCH");
        assertThat(webhook("charge.succeeded", key, "20.00")).contains("CONFIRMED");
        assertThat(webhook("charge.succeeded", key, "20.00")).contains("UNCHANGED");
        assertThat(reserving.row(id).getStatus()).isEqualTo("CONFIRMED");
        assertThat(webhook("charge.succeeded", "reservation-" + UUID.randomUUID() + "-deposit", "20.00"))
                .contains("UNKNOWN_PAYMENT");
    }

    @Test
    void aPendingExtraDepositHoldsBothSlotsUntilTheWebhookPaysItThenTheReservationMoves() throws Exception {
        var restaurant = DiningFixtures.aRestaurantInLisbon(db, "10.00", 2, 4);
        UUID id = aConfirmedReservation(restaurant, "20:00", 2);

        var pending = reserving.change(guest, id, change(4, "40.00", "tok_5xx"), "m1");
        assertThat(answer(pending, "changeReservation")).isEqualTo("ReservationPending");
        assertThat(reserving.row(id).getPartySize()).as("the old slot is kept").isEqualTo(2);
        assertThat(db.fetchCount(TABLE_RESERVATION, TABLE_RESERVATION.CHANGE_OF.eq(id))).isEqualTo(1);
        reserving.cancel(guest, "guest", id, "c").path("cancelReservation.code").entity(String.class)
                .isEqualTo("NOT_CANCELLABLE");
        assertThat(answer(reserving.reserve(UUID.randomUUID(), "x", Reserving.input(restaurant.restaurant(), day,
                "20:00", 3, "30.00", "tok_ok")), "reserveTable")).as("the new slot is held").isEqualTo("SlotTaken");

        assertThat(webhook("charge.succeeded", MovingReservation.chargeKey(id, 2), "20.00"))
                .as("not the open change's number").contains("UNCHANGED");
        assertThat(reserving.row(id).getPartySize()).isEqualTo(2);
        assertThat(webhook("charge.succeeded", MovingReservation.chargeKey(id, 1), "30.00"))
                .contains("AMOUNT_MISMATCH");
        assertThat(webhook("charge.succeeded", MovingReservation.chargeKey(id, 1), "20.00")).contains("CONFIRMED");

        assertThat(reserving.row(id).getPartySize()).isEqualTo(4);
        assertThat(reserving.row(id).getTableId()).isEqualTo(restaurant.tables().get(1));
        assertThat(reserving.row(id).getCharged()).isEqualByComparingTo("40.00");
        assertThat(db.fetchCount(TABLE_RESERVATION, TABLE_RESERVATION.CHANGE_OF.eq(id))).isZero();
        assertThat(webhook("charge.succeeded", MovingReservation.chargeKey(id, 1), "20.00")).contains("UNCHANGED");
    }

    @Test
    void aRefundTheProviderDoesNotTakeStaysDueAndIsSentAgainWithTheSameKey() {
        var restaurant = DiningFixtures.aRestaurantInLisbon(db, "10.00", 4);
        UUID id = aConfirmedReservation(restaurant, "20:00", 2);
        String key = ReservationCancellation.refundKey(id);
        var refusing = ReserveTableIT.provider().stubFor(com.github.tomakehurst.wiremock.client.WireMock
                .post(urlEqualTo("/v1/refunds")).withHeader("Idempotency-Key", equalTo(key)).atPriority(1)
                .willReturn(com.github.tomakehurst.wiremock.client.WireMock.serverError()));

        reserving.cancel(guest, "guest", id, "c").path("cancelReservation.refundPending").entity(Boolean.class)
                .isEqualTo(true);
        assertThat(reserving.row(id).getRefundDue()).isEqualByComparingTo("20.00");
        assertThat(reserving.row(id).getRefundNextAt()).isAfter(OffsetDateTime.now());

        ReserveTableIT.provider().removeStub(refusing);
        db.update(TABLE_RESERVATION).set(TABLE_RESERVATION.REFUND_NEXT_AT, OffsetDateTime.now().minusSeconds(1))
                .where(TABLE_RESERVATION.ID.eq(id)).execute();
        refunds.retry();

        assertThat(reserving.row(id).getRefundDue()).isNull();
        assertThat(reserving.row(id).getPaymentStatus()).isEqualTo("REFUNDED");
        assertThat(reserving.row(id).getRefunded()).isEqualByComparingTo("20.00");
        assertThat(refundsSent(key)).isEqualTo(2);
    }

    private String webhook(String type, String key, String amount) throws Exception {
        String body = """
                {"id":"evt_%s","type":"%s","created":%d,
                 "data":{"id":"ch_%s","idempotencyKey":"%s","amount":"%s","currency":"EUR"}}"""
                .formatted(UUID.randomUUID(), type, Instant.now().getEpochSecond(), key, key, amount);
        HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                                URI.create("http://127.0.0.1:" + port + "/webhooks/payments"))
                        .header("Content-Type", "application/json")
                        .header("Payment-Signature", ProviderCallbacks.sign(ProviderCallbacks.LOCAL_SECRET,
                                body.getBytes(StandardCharsets.UTF_8), Instant.now()))
                        .POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                HttpResponse.BodyHandlers.ofString());
        return response.statusCode() + " " + response.body();
    }

    private static Map<String, Object> change(int party, String deposit, String token) {
        Map<String, Object> input = new HashMap<>();
        input.put("partySize", party);
        input.put("quotedDeposit", Map.of("amount", deposit, "currency", "EUR"));
        input.put("paymentToken", token);
        return input;
    }

    private List<String> events(DiningFixtures restaurant) {
        return db.select(OUTBOX.TYPE).from(OUTBOX).where(OUTBOX.KEY.eq(restaurant.restaurant().toString()))
                .and(OUTBOX.TOPIC.eq(ReservationEvents.TOPIC)).orderBy(OUTBOX.SEQ).fetch(OUTBOX.TYPE);
    }
}
