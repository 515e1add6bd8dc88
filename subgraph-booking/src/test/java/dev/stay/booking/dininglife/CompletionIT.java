package dev.stay.booking.dininglife;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.serviceUnavailable;
import static dev.stay.booking.db.Tables.TABLE_RESERVATION;
import static dev.stay.booking.dininglife.DiningFixtures.paymentProvider;
import static dev.stay.booking.dininglife.Steps.COMPLETE;
import static dev.stay.booking.dininglife.Steps.NO_SHOW;
import static dev.stay.booking.dininglife.Steps.SEAT;
import static dev.stay.booking.dininglife.Steps.code;
import static dev.stay.booking.dininglife.Steps.field;
import static dev.stay.booking.dininglife.Steps.refundsOf;
import static dev.stay.booking.dininglife.Steps.typename;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.stubbing.StubMapping;
import dev.stay.common.test.SubgraphTest;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.jooq.DSLContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.graphql.test.tester.WebGraphQlTester;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code completeReservation} ("post billing") and the job that completes parties left seated: the deposit refunded
 * in full once, whatever is replayed, however many tabs complete at once, and when the provider fails first (sent
 * again with its key a bounded number of times, then REFUND_FAILED and counted).
 */
@SubgraphTest
class CompletionIT {

    @Autowired WebGraphQlTester graphQl;
    @Autowired DSLContext db;
    @Autowired JsonMapper json;
    @Autowired DepositRefunds refunds;
    @Autowired SeatedPartiesComplete job;
    @Autowired LifecycleProperties settings;
    @Autowired MeterRegistry meters;
    Steps steps;
    StubMapping failing;

    @BeforeAll
    static void theProviderIsWarm() throws Exception {
        Steps.warmUpTheProvider();
    }

    @BeforeEach
    void steps() {
        steps = new Steps(graphQl, json);
    }

    @AfterEach
    void providerTakesRefundsAgain() {
        if (failing != null) {
            paymentProvider().removeStub(failing);
            failing = null;
        }
    }

    @Test
    void completingRefundsTheDepositInFullOnceAndAReplayAnswersTheSame() {
        var r = DiningFixtures.aRestaurantInLisbon(db);
        UUID seated = r.aSeated(UUID.randomUUID(), 0, Duration.ofMinutes(-90));

        String first = steps.body(steps.step(COMPLETE, r.owner, "owner", seated, "bill"), "completeReservation");
        String replay = steps.body(steps.step(COMPLETE, r.owner, "owner", seated, "bill"), "completeReservation");

        assertThat(first).contains("\"ReservationUpdated\"").contains("\"40.00\"").contains("\"REFUNDED\"");
        assertThat(replay).isEqualTo(first);
        assertThat(code(steps.step(COMPLETE, r.owner, "owner", seated, "bill-again"), "completeReservation"))
                .isEqualTo("INVALID_STATUS");
        var row = r.row(seated);
        assertThat(row.getStatus()).isEqualTo("COMPLETED");
        assertThat(row.getPaymentStatus()).isEqualTo("REFUNDED");
        assertThat(row.getRefunded()).isEqualByComparingTo("40.00");
        assertThat(row.getRefundDue()).isNull();
        assertThat(refundsOf(seated)).singleElement().satisfies(req -> assertThat(req.getBodyAsString())
                .contains("\"amount\":\"40.00\"").contains("ch_" + seated));
        assertThat(r.events("reservation.completed")).singleElement()
                .satisfies(e -> assertThat(json.readTree(e).path("status").asString()).isEqualTo("COMPLETED"));
        assertThat(code(steps.step(NO_SHOW, r.owner, "owner", seated, "bill"), "markReservationNoShow"))
                .as("the key again for another step").isEqualTo("IDEMPOTENCY_KEY_REUSED");
    }

    @Test
    void aConfirmedPartyMayBeCompletedOnceItsVisitBeganButNotBefore() {
        var r = DiningFixtures.aRestaurantInLisbon(db);
        UUID tomorrow = r.aConfirmed(UUID.randomUUID(), 0, Duration.ofDays(1));
        UUID begun = r.aConfirmed(UUID.randomUUID(), 1, Duration.ofMinutes(-20));
        UUID noDeposit = r.a(UUID.randomUUID(), 2, java.time.Instant.now().minusSeconds(600), "SEATED",
                java.math.BigDecimal.ZERO);

        assertThat(code(steps.step(COMPLETE, r.owner, "owner", tomorrow, "a"), "completeReservation")).isEqualTo("TOO_EARLY");
        assertThat(r.status(tomorrow)).isEqualTo("CONFIRMED");
        steps.step(COMPLETE, r.owner, "owner", begun, "b").path("completeReservation.reservation.status")
                .entity(String.class).isEqualTo("COMPLETED");
        steps.step(COMPLETE, r.owner, "owner", noDeposit, "c").path("completeReservation.refund.amount")
                .entity(String.class).isEqualTo("0.00");
        assertThat(refundsOf(noDeposit)).isEmpty();
        assertThat(r.row(noDeposit).getPaymentStatus()).isEqualTo("NOT_CHARGED");
    }

    @Test
    void aRefundTheProviderDoesNotTakeIsSentAgainWithItsKeyUntilTakenAndOnlyOnce() {
        var r = DiningFixtures.aRestaurantInLisbon(db);
        UUID seated = r.aSeated(UUID.randomUUID(), 0, Duration.ofMinutes(-90));
        failing = paymentProvider().stubFor(post("/v1/refunds")
                .withHeader("Idempotency-Key", equalTo(LifecycleSteps.completionRefundKey(seated))).atPriority(1)
                .willReturn(serviceUnavailable()));

        steps.step(COMPLETE, r.owner, "owner", seated, "bill")
                .path("completeReservation.reservation.status").entity(String.class).isEqualTo("COMPLETED")
                .path("completeReservation.refundPending").entity(Boolean.class).isEqualTo(true)
                .path("completeReservation.reservation.payment.status").entity(String.class).isEqualTo("CHARGED");
        assertThat(r.row(seated).getRefundDue()).isEqualByComparingTo("40.00");
        assertThat(r.row(seated).getRefundNextAt()).as("the next attempt waits").isAfter(java.time.OffsetDateTime.now());
        assertThat(steps.step(COMPLETE, r.owner, "owner", seated, "bill").path("completeReservation.refundPending")
                .entity(Boolean.class).get()).as("a replay answers the same and sends nothing").isTrue();
        assertThat(refundsOf(seated)).hasSize(1);

        paymentProvider().removeStub(failing);
        failing = null;
        dueNow(seated);
        refunds.retry();
        refunds.retry();

        var row = r.row(seated);
        assertThat(row.getPaymentStatus()).isEqualTo("REFUNDED");
        assertThat(row.getRefunded()).isEqualByComparingTo("40.00");
        assertThat(row.getRefundDue()).isNull();
        assertThat(refundsOf(seated)).hasSize(2)
                .allSatisfy(req -> assertThat(req.getBodyAsString()).contains("\"amount\":\"40.00\""));
    }

    @Test
    void aRefundNeverTakenIsGivenUpAfterItsLastAttemptVisiblyAndCounted() {
        var r = DiningFixtures.aRestaurantInLisbon(db);
        UUID seated = r.aSeated(UUID.randomUUID(), 0, Duration.ofMinutes(-90));
        failing = paymentProvider().stubFor(post("/v1/refunds")
                .withHeader("Idempotency-Key", equalTo(LifecycleSteps.completionRefundKey(seated))).atPriority(1)
                .willReturn(serviceUnavailable()));
        double failedBefore = meters.get("stay.dining.refunds.failed").counter().count();

        steps.step(COMPLETE, r.owner, "owner", seated, "bill");
        for (int attempt = 2; attempt <= settings.refundAttempts() + 2; attempt++) {
            dueNow(seated);
            refunds.retry();
        }

        assertThat(refundsOf(seated)).as("bounded").hasSize(settings.refundAttempts());
        assertThat(r.row(seated).getPaymentStatus()).isEqualTo("REFUND_FAILED");
        assertThat(r.row(seated).getRefundDue()).isEqualByComparingTo("40.00");
        assertThat(meters.get("stay.dining.refunds.failed").counter().count()).isEqualTo(failedBefore + 1);
    }

    @Test
    void partiesStillSeatedSixHoursAfterTheirEndAreCompletedAndRefundedButConfirmedOnesWait() {
        var r = DiningFixtures.aRestaurantInLisbon(db);
        UUID forgotten = r.aSeated(UUID.randomUUID(), 0, Duration.ofHours(-9));
        UUID justEnded = r.aSeated(UUID.randomUUID(), 1, Duration.ofHours(-3));
        UUID neverCame = r.aConfirmed(UUID.randomUUID(), 2, Duration.ofHours(-9));

        job.run();
        job.run();

        assertThat(r.status(forgotten)).isEqualTo("COMPLETED");
        assertThat(r.row(forgotten).getPaymentStatus()).isEqualTo("REFUNDED");
        assertThat(refundsOf(forgotten)).hasSize(1);
        assertThat(r.status(justEnded)).isEqualTo("SEATED");
        assertThat(r.status(neverCame)).as("the owner says whether they came").isEqualTo("CONFIRMED");
        assertThat(r.events("reservation.completed")).hasSize(1);
    }

    @Test
    void eightTabsCompletingAtOnceCompleteItOnceAndRefundOnce() throws Exception {
        var r = DiningFixtures.aRestaurantInLisbon(db);
        UUID seated = r.aSeated(UUID.randomUUID(), 0, Duration.ofMinutes(-90));
        var start = new java.util.concurrent.CountDownLatch(1);
        List<String> answers = new java.util.ArrayList<>();
        try (var pool = java.util.concurrent.Executors.newFixedThreadPool(8)) {
            List<java.util.concurrent.Future<String>> futures = new java.util.ArrayList<>();
            for (int i = 0; i < 8; i++) {
                String key = "tab-" + i;
                futures.add(pool.submit(() -> {
                    start.await();
                    var response = steps.step(COMPLETE, r.owner, "owner", seated, key);
                    String typename = typename(response, "completeReservation");
                    return typename.equals("ReservationRejected") ? code(response, "completeReservation") : typename;
                }));
            }
            start.countDown();
            for (var future : futures) {
                answers.add(future.get());
            }
        }

        assertThat(answers).filteredOn("ReservationUpdated"::equals).hasSize(1);
        assertThat(answers).filteredOn("INVALID_STATUS"::equals).hasSize(7);
        refunds.retry();
        assertThat(r.row(seated).getRefunded()).isEqualByComparingTo("40.00");
        assertThat(refundsOf(seated)).isNotEmpty()
                .allSatisfy(req -> assertThat(req.getBodyAsString()).contains("\"amount\":\"40.00\""));
        assertThat(r.events("reservation.completed")).hasSize(1);
    }

    private void dueNow(UUID id) {
        db.update(TABLE_RESERVATION).set(TABLE_RESERVATION.REFUND_NEXT_AT, (java.time.OffsetDateTime) null)
                .where(TABLE_RESERVATION.ID.eq(id)).execute();
    }
}
