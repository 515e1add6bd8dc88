package dev.stay.booking.reservation;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.serviceUnavailable;
import static dev.stay.booking.db.Tables.BOOKING;
import static dev.stay.booking.reservation.BookingFixtures.paymentProvider;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.stubbing.StubMapping;
import dev.stay.common.security.Viewer;
import dev.stay.common.test.SignedIn;
import dev.stay.common.test.SubgraphTest;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.OffsetDateTime;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.jooq.DSLContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.graphql.test.tester.GraphQlTester;
import org.springframework.graphql.test.tester.WebGraphQlTester;

/**
 * A refund the provider never takes is sent a bounded number of times with a growing pause, then given up as
 * REFUND_FAILED: shown on the booking's payment, counted for on-call, and sent again only by an admin's retryRefund.
 */
@SubgraphTest
class RefundFailuresIT {

    static final String RETRY = """
            mutation ($id: ID!, $key: ID!) {
              retryRefund(bookingId: $id, idempotencyKey: $key) {
                __typename
                ... on RefundRetried { refundPending booking { payment { status refunded { amount } refundDue { amount } } } }
                ... on BookingRejected { code field message }
              }
            }""";

    static final String PAYMENT = """
            query ($id: ID!) { booking(id: $id) { payment { status refundDue { amount currency } } } }""";

    @Autowired WebGraphQlTester graphQl;
    @Autowired DSLContext db;
    @Autowired PaymentReconciliation reconciliation;
    @Autowired Refunds refunds;
    @Autowired CancellingBooking cancelling;
    @Autowired MeterRegistry meters;
    @Autowired BookingProperties settings;

    StubMapping failing;

    @AfterEach
    void providerTakesRefundsAgain() {
        if (failing != null) {
            paymentProvider().removeStub(failing);
        }
    }

    @Test
    void aRefundNeverTakenIsSentABoundedNumberOfTimesThenFailsVisiblyAndCounted() {
        var hotel = BookingFixtures.aHotelWithRoomsLeft(db, graphQl, 1);
        UUID guest = UUID.randomUUID();
        UUID booking = aCancelledBookingWhoseRefundFails(hotel, guest);
        double failedBefore = meters.get("stay.booking.refunds.failed").counter().count();

        OffsetDateTime previous = OffsetDateTime.now();
        for (int attempt = 2; attempt <= settings.refundAttempts(); attempt++) {
            OffsetDateTime next = db.select(BOOKING.REFUND_NEXT_AT).from(BOOKING).where(BOOKING.ID.eq(booking))
                    .fetchOne(BOOKING.REFUND_NEXT_AT);
            assertThat(next).as("the pause grows").isAfter(previous);
            previous = next;
            sendWhenDue(booking);
            assertThat(CancelBookingIT.refunds(booking)).hasSize(attempt);
        }

        assertThat(hotel.paymentStatus(booking)).isEqualTo("REFUND_FAILED");
        assertThat(meters.get("stay.booking.refunds.failed").counter().count()).isEqualTo(failedBefore + 1);
        assertThat(meters.get("stay.booking.refunds.failed.open").gauge().value()).isGreaterThanOrEqualTo(1);
        sendWhenDue(booking);
        assertThat(CancelBookingIT.refunds(booking)).as("given up: no more attempts")
                .hasSize(settings.refundAttempts());
        for (var viewer : new Object[][] {{guest, "guest"}, {hotel.owner(), "owner"}, {UUID.randomUUID(), "admin"}}) {
            payment(booking, (UUID) viewer[0], (String) viewer[1])
                    .path("booking.payment.status").entity(String.class).isEqualTo("REFUND_FAILED")
                    .path("booking.payment.refundDue.amount").entity(String.class).isEqualTo("200.00");
        }
        payment(booking, UUID.randomUUID(), "guest").path("booking").valueIsNull();
    }

    @Test
    void anAdminRetriesAFailedRefundOnceWhateverTheReplaysAndItIsTakenUnderItsOwnKey() {
        var hotel = BookingFixtures.aHotelWithRoomsLeft(db, graphQl, 1);
        UUID booking = aCancelledBookingWhoseRefundFails(hotel, UUID.randomUUID());
        failAllAttempts(booking);
        UUID admin = UUID.randomUUID();

        retry(admin, "admin", booking.toString(), "retry-1")
                .path("retryRefund.__typename").entity(String.class).isEqualTo("RefundRetried")
                .path("retryRefund.refundPending").entity(Boolean.class).isEqualTo(true)
                .path("retryRefund.booking.payment.status").entity(String.class).isEqualTo("CHARGED");
        assertThat(CancelBookingIT.refunds(booking)).hasSize(settings.refundAttempts() + 1);
        failAllAttempts(booking);
        paymentProvider().removeStub(failing);
        failing = null;

        for (int i = 0; i < 3; i++) {
            retry(admin, "admin", booking.toString(), "retry-2")
                    .path("retryRefund.refundPending").entity(Boolean.class).isEqualTo(false)
                    .path("retryRefund.booking.payment.status").entity(String.class).isEqualTo("REFUNDED")
                    .path("retryRefund.booking.payment.refunded.amount").entity(String.class).isEqualTo("200.00")
                    .path("retryRefund.booking.payment.refundDue").valueIsNull();
        }
        assertThat(CancelBookingIT.refunds(booking)).as("the replays sent nothing").hasSize(
                2 * settings.refundAttempts() + 1);
        assertThat(CancelBookingIT.refunds(booking)).as("every attempt under the refund's own key")
                .allSatisfy(r -> assertThat(r.getHeader("Idempotency-Key"))
                        .isEqualTo(BookingCancellation.refundKey(booking)));
        retry(admin, "admin", booking.toString(), "retry-3")
                .path("retryRefund.code").entity(String.class).isEqualTo("REFUND_NOT_FAILED");
        retry(admin, "admin", UUID.randomUUID().toString(), "retry-2")
                .path("retryRefund.code").entity(String.class).isEqualTo("IDEMPOTENCY_KEY_REUSED");
    }

    @ParameterizedTest
    @ValueSource(strings = {"guest", "owner", "partner"})
    void nobodyButAnAdminMayRetryARefundAndNothingIsSent(String role) {
        var hotel = BookingFixtures.aHotelWithRoomsLeft(db, graphQl, 1);
        UUID guest = UUID.randomUUID();
        UUID booking = aCancelledBookingWhoseRefundFails(hotel, guest);
        failAllAttempts(booking);
        UUID viewer = role.equals("guest") ? guest : role.equals("owner") ? hotel.owner() : UUID.randomUUID();

        retry(viewer, role, booking.toString(), "retry")
                .path("retryRefund.code").entity(String.class).isEqualTo("FORBIDDEN");

        assertThat(CancelBookingIT.refunds(booking)).hasSize(settings.refundAttempts());
        assertThat(hotel.paymentStatus(booking)).isEqualTo("REFUND_FAILED");
    }

    @Test
    void badInputIsATypedErrorAndChangesNothing() {
        UUID admin = UUID.randomUUID();
        retry(admin, "admin", "..%2F..%2Fbooking", "k").path("retryRefund.code").entity(String.class)
                .isEqualTo("NOT_FOUND");
        retry(admin, "admin", UUID.randomUUID().toString(), "k2").path("retryRefund.code").entity(String.class)
                .isEqualTo("NOT_FOUND");
        retry(admin, "admin", UUID.randomUUID().toString(), "k".repeat(129)).path("retryRefund.code")
                .entity(String.class).isEqualTo("INVALID_IDEMPOTENCY_KEY");
        retry(admin, "admin", UUID.randomUUID().toString(), "\u0000").path("retryRefund.code")
                .entity(String.class).isEqualTo("INVALID_IDEMPOTENCY_KEY");
        graphQl.document(RETRY).variable("id", UUID.randomUUID().toString()).variable("key", "k").execute()
                .path("retryRefund.code").entity(String.class).isEqualTo("UNAUTHENTICATED");
    }

    /** A confirmed booking cancelled by its guest while the provider refuses its refund (503): one attempt made. */
    private UUID aCancelledBookingWhoseRefundFails(BookingFixtures hotel, UUID guest) {
        UUID booking = hotel.aConfirmedBooking(guest, reconciliation);
        failing = paymentProvider().stubFor(post("/v1/refunds")
                .withHeader("Idempotency-Key", equalTo(BookingCancellation.refundKey(booking))).atPriority(1)
                .willReturn(serviceUnavailable()));
        assertThat(cancelling.cancel(Optional.of(new Viewer(guest, Set.of("guest"), null, null)), booking.toString(),
                "cancel")).isInstanceOfSatisfying(CancelBookingPayload.BookingCancelled.class,
                        c -> assertThat(c.refundPending()).isTrue());
        assertThat(CancelBookingIT.refunds(booking)).hasSize(1);
        return booking;
    }

    private void failAllAttempts(UUID booking) {
        for (int i = 0; i < settings.refundAttempts() && !"REFUND_FAILED".equals(db.select(BOOKING.PAYMENT_STATUS)
                .from(BOOKING).where(BOOKING.ID.eq(booking)).fetchOne(BOOKING.PAYMENT_STATUS)); i++) {
            sendWhenDue(booking);
        }
        assertThat(db.select(BOOKING.PAYMENT_STATUS).from(BOOKING).where(BOOKING.ID.eq(booking))
                .fetchOne(BOOKING.PAYMENT_STATUS)).isEqualTo("REFUND_FAILED");
    }

    /** The pause is over: the retry job runs. */
    private void sendWhenDue(UUID booking) {
        db.update(BOOKING).set(BOOKING.REFUND_NEXT_AT, OffsetDateTime.now().minusSeconds(1))
                .where(BOOKING.ID.eq(booking)).and(BOOKING.REFUND_NEXT_AT.isNotNull()).execute();
        refunds.retry();
    }

    private GraphQlTester.Response retry(UUID viewer, String role, String id, String key) {
        SignedIn.as(viewer, role);
        try {
            return graphQl.document(RETRY).variable("id", id).variable("key", key).execute();
        } finally {
            SignedIn.nobody();
        }
    }

    private GraphQlTester.Response payment(UUID booking, UUID viewer, String role) {
        SignedIn.as(viewer, role);
        try {
            return graphQl.document(PAYMENT).variable("id", booking.toString()).execute();
        } finally {
            SignedIn.nobody();
        }
    }
}
