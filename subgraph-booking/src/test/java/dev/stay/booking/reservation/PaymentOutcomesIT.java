package dev.stay.booking.reservation;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static dev.stay.booking.db.Tables.BOOKING;
import static dev.stay.booking.db.Tables.OUTBOX;
import static dev.stay.booking.reservation.BookingFixtures.answer;
import static dev.stay.booking.reservation.BookingFixtures.bookingId;
import static dev.stay.booking.reservation.BookingFixtures.paymentProvider;
import static org.assertj.core.api.Assertions.assertThat;

import dev.stay.booking.payment.PaymentProvider;
import dev.stay.common.test.SubgraphTest;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import org.jooq.DSLContext;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.graphql.test.tester.WebGraphQlTester;

@SubgraphTest
class PaymentOutcomesIT {

    @Autowired WebGraphQlTester graphQl;
    @Autowired DSLContext db;
    @Autowired PaymentReconciliation reconciliation;
    @Autowired HoldSweeper sweeper;
    @Autowired PaymentSettlement settlement;

    @Test
    void aDeclinedCardFailsTheBookingAndReleasesTheRooms() {
        var hotel = BookingFixtures.aHotelWithRoomsLeft(db, graphQl, 1);

        var response = hotel.book(UUID.randomUUID(), "k", hotel.input("tok_decline"));

        assertThat(answer(response)).isEqualTo("PaymentDeclined");
        response.path("createBooking.booking.status").entity(String.class).isEqualTo("PAYMENT_FAILED")
                .path("createBooking.booking.payment.status").entity(String.class).isEqualTo("DECLINED")
                .path("createBooking.booking.payment.charged").valueIsNull();
        hotel.assertRoomsTaken(0);
        assertThat(events(hotel)).containsExactly("booking.held", "booking.payment-failed");
        assertThat(answer(hotel.book(UUID.randomUUID(), "k", hotel.input("tok_ok"))))
                .as("the room is free again").isEqualTo("BookingConfirmed");
    }

    @Test
    void aTimeoutLeavesTheBookingPendingUntilTheReconciliationFindsTheCharge() {
        var hotel = BookingFixtures.aHotelWithRoomsLeft(db, graphQl, 1);

        var response = hotel.book(UUID.randomUUID(), "k", hotel.input("tok_timeout"));

        assertThat(answer(response)).isEqualTo("BookingPending");
        UUID booking = bookingId(response);
        response.path("createBooking.booking.status").entity(String.class).isEqualTo("HELD")
                .path("createBooking.booking.payment.status").entity(String.class).isEqualTo("UNKNOWN")
                .path("createBooking.booking.holdExpiresAt").hasValue();
        hotel.assertRoomsTaken(1);

        providerHolds(booking, "succeeded");
        reconciliation.reconcile();

        assertThat(hotel.status(booking)).isEqualTo("CONFIRMED");
        assertThat(hotel.paymentStatus(booking)).isEqualTo("CHARGED");
        hotel.assertRoomsTaken(1);
        assertThat(events(hotel)).containsExactly("booking.held", "booking.confirmed");
    }

    @ParameterizedTest
    @ValueSource(strings = {"tok_reset", "tok_5xx"})
    void aFailedChargeTheProviderNeverMadeIsRetriedWithTheSameKeyThenReleased(String token) {
        var hotel = BookingFixtures.aHotelWithRoomsLeft(db, graphQl, 1);

        var response = hotel.book(UUID.randomUUID(), "k", hotel.input(token));

        assertThat(answer(response)).isEqualTo("BookingPending");
        UUID booking = bookingId(response);
        var sent = paymentProvider().findAll(postRequestedFor(urlEqualTo("/v1/charges"))
                .withHeader("Idempotency-Key", equalTo(PaymentSettlement.chargeKey(booking))));
        assertThat(sent).as("sent again, with the same key").hasSize(2);
        hotel.assertRoomsTaken(1);

        reconciliation.reconcile(); // the provider's lookup answers 404: no charge under that key

        assertThat(hotel.status(booking)).isEqualTo("PAYMENT_FAILED");
        assertThat(hotel.paymentStatus(booking)).isEqualTo("NOT_CHARGED");
        hotel.assertRoomsTaken(0);
        assertThat(events(hotel)).containsExactly("booking.held", "booking.payment-failed");
    }

    @Test
    void anExpiredHoldIsReleasedAndAnnouncedOnceTheProviderSaysItHoldsNoCharge() {
        var hotel = BookingFixtures.aHotelWithRoomsLeft(db, graphQl, 1);
        UUID booking = bookingId(hotel.book(UUID.randomUUID(), "k", hotel.input("tok_timeout")));
        expire(booking);

        sweeper.sweep();

        assertThat(hotel.status(booking)).isEqualTo("EXPIRED");
        assertThat(hotel.paymentStatus(booking)).isEqualTo("NOT_CHARGED");
        hotel.assertRoomsTaken(0);
        assertThat(events(hotel)).containsExactly("booking.held", "booking.expired");
        assertThat(db.select(OUTBOX.PAYLOAD).from(OUTBOX).where(OUTBOX.TYPE.eq("booking.expired"))
                .and(OUTBOX.KEY.eq(hotel.hotel().toString())).fetchOne(OUTBOX.PAYLOAD).data())
                .contains(booking.toString());
    }

    @Test
    void anExpiredHoldWhoseChargeTheProviderHoldsIsConfirmedNotReleased() {
        var hotel = BookingFixtures.aHotelWithRoomsLeft(db, graphQl, 1);
        UUID booking = bookingId(hotel.book(UUID.randomUUID(), "k", hotel.input("tok_timeout")));
        expire(booking);
        providerHolds(booking, "succeeded");

        sweeper.sweep();

        assertThat(hotel.status(booking)).isEqualTo("CONFIRMED");
        hotel.assertRoomsTaken(1);
    }

    @Test
    void sweepersRunningAtOnceOnSeveralInstancesReleaseEachHoldOnce() throws Exception {
        var hotel = BookingFixtures.aHotelWithRoomsLeft(db, graphQl, 6);
        List<UUID> holds = new java.util.ArrayList<>();
        for (int i = 0; i < 6; i++) {
            holds.add(bookingId(hotel.book(UUID.randomUUID(), "k", hotel.input("tok_timeout"))));
        }
        holds.forEach(this::expire);
        hotel.assertRoomsTaken(6);

        var sweepers = java.util.concurrent.Executors.newFixedThreadPool(4);
        try {
            var start = new java.util.concurrent.CountDownLatch(1);
            var runs = new java.util.ArrayList<java.util.concurrent.Future<Integer>>();
            for (int i = 0; i < 4; i++) {
                runs.add(sweepers.submit(() -> {
                    start.await();
                    return sweeper.sweep();
                }));
            }
            start.countDown();
            for (var run : runs) {
                run.get();
            }
        } finally {
            sweepers.shutdownNow();
        }

        assertThat(holds).allSatisfy(b -> assertThat(hotel.status(b)).isEqualTo("EXPIRED"));
        hotel.assertRoomsTaken(0);
        assertThat(events(hotel)).filteredOn("booking.expired"::equals).hasSize(6);
    }

    @Test
    void aHoldIsNotSweptBeforeItExpires() {
        var hotel = BookingFixtures.aHotelWithRoomsLeft(db, graphQl, 1);
        UUID booking = bookingId(hotel.book(UUID.randomUUID(), "k", hotel.input("tok_timeout")));

        sweeper.sweep();

        assertThat(hotel.status(booking)).isEqualTo("HELD");
        hotel.assertRoomsTaken(1);
    }

    @Test
    void aChargeThatArrivesAfterTheHoldWasReleasedIsRefunded() {
        var hotel = BookingFixtures.aHotelWithRoomsLeft(db, graphQl, 1);
        UUID booking = bookingId(hotel.book(UUID.randomUUID(), "k", hotel.input("tok_timeout")));
        expire(booking);
        sweeper.sweep(); // the provider holds no charge yet: released
        assertThat(hotel.status(booking)).isEqualTo("EXPIRED");

        settlement.apply(booking, new PaymentProvider.Charge(PaymentProvider.Status.SUCCEEDED, "ch_late"), "EXPIRED");

        assertThat(hotel.status(booking)).isEqualTo("EXPIRED");
        assertThat(hotel.paymentStatus(booking)).isEqualTo("REFUNDED");
        assertThat(paymentProvider().findAll(postRequestedFor(urlEqualTo("/v1/refunds"))
                .withHeader("Idempotency-Key", equalTo(PaymentSettlement.refundKey(booking)))
                .withRequestBody(matchingJsonPath("$.chargeId", equalTo("ch_late")))
                .withRequestBody(matchingJsonPath("$.amount", equalTo("200.00")))))
                .hasSize(1);
        hotel.assertRoomsTaken(0);
    }

    private void expire(UUID booking) {
        db.update(BOOKING).set(BOOKING.HOLD_EXPIRES_AT, OffsetDateTime.now().minusMinutes(1))
                .where(BOOKING.ID.eq(booking)).execute();
    }

    private static void providerHolds(UUID booking, String status) {
        paymentProvider().stubFor(get(urlPathEqualTo("/v1/charges"))
                .withQueryParam("idempotencyKey", equalTo(PaymentSettlement.chargeKey(booking)))
                .atPriority(1)
                .willReturn(okJson("{\"id\":\"ch_" + booking + "\",\"status\":\"" + status + "\"}")));
    }

    private List<String> events(BookingFixtures hotel) {
        return db.select(OUTBOX.TYPE).from(OUTBOX).where(OUTBOX.KEY.eq(hotel.hotel().toString()))
                .and(OUTBOX.TOPIC.eq("booking.booking")).orderBy(OUTBOX.SEQ).fetch(OUTBOX.TYPE);
    }
}
