package dev.stay.booking.reservation;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static dev.stay.booking.db.Tables.BOOKING;
import static dev.stay.booking.db.Tables.OUTBOX;
import static dev.stay.booking.db.Tables.PAYMENT_WEBHOOK_EVENT;
import static dev.stay.booking.reservation.BookingFixtures.paymentProvider;
import static dev.stay.booking.reservation.ProviderCallbacks.failed;
import static dev.stay.booking.reservation.ProviderCallbacks.newEventId;
import static dev.stay.booking.reservation.ProviderCallbacks.succeeded;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import dev.stay.common.test.SubgraphTest;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
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
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.graphql.test.tester.WebGraphQlTester;

/**
 * The provider's callbacks over real HTTP to {@code POST /webhooks/payments}: a charge whose outcome was unknown is
 * settled by them, through the same path as every other answer, once whatever the provider repeats or reorders; a
 * success after the hold was released is refunded; and nothing else (a bad or old signature, a body that is not an
 * event, an unknown payment, a wrong amount, a huge body) changes anything.
 */
@SubgraphTest
class PaymentWebhookIT {

    @Autowired WebGraphQlTester graphQl;
    @Autowired DSLContext db;
    @Autowired HoldSweeper sweeper;
    @LocalServerPort int port;
    @Autowired List<dev.stay.common.security.DeploymentSecret> deploymentSecrets;

    ProviderCallbacks provider() {
        return new ProviderCallbacks(port);
    }

    /** What ProductionReadiness checks outside the local profile (its rules: common's ProductionReadinessTest). */
    @Test
    void theWebhookSecretIsADeploymentSecretThatTheLocalProfileLeavesEmpty() {
        assertThat(deploymentSecrets).singleElement().satisfies(secret -> {
            assertThat(secret.variable()).isEqualTo("STAY_PAYMENT_WEBHOOK_SECRET");
            assertThat(secret.value()).as("the tests run on the local profile's published key").isNullOrEmpty();
        });
        assertThat(dev.stay.common.security.PublishedSecrets.isPublished(ProviderCallbacks.LOCAL_SECRET)).isTrue();
    }

    @Test
    void aChargeWhoseOutcomeWasUnknownIsConfirmedByTheCallbackOnceHoweverOftenItComes() {
        var hotel = BookingFixtures.aHotelWithRoomsLeft(db, graphQl, 1);
        UUID booking = anUnknownPayment(hotel);
        String event = succeeded(newEventId(), booking, "200.00");

        var first = provider().send(event);

        assertThat(first.status()).as(first.body()).isEqualTo(200);
        assertThat(first.body()).contains("CONFIRMED");
        assertThat(hotel.status(booking)).isEqualTo("CONFIRMED");
        assertThat(hotel.paymentStatus(booking)).isEqualTo("CHARGED");
        assertThat(db.select(BOOKING.CHARGE_ID).from(BOOKING).where(BOOKING.ID.eq(booking)).fetchOne(BOOKING.CHARGE_ID))
                .isEqualTo("ch_" + PaymentSettlement.chargeKey(booking));
        assertThat(provider().send(event).body()).as("the same delivery again").contains("DUPLICATE");
        assertThat(provider().send(succeeded(newEventId(), booking, "200.00")).body())
                .as("the same fact as another event").contains("UNCHANGED");
        assertThat(events(hotel, "booking.confirmed")).isEqualTo(1);
        hotel.assertRoomsTaken(1);
    }

    @Test
    void aFailureArrivingAfterTheSuccessChangesNothing() {
        var hotel = BookingFixtures.aHotelWithRoomsLeft(db, graphQl, 1);
        UUID booking = anUnknownPayment(hotel);
        assertThat(provider().send(succeeded(newEventId(), booking, "200.00")).status()).isEqualTo(200);

        var late = provider().send(failed(newEventId(), booking, "200.00"));

        assertThat(late.status()).isEqualTo(200);
        assertThat(late.body()).contains("UNCHANGED");
        assertThat(hotel.status(booking)).isEqualTo("CONFIRMED");
        assertThat(hotel.paymentStatus(booking)).isEqualTo("CHARGED");
        hotel.assertRoomsTaken(1);
        assertThat(events(hotel, "booking.payment-failed")).isZero();
    }

    @Test
    void aDeclineReleasesTheRoomsAndASuccessArrivingAfterItIsRefunded() {
        var hotel = BookingFixtures.aHotelWithRoomsLeft(db, graphQl, 1);
        UUID booking = anUnknownPayment(hotel);

        assertThat(provider().send(failed(newEventId(), booking, "200.00")).body()).contains("RELEASED");
        assertThat(hotel.status(booking)).isEqualTo("PAYMENT_FAILED");
        hotel.assertRoomsTaken(0);

        var late = provider().send(succeeded(newEventId(), booking, "200.00"));
        assertThat(late.status()).as(late.body()).isEqualTo(200);
        assertThat(late.body()).contains("REFUNDED");
        assertThat(hotel.status(booking)).isEqualTo("PAYMENT_FAILED");
        assertThat(hotel.paymentStatus(booking)).isEqualTo("REFUNDED");
        assertThat(refunds(booking)).singleElement()
                .satisfies(r -> assertThat(r.getBodyAsString()).contains("\"amount\":\"200.00\""));
        hotel.assertRoomsTaken(0);
    }

    @Test
    void aSuccessArrivingAfterTheHoldExpiredIsRefundedOnce() {
        var hotel = BookingFixtures.aHotelWithRoomsLeft(db, graphQl, 1);
        UUID booking = anUnknownPayment(hotel);
        db.update(BOOKING).set(BOOKING.HOLD_EXPIRES_AT, OffsetDateTime.now().minusMinutes(1))
                .where(BOOKING.ID.eq(booking)).execute();
        sweeper.sweep(); // the provider's lookup holds no charge yet: the hold expires
        assertThat(hotel.status(booking)).isEqualTo("EXPIRED");
        hotel.assertRoomsTaken(0);
        String event = succeeded(newEventId(), booking, "200.00");

        var late = provider().send(event);

        assertThat(late.status()).as(late.body()).isEqualTo(200);
        assertThat(late.body()).contains("REFUNDED");
        assertThat(hotel.status(booking)).isEqualTo("EXPIRED");
        assertThat(hotel.paymentStatus(booking)).isEqualTo("REFUNDED");
        assertThat(provider().send(event).body()).contains("DUPLICATE");
        assertThat(provider().send(succeeded(newEventId(), booking, "200.00")).body()).contains("UNCHANGED");
        assertThat(refunds(booking)).as("refunded once, with the booking's refund key").singleElement();
        hotel.assertRoomsTaken(0);
        assertThat(events(hotel, "booking.confirmed")).isZero();
    }

    @Test
    void aLateSuccessWhoseRefundTheProviderDoesNotTakeIsRefundedWhenItIsDeliveredAgain() {
        var hotel = BookingFixtures.aHotelWithRoomsLeft(db, graphQl, 1);
        UUID booking = anUnknownPayment(hotel);
        provider().send(failed(newEventId(), booking, "200.00"));
        var refusing = paymentProvider().stubFor(post(urlEqualTo("/v1/refunds")).atPriority(1)
                .withHeader("Idempotency-Key", equalTo(PaymentSettlement.refundKey(booking)))
                .willReturn(aResponse().withStatus(503)));
        String event = succeeded(newEventId(), booking, "200.00");
        try {
            var refused = provider().send(event);
            assertThat(refused.status()).as(refused.body()).isEqualTo(503);
            assertThat(hotel.paymentStatus(booking)).isNotEqualTo("REFUNDED");
        } finally {
            paymentProvider().removeStub(refusing);
        }

        var again = provider().send(event);

        assertThat(again.status()).as(again.body()).isEqualTo(200);
        assertThat(again.body()).contains("REFUNDED");
        assertThat(hotel.paymentStatus(booking)).isEqualTo("REFUNDED");
        assertThat(refunds(booking)).as("the same key both times").hasSize(2)
                .allSatisfy(r -> assertThat(r.getHeader("Idempotency-Key")).isEqualTo(PaymentSettlement.refundKey(booking)));
    }

    @Test
    void oneEventDeliveredEightTimesAtOnceConfirmsTheBookingOnce() throws Exception {
        var hotel = BookingFixtures.aHotelWithRoomsLeft(db, graphQl, 1);
        UUID booking = anUnknownPayment(hotel);
        String event = succeeded(newEventId(), booking, "200.00");
        var start = new CountDownLatch(1);
        List<String> answers = new ArrayList<>();
        try (var pool = Executors.newFixedThreadPool(8)) {
            List<Future<ProviderCallbacks.Answer>> futures = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                futures.add(pool.submit(() -> {
                    start.await();
                    return provider().send(event);
                }));
            }
            start.countDown();
            for (var future : futures) {
                answers.add(future.get().body());
            }
        }

        assertThat(answers).filteredOn(a -> a.contains("CONFIRMED")).hasSize(1);
        assertThat(answers).filteredOn(a -> a.contains("DUPLICATE")).hasSize(7);
        assertThat(events(hotel, "booking.confirmed")).isEqualTo(1);
    }

    @Test
    void aBadOldFutureMissingOrForeignSignatureIsRefusedAndChangesNothing() {
        var hotel = BookingFixtures.aHotelWithRoomsLeft(db, graphQl, 1);
        UUID booking = anUnknownPayment(hotel);
        String event = succeeded(newEventId(), booking, "200.00");
        byte[] bytes = event.getBytes(StandardCharsets.UTF_8);
        String other = succeeded(newEventId(), booking, "200.00");

        List<String> signatures = new ArrayList<>();
        signatures.add(ProviderCallbacks.sign("not-the-provider-s-key-but-32-characters", bytes, Instant.now()));
        signatures.add(ProviderCallbacks.sign(ProviderCallbacks.LOCAL_SECRET, bytes, Instant.now().minusSeconds(360)));
        signatures.add(ProviderCallbacks.sign(ProviderCallbacks.LOCAL_SECRET, bytes, Instant.now().plusSeconds(360)));
        signatures.add(ProviderCallbacks.sign(ProviderCallbacks.LOCAL_SECRET, other.getBytes(StandardCharsets.UTF_8),
                Instant.now()));
        signatures.add("t=9223372036854775807,v1=" + "ab".repeat(32));
        signatures.add("garbage");
        signatures.add(null);
        for (String signature : signatures) {
            var answer = provider().send(event, signature);
            assertThat(answer.status()).as(String.valueOf(signature)).isEqualTo(401);
            assertThat(answer.body()).contains("INVALID_SIGNATURE");
        }

        assertNothingChanged(hotel, booking);
    }

    @Test
    void aSignedBodyThatIsNotAnEventIsRefusedAndChangesNothing() {
        var hotel = BookingFixtures.aHotelWithRoomsLeft(db, graphQl, 1);
        UUID booking = anUnknownPayment(hotel);

        for (String body : List.of("not json", "{}", "[]", "null",
                succeeded(newEventId(), booking, "two hundred"),
                succeeded(newEventId(), booking, "200.00").replace("\"ch_", "\"\\u0000ch_"),
                succeeded("", booking, "200.00"),
                succeeded(newEventId(), booking, "200.00").replace("\"EUR\"", "\"euros\""))) {
            var answer = provider().send(body);
            assertThat(answer.status()).as(body).isEqualTo(400);
            assertThat(answer.body()).contains("MALFORMED_EVENT");
        }

        assertNothingChanged(hotel, booking);
    }

    @Test
    void anUnknownPaymentIsIgnoredAndAWrongAmountRefusedAndNeitherChangesAnything() {
        var hotel = BookingFixtures.aHotelWithRoomsLeft(db, graphQl, 1);
        UUID booking = anUnknownPayment(hotel);

        for (String key : List.of(PaymentSettlement.chargeKey(UUID.randomUUID()), "order-1234",
                PaymentSettlement.chargeKey(booking).toUpperCase(), "booking-" + booking + "-change-1-charge")) {
            var answer = provider().send(ProviderCallbacks.event(newEventId(), "charge.succeeded", key, "200.00"));
            assertThat(answer.status()).as(key).isEqualTo(200);
            assertThat(answer.body()).as(key).contains("UNKNOWN_PAYMENT");
        }
        var wrong = provider().send(succeeded(newEventId(), booking, "1.00"));
        assertThat(wrong.status()).isEqualTo(422);
        assertThat(wrong.body()).contains("AMOUNT_MISMATCH");
        assertThat(provider().send(ProviderCallbacks.event(newEventId(), "refund.succeeded",
                PaymentSettlement.chargeKey(booking), "200.00")).body()).contains("IGNORED");

        assertNothingChanged(hotel, booking);
    }

    @Test
    void aHugeBodyIsRefusedUnreadWhetherItsSizeIsAnnouncedOrNot() {
        var hotel = BookingFixtures.aHotelWithRoomsLeft(db, graphQl, 1);
        UUID booking = anUnknownPayment(hotel);
        String padding = " ".repeat(200_000);
        String huge = succeeded(newEventId(), booking, "200.00").replace("{\"id\"", "{" + padding + "\"id\"");
        byte[] bytes = huge.getBytes(StandardCharsets.UTF_8);
        String signature = ProviderCallbacks.sign(ProviderCallbacks.LOCAL_SECRET, bytes, Instant.now());

        var announced = provider().send(huge, signature);
        var chunked = provider().sendChunked(bytes, signature);

        assertThat(announced.status()).isEqualTo(413);
        assertThat(chunked.status()).isEqualTo(413);
        assertNothingChanged(hotel, booking);
    }

    /** A booking held with its payment unknown: the charge's answer came after the tests' 1 s read timeout. */
    private static UUID anUnknownPayment(BookingFixtures hotel) {
        var response = hotel.book(UUID.randomUUID(), "book", hotel.input("tok_timeout"));
        assertThat(BookingFixtures.answer(response)).isEqualTo("BookingPending");
        UUID booking = BookingFixtures.bookingId(response);
        assertThat(hotel.paymentStatus(booking)).isEqualTo("UNKNOWN");
        return booking;
    }

    private void assertNothingChanged(BookingFixtures hotel, UUID booking) {
        assertThat(hotel.status(booking)).isEqualTo("HELD");
        assertThat(hotel.paymentStatus(booking)).isEqualTo("UNKNOWN");
        hotel.assertRoomsTaken(1);
        assertThat(db.select(OUTBOX.TYPE).from(OUTBOX).where(OUTBOX.KEY.eq(hotel.hotel().toString()))
                .and(OUTBOX.TOPIC.eq("booking.booking")).fetch(OUTBOX.TYPE)).containsExactly("booking.held");
        assertThat(db.fetchCount(PAYMENT_WEBHOOK_EVENT, PAYMENT_WEBHOOK_EVENT.IDEMPOTENCY_KEY
                .eq(PaymentSettlement.chargeKey(booking)).and(PAYMENT_WEBHOOK_EVENT.OUTCOME.ne("AMOUNT_MISMATCH"))))
                .as("no event applied").isZero();
        assertThat(refunds(booking)).isEmpty();
    }

    private int events(BookingFixtures hotel, String type) {
        return db.fetchCount(OUTBOX, OUTBOX.KEY.eq(hotel.hotel().toString()).and(OUTBOX.TYPE.eq(type)));
    }

    private static List<LoggedRequest> refunds(UUID booking) {
        return paymentProvider().findAll(postRequestedFor(urlEqualTo("/v1/refunds"))
                .withHeader("Idempotency-Key", equalTo(PaymentSettlement.refundKey(booking))));
    }
}
