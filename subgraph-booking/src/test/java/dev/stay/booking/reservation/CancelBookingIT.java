package dev.stay.booking.reservation;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static dev.stay.booking.db.Tables.BOOKING;
import static dev.stay.booking.db.Tables.OUTBOX;
import static dev.stay.booking.db.Tables.UNIT_TYPE;
import static dev.stay.booking.reservation.BookingFixtures.bookingId;
import static dev.stay.booking.reservation.BookingFixtures.paymentProvider;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import dev.stay.common.test.SignedIn;
import dev.stay.common.test.SubgraphTest;
import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.jooq.DSLContext;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.graphql.test.tester.GraphQlTester;
import org.springframework.graphql.test.tester.WebGraphQlTester;

@SubgraphTest
class CancelBookingIT {

    static final String CANCEL = """
            mutation ($id: ID!, $key: ID!) {
              cancelBooking(id: $id, idempotencyKey: $key) {
                __typename
                ... on BookingCancelled { refund { amount currency } refundPending
                                          booking { status payment { status refunded { amount } } } }
                ... on BookingRejected { code field message }
              }
            }""";

    static final String QUOTE = """
            query ($id: ID!) {
              booking(id: $id) {
                cancellationPolicy { refundable freeCancellationUntil penaltyPercent }
                cancellationQuote { refund { amount currency } penalty { amount } freeUntil penaltyPercent }
              }
            }""";

    @Autowired WebGraphQlTester graphQl;
    @Autowired DSLContext db;
    @Autowired PaymentReconciliation reconciliation;

    @Test
    void aGuestCancellingBeforeTheDeadlineIsRefundedInFullAndTheRoomIsFreeAgain() {
        var hotel = BookingFixtures.aHotelWithRoomsLeft(db, graphQl, 1);
        UUID guest = UUID.randomUUID();
        UUID booking = hotel.aConfirmedBooking(guest, reconciliation);

        var response = cancel(guest, booking, "cancel", "guest");

        response.path("cancelBooking.__typename").entity(String.class).isEqualTo("BookingCancelled")
                .path("cancelBooking.refund.amount").entity(String.class).isEqualTo("200.00")
                .path("cancelBooking.refundPending").entity(Boolean.class).isEqualTo(false)
                .path("cancelBooking.booking.status").entity(String.class).isEqualTo("CANCELLED")
                .path("cancelBooking.booking.payment.status").entity(String.class).isEqualTo("REFUNDED")
                .path("cancelBooking.booking.payment.refunded.amount").entity(String.class).isEqualTo("200.00");
        hotel.assertRoomsTaken(0);
        assertThat(refunds(booking)).hasSize(1).first()
                .satisfies(r -> assertThat(r.getBodyAsString()).contains("\"amount\":\"200.00\"")
                        .contains("ch_" + PaymentSettlement.chargeKey(booking)));
        assertThat(events(hotel)).containsExactly("booking.held", "booking.confirmed", "booking.cancelled");
        assertThat(db.select(OUTBOX.PAYLOAD).from(OUTBOX).where(OUTBOX.TYPE.eq("booking.cancelled"))
                .and(OUTBOX.KEY.eq(hotel.hotel().toString())).fetchOne(OUTBOX.PAYLOAD).data())
                .contains(booking.toString()).containsPattern("\"cancelledBy\":\\s*\"GUEST\"");
        assertThat(BookingFixtures.answer(hotel.book(UUID.randomUUID(), "again", hotel.input("tok_ok"))))
                .as("the room can be booked again").isEqualTo("BookingConfirmed");
    }

    @Test
    void aGuestCancellingAfterTheDeadlineIsRefundedTheTotalLessThePenaltyAsQuoted() {
        var hotel = BookingFixtures.aHotelWithRoomsLeft(db, graphQl, 1);
        UUID guest = UUID.randomUUID();
        UUID booking = hotel.aConfirmedBooking(guest, reconciliation);
        db.update(BOOKING).set(BOOKING.FREE_CANCELLATION_UNTIL, OffsetDateTime.now().minusHours(1))
                .set(BOOKING.PENALTY_PERCENT, 25).where(BOOKING.ID.eq(booking)).execute();

        var quote = quote(guest, booking);
        quote.path("booking.cancellationQuote.refund.amount").entity(String.class).isEqualTo("150.00")
                .path("booking.cancellationQuote.penalty.amount").entity(String.class).isEqualTo("50.00")
                .path("booking.cancellationPolicy.penaltyPercent").entity(Integer.class).isEqualTo(25);

        cancel(guest, booking, "cancel", "guest")
                .path("cancelBooking.refund.amount").entity(String.class).isEqualTo("150.00")
                .path("cancelBooking.booking.payment.refunded.amount").entity(String.class).isEqualTo("150.00");
        assertThat(refunds(booking)).singleElement()
                .satisfies(r -> assertThat(r.getBodyAsString()).contains("\"amount\":\"150.00\""));
        hotel.assertRoomsTaken(0);
    }

    @Test
    void theQuoteBeforeTheDeadlineIsWhatTheCancellationRefunds() {
        var hotel = BookingFixtures.aHotelWithRoomsLeft(db, graphQl, 1);
        UUID guest = UUID.randomUUID();
        UUID booking = hotel.aConfirmedBooking(guest, reconciliation);

        String quoted = quote(guest, booking).path("booking.cancellationQuote.refund.amount").entity(String.class).get();
        String until = quote(guest, booking).path("booking.cancellationQuote.freeUntil").entity(String.class).get();

        assertThat(OffsetDateTime.parse(until).toInstant()).as("24 hours before 15:00 on arrival, Lisbon time")
                .isEqualTo(hotel.checkIn().atTime(15, 0).atZone(java.time.ZoneId.of("Europe/Lisbon"))
                        .minusHours(24).toInstant());
        cancel(guest, booking, "cancel", "guest").path("cancelBooking.refund.amount").entity(String.class)
                .isEqualTo(quoted);
        quote(guest, booking).path("booking.cancellationQuote").valueIsNull();
    }

    @Test
    void aNonRefundableBookingIsCancelledWithNothingRefunded() {
        var hotel = BookingFixtures.aHotelWithRoomsLeft(db, graphQl, 1);
        db.update(UNIT_TYPE).set(UNIT_TYPE.REFUNDABLE, false).set(UNIT_TYPE.PENALTY_PERCENT, 100)
                .where(UNIT_TYPE.ID.eq(hotel.roomType())).execute();
        UUID guest = UUID.randomUUID();
        UUID booking = hotel.aConfirmedBooking(guest, reconciliation);

        cancel(guest, booking, "cancel", "guest")
                .path("cancelBooking.__typename").entity(String.class).isEqualTo("BookingCancelled")
                .path("cancelBooking.refund.amount").entity(String.class).isEqualTo("0.00")
                .path("cancelBooking.booking.payment.status").entity(String.class).isEqualTo("CHARGED");
        assertThat(refunds(booking)).isEmpty();
        hotel.assertRoomsTaken(0);
    }

    @Test
    void theHotelsOwnerCancellingRefundsInFullEvenANonRefundableRate() {
        var hotel = BookingFixtures.aHotelWithRoomsLeft(db, graphQl, 1);
        db.update(UNIT_TYPE).set(UNIT_TYPE.REFUNDABLE, false).where(UNIT_TYPE.ID.eq(hotel.roomType())).execute();
        UUID booking = hotel.aConfirmedBooking(UUID.randomUUID(), reconciliation);

        cancel(hotel.owner(), booking, "cancel", "owner")
                .path("cancelBooking.refund.amount").entity(String.class).isEqualTo("200.00");

        assertThat(refunds(booking)).hasSize(1);
        assertThat(hotel.status(booking)).isEqualTo("CANCELLED");
        assertThat(db.select(OUTBOX.PAYLOAD).from(OUTBOX).where(OUTBOX.TYPE.eq("booking.cancelled"))
                .and(OUTBOX.KEY.eq(hotel.hotel().toString())).fetchOne(OUTBOX.PAYLOAD).data())
                .containsPattern("\"cancelledBy\":\\s*\"HOTEL\"");
    }

    @Test
    void anotherGuestGetsNotFoundAndNothingChanges() {
        var hotel = BookingFixtures.aHotelWithRoomsLeft(db, graphQl, 1);
        UUID booking = hotel.aConfirmedBooking(UUID.randomUUID(), reconciliation);

        cancel(UUID.randomUUID(), booking, "cancel", "guest")
                .path("cancelBooking.code").entity(String.class).isEqualTo("NOT_FOUND");
        cancel(UUID.randomUUID(), booking, "cancel", "owner")
                .path("cancelBooking.code").entity(String.class).isEqualTo("NOT_FOUND"); // an owner of another hotel

        assertThat(hotel.status(booking)).isEqualTo("CONFIRMED");
        hotel.assertRoomsTaken(1);
        assertThat(refunds(booking)).isEmpty();
        assertThat(events(hotel)).doesNotContain("booking.cancelled");
    }

    @Test
    void aReplayOfTheSameKeyAnswersTheSameAndRefundsOnce() {
        var hotel = BookingFixtures.aHotelWithRoomsLeft(db, graphQl, 1);
        UUID guest = UUID.randomUUID();
        UUID booking = hotel.aConfirmedBooking(guest, reconciliation);

        for (int i = 0; i < 3; i++) {
            cancel(guest, booking, "cancel", "guest")
                    .path("cancelBooking.__typename").entity(String.class).isEqualTo("BookingCancelled")
                    .path("cancelBooking.refund.amount").entity(String.class).isEqualTo("200.00");
        }
        cancel(guest, booking, "another-key", "guest")
                .path("cancelBooking.code").entity(String.class).isEqualTo("NOT_CANCELLABLE");
        cancel(guest, booking, "book", "guest")
                .path("cancelBooking.code").entity(String.class)
                .isEqualTo("IDEMPOTENCY_KEY_REUSED"); // the key the booking was made with

        assertThat(refunds(booking)).hasSize(1);
        assertThat(events(hotel)).filteredOn("booking.cancelled"::equals).hasSize(1);
    }

    @Test
    void tenConcurrentCancellationsWithDifferentKeysRefundExactlyOnce() throws Exception {
        var hotel = BookingFixtures.aHotelWithRoomsLeft(db, graphQl, 1);
        UUID guest = UUID.randomUUID();
        UUID booking = hotel.aConfirmedBooking(guest, reconciliation);

        List<String> answers = new ArrayList<>();
        var pool = Executors.newFixedThreadPool(10);
        try {
            var start = new CountDownLatch(1);
            List<Future<String>> runs = new ArrayList<>();
            for (int i = 0; i < 10; i++) {
                String key = "cancel-" + i;
                runs.add(pool.submit(() -> {
                    start.await();
                    var r = cancel(guest, booking, key, "guest");
                    String type = r.path("cancelBooking.__typename").entity(String.class).get();
                    return type.equals("BookingRejected")
                            ? r.path("cancelBooking.code").entity(String.class).get() : type;
                }));
            }
            start.countDown();
            for (var run : runs) {
                answers.add(run.get());
            }
        } finally {
            pool.shutdownNow();
        }

        assertThat(answers).filteredOn("BookingCancelled"::equals).hasSize(1);
        assertThat(answers).filteredOn("NOT_CANCELLABLE"::equals).hasSize(9);
        assertThat(refunds(booking)).hasSize(1);
        hotel.assertRoomsTaken(0);
    }

    @Test
    void aBookingStillOwingARefundIsNotCancelledAgainUnderAnotherKey() {
        var hotel = BookingFixtures.aHotelWithRoomsLeft(db, graphQl, 1);
        UUID guest = UUID.randomUUID();
        UUID booking = hotel.aConfirmedBooking(guest, reconciliation);
        db.update(BOOKING).set(BOOKING.REFUND_DUE, new BigDecimal("40.00"))
                .set(BOOKING.REFUND_KEY, MovingStay.refundKey(booking, 1)).where(BOOKING.ID.eq(booking)).execute();

        cancel(guest, booking, "cancel", "guest")
                .path("cancelBooking.code").entity(String.class).isEqualTo("NOT_CANCELLABLE");

        assertThat(hotel.status(booking)).isEqualTo("CONFIRMED");
        assertThat(db.select(BOOKING.REFUND_KEY).from(BOOKING).where(BOOKING.ID.eq(booking))
                .fetchOne(BOOKING.REFUND_KEY)).isEqualTo(MovingStay.refundKey(booking, 1));
        hotel.assertRoomsTaken(1);
    }

    @Test
    void aHeldBookingWhosePaymentIsUnknownIsNotCancellable() {
        var hotel = BookingFixtures.aHotelWithRoomsLeft(db, graphQl, 1);
        UUID guest = UUID.randomUUID();
        UUID booking = bookingId(hotel.book(guest, "book", hotel.input("tok_timeout")));

        cancel(guest, booking, "cancel", "guest")
                .path("cancelBooking.code").entity(String.class).isEqualTo("NOT_CANCELLABLE");

        assertThat(hotel.status(booking)).isEqualTo("HELD");
        hotel.assertRoomsTaken(1);
    }

    @Test
    void aRefundTheProviderDidNotTakeIsSentAgainWithTheSameKey(@Autowired Refunds refunds) {
        var hotel = BookingFixtures.aHotelWithRoomsLeft(db, graphQl, 1);
        UUID guest = UUID.randomUUID();
        UUID booking = hotel.aConfirmedBooking(guest, reconciliation);
        var failing = paymentProvider().stubFor(com.github.tomakehurst.wiremock.client.WireMock.post("/v1/refunds")
                .withHeader("Idempotency-Key", equalTo(BookingCancellation.refundKey(booking))).atPriority(1)
                .willReturn(com.github.tomakehurst.wiremock.client.WireMock.serviceUnavailable()));
        try {
            cancel(guest, booking, "cancel", "guest")
                    .path("cancelBooking.refundPending").entity(Boolean.class).isEqualTo(true)
                    .path("cancelBooking.booking.payment.refunded").valueIsNull();
        } finally {
            paymentProvider().removeStub(failing);
        }

        refunds.retry();
        assertThat(refunds(booking)).as("not before its pause is over").hasSize(1);
        assertThat(db.select(BOOKING.REFUND_NEXT_AT).from(BOOKING).where(BOOKING.ID.eq(booking))
                .fetchOne(BOOKING.REFUND_NEXT_AT)).isAfter(OffsetDateTime.now().plusSeconds(30));
        db.update(BOOKING).set(BOOKING.REFUND_NEXT_AT, OffsetDateTime.now().minusSeconds(1))
                .where(BOOKING.ID.eq(booking)).execute();

        refunds.retry();

        assertThat(refunds(booking)).hasSize(2);
        assertThat(db.select(BOOKING.REFUNDED).from(BOOKING).where(BOOKING.ID.eq(booking)).fetchOne(BOOKING.REFUNDED))
                .isEqualByComparingTo(new BigDecimal("200.00"));
        assertThat(hotel.paymentStatus(booking)).isEqualTo("REFUNDED");
        refunds.retry();
        assertThat(refunds(booking)).as("nothing due any more").hasSize(2);
    }

    GraphQlTester.Response cancel(UUID viewer, UUID booking, String key, String role) {
        SignedIn.as(viewer, role);
        try {
            return graphQl.document(CANCEL).variable("id", booking.toString()).variable("key", key).execute();
        } finally {
            SignedIn.nobody();
        }
    }

    GraphQlTester.Response quote(UUID viewer, UUID booking) {
        SignedIn.as(viewer, "guest");
        try {
            return graphQl.document(QUOTE).variable("id", booking.toString()).execute();
        } finally {
            SignedIn.nobody();
        }
    }

    static List<LoggedRequest> refunds(UUID booking) {
        return paymentProvider().findAll(postRequestedFor(urlEqualTo("/v1/refunds"))
                .withHeader("Idempotency-Key", equalTo(BookingCancellation.refundKey(booking))));
    }

    List<String> events(BookingFixtures hotel) {
        return db.select(OUTBOX.TYPE).from(OUTBOX).where(OUTBOX.KEY.eq(hotel.hotel().toString()))
                .and(OUTBOX.TOPIC.eq("booking.booking")).orderBy(OUTBOX.SEQ).fetch(OUTBOX.TYPE);
    }
}
