package dev.stay.booking.dining;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static dev.stay.booking.db.Tables.OUTBOX;
import static dev.stay.booking.db.Tables.TABLE_RESERVATION;
import static dev.stay.booking.dining.Reserving.answer;
import static dev.stay.booking.dining.Reserving.id;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.WireMockServer;
import dev.stay.common.test.SubgraphTest;
import dev.stay.devstack.engines.Engines;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.jooq.DSLContext;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.graphql.test.tester.WebGraphQlTester;

@SubgraphTest
class ReserveTableIT {

    @Autowired WebGraphQlTester graphQl;
    @Autowired DSLContext db;
    @Autowired DepositReconciliation reconciliation;
    @Autowired ReservationHoldSweeper sweeper;

    Reserving reserving;
    LocalDate day = LocalDate.now().plusDays(10);

    @BeforeEach
    void guests() {
        reserving = new Reserving(graphQl, db);
    }

    static WireMockServer provider() {
        return Engines.shared().payment().server();
    }

    static int charges(UUID reservation) {
        return provider().findAll(postRequestedFor(urlEqualTo("/v1/charges"))
                .withHeader("Idempotency-Key", equalTo(DepositSettlement.depositKey(reservation)))).size();
    }

    @Test
    void theSmallestFreeTableIsHeldTheDepositChargedOnceAndTheReservationConfirmed() {
        var restaurant = DiningFixtures.aRestaurantInLisbon(db, "10.00", 6, 2, 4);

        var response = reserving.reserve(UUID.randomUUID(), "k1",
                Reserving.input(restaurant.restaurant(), day, "20:00", 2, "20.00", "tok_ok"));

        assertThat(answer(response, "reserveTable")).isEqualTo("ReservationConfirmed");
        UUID id = id(response, "reserveTable");
        response.path("reserveTable.reservation.tableId").entity(String.class)
                .isEqualTo(restaurant.tables().get(1).toString())
                .path("reserveTable.reservation.payment.status").entity(String.class).isEqualTo("CHARGED")
                .path("reserveTable.reservation.payment.charged.amount").entity(String.class).isEqualTo("20.00");
        assertThat(charges(id)).isEqualTo(1);
        assertThat(events(restaurant)).containsExactly("reservation.held", "reservation.confirmed");
        assertThat(reserving.row(id).getVersion()).isEqualTo(2);
    }

    @Test
    void aReplayAnswersTheSameAndNeverChargesTwiceAndOtherInputUnderTheKeyIsRefused() {
        var restaurant = DiningFixtures.aRestaurantInLisbon(db, "10.00", 4);
        UUID guest = UUID.randomUUID();
        var input = Reserving.input(restaurant.restaurant(), day, "20:00", 2, "20.00", "tok_ok");
        UUID first = id(reserving.reserve(guest, "same", input), "reserveTable");

        var replay = reserving.reserve(guest, "same", input);
        assertThat(answer(replay, "reserveTable")).isEqualTo("ReservationConfirmed");
        assertThat(id(replay, "reserveTable")).isEqualTo(first);
        assertThat(charges(first)).isEqualTo(1);

        var other = reserving.reserve(guest, "same", Reserving.input(restaurant.restaurant(), day, "21:00", 2,
                "20.00", "tok_ok"));
        other.path("reserveTable.code").entity(String.class).isEqualTo("IDEMPOTENCY_KEY_REUSED");
        assertThat(db.fetchCount(TABLE_RESERVATION, TABLE_RESERVATION.RESTAURANT_ID.eq(restaurant.restaurant())))
                .isEqualTo(1);
    }

    @Test
    void noDepositConfirmsWithoutACharge() {
        var restaurant = DiningFixtures.aRestaurantInLisbon(db, "0", 4);
        int before = provider().findAll(postRequestedFor(urlEqualTo("/v1/charges"))).size();

        var response = reserving.reserve(UUID.randomUUID(), "k", Reserving.input(restaurant.restaurant(), day,
                "13:00", 3, "0.00", null));

        assertThat(answer(response, "reserveTable")).isEqualTo("ReservationConfirmed");
        response.path("reserveTable.reservation.payment.status").entity(String.class).isEqualTo("NOT_CHARGED");
        assertThat(provider().findAll(postRequestedFor(urlEqualTo("/v1/charges"))).size()).isEqualTo(before);
        assertThat(events(restaurant)).containsExactly("reservation.confirmed");
    }

    @Test
    void aDeclinedDepositFailsTheReservationAndReleasesTheTable() {
        var restaurant = DiningFixtures.aRestaurantInLisbon(db, "10.00", 2);

        var declined = reserving.reserve(UUID.randomUUID(), "k", Reserving.input(restaurant.restaurant(), day,
                "20:00", 2, "20.00", "tok_decline"));

        assertThat(answer(declined, "reserveTable")).isEqualTo("ReservationPaymentDeclined");
        declined.path("reserveTable.reservation.status").entity(String.class).isEqualTo("PAYMENT_FAILED");
        assertThat(events(restaurant)).containsExactly("reservation.held", "reservation.payment-failed");
        assertThat(answer(reserving.reserve(UUID.randomUUID(), "k", Reserving.input(restaurant.restaurant(), day,
                "20:00", 2, "20.00", "tok_ok")), "reserveTable")).isEqualTo("ReservationConfirmed");
    }

    @Test
    void aProviderErrorLeavesItPendingUntilTheReconciliationFindsTheCharge() {
        var restaurant = DiningFixtures.aRestaurantInLisbon(db, "10.00", 2);
        var pending = reserving.reserve(UUID.randomUUID(), "k", Reserving.input(restaurant.restaurant(), day,
                "20:00", 2, "20.00", "tok_5xx"));
        assertThat(answer(pending, "reserveTable")).isEqualTo("ReservationPending");
        UUID id = id(pending, "reserveTable");
        assertThat(reserving.row(id).getPaymentStatus()).isEqualTo("UNKNOWN");
        db.update(TABLE_RESERVATION).set(TABLE_RESERVATION.UPDATED_AT, OffsetDateTime.now().minusMinutes(5))
                .where(TABLE_RESERVATION.ID.eq(id)).execute();
        provider().stubFor(get(urlPathEqualTo("/v1/charges"))
                .withQueryParam("idempotencyKey", equalTo(DepositSettlement.depositKey(id))).atPriority(1)
                .willReturn(okJson("{\"id\":\"ch_x\",\"status\":\"succeeded\"}")));

        reconciliation.reconcile();

        assertThat(reserving.row(id).getStatus()).isEqualTo("CONFIRMED");
        assertThat(reserving.row(id).getChargeId()).isEqualTo("ch_x");
    }

    @Test
    void anExpiredHoldWithNoChargeAtTheProviderIsReleasedBySweeper() {
        var restaurant = DiningFixtures.aRestaurantInLisbon(db, "10.00", 2);
        UUID id = id(reserving.reserve(UUID.randomUUID(), "k", Reserving.input(restaurant.restaurant(), day,
                "20:00", 2, "20.00", "tok_reset")), "reserveTable");
        db.update(TABLE_RESERVATION).set(TABLE_RESERVATION.HOLD_EXPIRES_AT, OffsetDateTime.now().minusMinutes(1))
                .where(TABLE_RESERVATION.ID.eq(id)).execute();

        sweeper.sweep();

        assertThat(reserving.row(id).getStatus()).isEqualTo("EXPIRED");
        assertThat(events(restaurant)).containsExactly("reservation.held", "reservation.expired");
        assertThat(answer(reserving.reserve(UUID.randomUUID(), "k2", Reserving.input(restaurant.restaurant(), day,
                "20:00", 2, "20.00", "tok_ok")), "reserveTable")).isEqualTo("ReservationConfirmed");
    }

    @Test
    void aDepositThatChangedIsNotTakenAndATakenSlotListsItsNeighbours() {
        var restaurant = DiningFixtures.aRestaurantInLisbon(db, "10.00", 2);
        reserving.reserve(UUID.randomUUID(), "a", Reserving.input(restaurant.restaurant(), day, "20:00", 2, "20.00",
                "tok_ok"));

        var changed = reserving.reserve(UUID.randomUUID(), "b", Reserving.input(restaurant.restaurant(), day, "22:00",
                2, "15.00", "tok_ok"));
        assertThat(answer(changed, "reserveTable")).isEqualTo("DepositChanged");
        changed.path("reserveTable.deposit.amount").entity(String.class).isEqualTo("20.00");

        var taken = reserving.reserve(UUID.randomUUID(), "c", Reserving.input(restaurant.restaurant(), day, "20:30",
                2, "20.00", "tok_ok"));
        assertThat(answer(taken, "reserveTable")).isEqualTo("SlotTaken");
        // 90 minutes from 20:00: the table is free again from 21:30; 19:30 would overlap too, 19:00 ends at 20:30
        taken.path("reserveTable.alternatives").entityList(String.class).containsExactly("21:30");
        assertThat(db.fetchCount(TABLE_RESERVATION, TABLE_RESERVATION.RESTAURANT_ID.eq(restaurant.restaurant())))
                .isEqualTo(1);
    }

    @Test
    void lastFreeTableGoesToExactlyOneOfThirtyConcurrentGuests() throws Exception {
        var restaurant = DiningFixtures.aRestaurantInLisbon(db, "10.00", 2);
        var input = Reserving.input(restaurant.restaurant(), day, "20:00", 2, "20.00", "tok_ok");

        List<String> answers = concurrently(30, i -> answer(reserving.reserve(UUID.randomUUID(), "key-" + i, input),
                "reserveTable"));

        assertThat(answers).filteredOn("ReservationConfirmed"::equals).hasSize(1);
        assertThat(answers).filteredOn("SlotTaken"::equals).hasSize(29);
        assertThat(db.fetchCount(TABLE_RESERVATION, TABLE_RESERVATION.RESTAURANT_ID.eq(restaurant.restaurant())))
                .isEqualTo(1);
    }

    private List<String> events(DiningFixtures restaurant) {
        return db.select(OUTBOX.TYPE).from(OUTBOX).where(OUTBOX.KEY.eq(restaurant.restaurant().toString()))
                .and(OUTBOX.TOPIC.eq(ReservationEvents.TOPIC)).orderBy(OUTBOX.SEQ).fetch(OUTBOX.TYPE);
    }

    static List<String> concurrently(int n, java.util.function.IntFunction<String> call) throws Exception {
        ExecutorService threads = Executors.newFixedThreadPool(n);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<String>> answers = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                int index = i;
                Callable<String> task = () -> {
                    start.await();
                    return call.apply(index);
                };
                answers.add(threads.submit(task));
            }
            start.countDown();
            List<String> result = new ArrayList<>();
            for (Future<String> answer : answers) {
                result.add(answer.get());
            }
            return result;
        } finally {
            threads.shutdownNow();
        }
    }
}
