package dev.stay.booking.dininglife;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.serviceUnavailable;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static dev.stay.booking.db.Tables.TABLE_RESERVATION;
import static dev.stay.booking.dininglife.DiningFixtures.paymentProvider;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.stubbing.StubMapping;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import dev.stay.common.test.SignedIn;
import dev.stay.common.test.SubgraphTest;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.jooq.DSLContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.graphql.test.tester.GraphQlTester;
import org.springframework.graphql.test.tester.WebGraphQlTester;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The restaurant's steps after a reservation is made: seated (from an hour before its time to its end), completed
 * with the deposit refunded once whatever is replayed or fails first, a no-show keeping it (from its time to seven
 * days after); each published on {@code booking.reservation}; every refusal a typed code with nothing changed.
 */
@SubgraphTest
class ReservationStepsIT {

    static final String STEP_FIELDS = """
            __typename
            ... on ReservationUpdated { refund { amount currency } refundPending
                                        reservation { id status payment { status charged { amount } refunded { amount } } } }
            ... on ReservationRejected { code field message }""";
    static final String SEAT = "mutation ($id: ID!) { markSeated(id: $id) { " + STEP_FIELDS + " } }";
    static final String COMPLETE = "mutation ($id: ID!, $key: ID!) { completeReservation(id: $id, idempotencyKey: $key) { "
            + STEP_FIELDS + " } }";
    static final String NO_SHOW = "mutation ($id: ID!, $key: ID!) { markReservationNoShow(id: $id, idempotencyKey: $key) { "
            + STEP_FIELDS + " } }";

    @Autowired WebGraphQlTester graphQl;
    @Autowired DSLContext db;
    @Autowired JsonMapper json;
    @Autowired DepositRefunds refunds;
    @Autowired SeatedPartiesComplete job;
    @Autowired LifecycleProperties settings;
    @Autowired MeterRegistry meters;

    StubMapping failing;

    /** The stub's first answer in a JVM may come after the short read timeout: one call first, as hotels' tests do. */
    @BeforeAll
    static void theProviderIsWarm() throws Exception {
        var http = java.net.http.HttpClient.newHttpClient();
        var warmUp = java.net.http.HttpRequest.newBuilder(java.net.URI.create(paymentProvider().baseUrl() + "/v1/refunds"))
                .header("Content-Type", "application/json").header("Idempotency-Key", "warm-up-" + UUID.randomUUID())
                .POST(java.net.http.HttpRequest.BodyPublishers.ofString("{\"chargeId\":\"ch_warm\",\"amount\":\"1.00\"}"))
                .build();
        assertThat(http.send(warmUp, java.net.http.HttpResponse.BodyHandlers.ofString()).statusCode()).isEqualTo(201);
    }

    @AfterEach
    void providerTakesRefundsAgain() {
        if (failing != null) {
            paymentProvider().removeStub(failing);
            failing = null;
        }
    }

    @Test
    void theOwnerSeatsThePartyFromAnHourBeforeItsTimeAndItIsPublished() {
        var r = DiningFixtures.aRestaurantInLisbon(db);
        UUID guest = UUID.randomUUID();
        UUID soon = r.aConfirmed(guest, 0, Duration.ofMinutes(50));

        var seated = step(SEAT, r.owner, "owner", soon, null);

        seated.path("markSeated.__typename").entity(String.class).isEqualTo("ReservationUpdated")
                .path("markSeated.reservation.status").entity(String.class).isEqualTo("SEATED")
                .path("markSeated.refund.amount").entity(String.class).isEqualTo("0.00")
                .path("markSeated.refundPending").entity(Boolean.class).isEqualTo(false);
        assertThat(r.row(soon).getSeatedAt()).isNotNull();
        assertThat(r.row(soon).getVersion()).isEqualTo(2);
        JsonNode event = json.readTree(r.events("reservation.seated").getFirst());
        assertThat(event.propertyNames()).containsExactlyInAnyOrder("reservationId", "reference", "restaurantId",
                "tableId", "guestId", "date", "time", "startsAt", "endsAt", "partySize", "status", "deposit",
                "currency", "version", "occurredAt");
        assertThat(event.path("reservationId").asString()).isEqualTo(soon.toString());
        assertThat(event.path("guestId").asString()).isEqualTo(guest.toString());
        assertThat(event.path("status").asString()).isEqualTo("SEATED");
        assertThat(event.path("deposit").asString()).isEqualTo("40.00");
        assertThat(event.path("version").asInt()).isEqualTo(2);
        assertThat(code(step(SEAT, r.owner, "owner", soon, null), "markSeated")).as("seated twice")
                .isEqualTo("INVALID_STATUS");
        assertThat(r.events("reservation.seated")).hasSize(1);
    }

    @Test
    void seatingIsRefusedTooEarlyTooLateAndOutOfStatusWithNothingChanged() {
        var r = DiningFixtures.aRestaurantInLisbon(db);
        UUID later = r.aConfirmed(UUID.randomUUID(), 0, Duration.ofMinutes(70));
        UUID over = r.aConfirmed(UUID.randomUUID(), 1, Duration.ofHours(-3));
        UUID cancelled = r.a(UUID.randomUUID(), 2, java.time.Instant.now(), "CANCELLED", new java.math.BigDecimal("40.00"));

        assertThat(code(step(SEAT, r.owner, "owner", later, null), "markSeated")).isEqualTo("TOO_EARLY");
        assertThat(code(step(SEAT, r.owner, "owner", over, null), "markSeated")).isEqualTo("TOO_LATE");
        assertThat(code(step(SEAT, r.owner, "owner", cancelled, null), "markSeated")).isEqualTo("INVALID_STATUS");
        assertThat(List.of(r.status(later), r.status(over), r.status(cancelled)))
                .containsExactly("CONFIRMED", "CONFIRMED", "CANCELLED");
        assertThat(r.row(later).getVersion()).isEqualTo(1);
        assertThat(r.events("reservation.seated")).isEmpty();
    }

    @Test
    void itsGuestIsForbiddenAndEveryoneElseButAnAdminFindsNothing() {
        var r = DiningFixtures.aRestaurantInLisbon(db);
        UUID guest = UUID.randomUUID();
        UUID now = r.aConfirmed(guest, 0, Duration.ofMinutes(-10));

        for (String mutation : List.of(SEAT, COMPLETE, NO_SHOW)) {
            String field = field(mutation);
            assertThat(code(step(mutation, guest, "guest", now, field + "-g"), field)).as("its guest").isEqualTo("FORBIDDEN");
            assertThat(code(step(mutation, UUID.randomUUID(), "owner", now, field + "-o"), field)).as("another owner")
                    .isEqualTo("NOT_FOUND");
            assertThat(code(step(mutation, r.owner, "guest", now, field + "-r"), field)).as("its owner without the role")
                    .isEqualTo("NOT_FOUND");
            assertThat(code(graphQl.document(mutation).variable("id", now.toString()).variable("key", "n").execute(),
                    field)).as("nobody signed in").isEqualTo("UNAUTHENTICATED");
        }
        assertThat(r.status(now)).isEqualTo("CONFIRMED");
        assertThat(refundsOf(now)).isEmpty();

        assertThat(typename(step(SEAT, UUID.randomUUID(), "admin", now, null), "markSeated"))
                .isEqualTo("ReservationUpdated");
        assertThat(r.status(now)).isEqualTo("SEATED");
    }

    @Test
    void completingRefundsTheDepositInFullOnceAndAReplayAnswersTheSame() {
        var r = DiningFixtures.aRestaurantInLisbon(db);
        UUID seated = r.aSeated(UUID.randomUUID(), 0, Duration.ofMinutes(-90));

        String first = body(step(COMPLETE, r.owner, "owner", seated, "bill"), "completeReservation");
        String replay = body(step(COMPLETE, r.owner, "owner", seated, "bill"), "completeReservation");

        assertThat(first).contains("\"ReservationUpdated\"").contains("\"40.00\"").contains("\"REFUNDED\"");
        assertThat(replay).isEqualTo(first);
        assertThat(code(step(COMPLETE, r.owner, "owner", seated, "bill-again"), "completeReservation"))
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
        assertThat(code(step(NO_SHOW, r.owner, "owner", seated, "bill"), "markReservationNoShow"))
                .as("the key again for another step").isEqualTo("IDEMPOTENCY_KEY_REUSED");
    }

    @Test
    void aConfirmedPartyMayBeCompletedOnceItsVisitBeganButNotBefore() {
        var r = DiningFixtures.aRestaurantInLisbon(db);
        UUID tomorrow = r.aConfirmed(UUID.randomUUID(), 0, Duration.ofDays(1));
        UUID begun = r.aConfirmed(UUID.randomUUID(), 1, Duration.ofMinutes(-20));
        UUID noDeposit = r.a(UUID.randomUUID(), 2, java.time.Instant.now().minusSeconds(600), "SEATED",
                java.math.BigDecimal.ZERO);

        assertThat(code(step(COMPLETE, r.owner, "owner", tomorrow, "a"), "completeReservation")).isEqualTo("TOO_EARLY");
        assertThat(r.status(tomorrow)).isEqualTo("CONFIRMED");
        step(COMPLETE, r.owner, "owner", begun, "b").path("completeReservation.reservation.status")
                .entity(String.class).isEqualTo("COMPLETED");
        step(COMPLETE, r.owner, "owner", noDeposit, "c").path("completeReservation.refund.amount")
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

        step(COMPLETE, r.owner, "owner", seated, "bill")
                .path("completeReservation.reservation.status").entity(String.class).isEqualTo("COMPLETED")
                .path("completeReservation.refundPending").entity(Boolean.class).isEqualTo(true)
                .path("completeReservation.reservation.payment.status").entity(String.class).isEqualTo("CHARGED");
        assertThat(r.row(seated).getRefundDue()).isEqualByComparingTo("40.00");
        assertThat(r.row(seated).getRefundNextAt()).as("the next attempt waits").isAfter(java.time.OffsetDateTime.now());
        assertThat(step(COMPLETE, r.owner, "owner", seated, "bill").path("completeReservation.refundPending")
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

        step(COMPLETE, r.owner, "owner", seated, "bill");
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
    void aNoShowKeepsTheDepositFromItsTimeToSevenDaysAfter() {
        var r = DiningFixtures.aRestaurantInLisbon(db);
        UUID justPast = r.aConfirmed(UUID.randomUUID(), 0, Duration.ofMinutes(-5));
        UUID notYet = r.aConfirmed(UUID.randomUUID(), 1, Duration.ofMinutes(5));
        UUID eightDays = r.aConfirmed(UUID.randomUUID(), 2, Duration.ofDays(-8));
        UUID sixDays = r.aConfirmed(UUID.randomUUID(), 2, Duration.ofDays(-6));
        UUID seated = r.aSeated(UUID.randomUUID(), 1, Duration.ofHours(-3));

        step(NO_SHOW, r.owner, "owner", justPast, "a")
                .path("markReservationNoShow.reservation.status").entity(String.class).isEqualTo("NO_SHOW")
                .path("markReservationNoShow.refund.amount").entity(String.class).isEqualTo("0.00")
                .path("markReservationNoShow.reservation.payment.status").entity(String.class).isEqualTo("CHARGED");
        assertThat(code(step(NO_SHOW, r.owner, "owner", notYet, "b"), "markReservationNoShow")).isEqualTo("TOO_EARLY");
        assertThat(code(step(NO_SHOW, r.owner, "owner", eightDays, "c"), "markReservationNoShow")).isEqualTo("TOO_LATE");
        assertThat(code(step(NO_SHOW, r.owner, "owner", seated, "d"), "markReservationNoShow"))
                .isEqualTo("INVALID_STATUS");
        assertThat(typename(step(NO_SHOW, r.owner, "owner", sixDays, "e"), "markReservationNoShow"))
                .isEqualTo("ReservationUpdated");
        assertThat(List.of(r.status(notYet), r.status(eightDays), r.status(seated)))
                .containsExactly("CONFIRMED", "CONFIRMED", "SEATED");
        assertThat(r.row(justPast).getNoShowAt()).isNotNull();
        assertThat(r.row(justPast).getCharged()).isEqualByComparingTo("40.00");
        assertThat(refundsOf(justPast)).isEmpty();
        assertThat(r.events("reservation.no-show")).hasSize(2);
        assertThat(body(step(NO_SHOW, r.owner, "owner", justPast, "a"), "markReservationNoShow"))
                .as("replayed").contains("ReservationUpdated");
        assertThat(r.events("reservation.no-show")).hasSize(2);
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
    void idsThatAreNotReservationsAndBadKeysAreTypedAnswersThatChangeNothing() {
        var r = DiningFixtures.aRestaurantInLisbon(db);
        UUID seated = r.aSeated(UUID.randomUUID(), 0, Duration.ofMinutes(-30));

        for (String id : List.of("not-an-id", "'; DROP TABLE table_reservation; --", "%2e%2e%2f" + seated,
                "x".repeat(10_000))) {
            assertThat(code(raw(SEAT, r.owner, id, null), "markSeated")).isEqualTo("INVALID_ID");
            assertThat(code(raw(COMPLETE, r.owner, id, "k"), "completeReservation")).isEqualTo("INVALID_ID");
        }
        assertThat(code(raw(COMPLETE, r.owner, UUID.randomUUID().toString(), "k2"), "completeReservation"))
                .isEqualTo("NOT_FOUND");
        assertThat(code(raw(COMPLETE, r.owner, seated.toString(), "x".repeat(129)), "completeReservation"))
                .isEqualTo("INVALID_IDEMPOTENCY_KEY");
        assertThat(code(raw(NO_SHOW, r.owner, seated.toString(), " "), "markReservationNoShow"))
                .isEqualTo("INVALID_IDEMPOTENCY_KEY");
        assertThat(code(raw(NO_SHOW, r.owner, seated.toString(), "k\u0000"), "markReservationNoShow"))
                .isEqualTo("INVALID_IDEMPOTENCY_KEY");
        assertThat(r.status(seated)).isEqualTo("SEATED");
        assertThat(refundsOf(seated)).isEmpty();
    }

    @Test
    void aCancelledReservationIsNeitherCompletedNorMarkedAndKeepsItsMoney() {
        var r = DiningFixtures.aRestaurantInLisbon(db);
        UUID cancelled = r.a(UUID.randomUUID(), 0, java.time.Instant.now().minusSeconds(1800), "CANCELLED",
                new java.math.BigDecimal("40.00"));

        assertThat(code(step(COMPLETE, r.owner, "owner", cancelled, "c"), "completeReservation"))
                .isEqualTo("INVALID_STATUS");
        assertThat(code(step(NO_SHOW, r.owner, "owner", cancelled, "n"), "markReservationNoShow"))
                .isEqualTo("INVALID_STATUS");
        assertThat(r.status(cancelled)).isEqualTo("CANCELLED");
        assertThat(r.row(cancelled).getVersion()).isEqualTo(1);
        assertThat(refundsOf(cancelled)).isEmpty();
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
                    var response = step(COMPLETE, r.owner, "owner", seated, key);
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

    static List<LoggedRequest> refundsOf(UUID reservation) {
        return paymentProvider().findAll(postRequestedFor(urlEqualTo("/v1/refunds"))
                .withHeader("Idempotency-Key", equalTo(LifecycleSteps.completionRefundKey(reservation))));
    }

    private GraphQlTester.Response step(String mutation, UUID viewer, String role, UUID id, String key) {
        SignedIn.as(viewer, role);
        try {
            return graphQl.document(mutation).variable("id", id.toString()).variable("key", key).execute();
        } finally {
            SignedIn.nobody();
        }
    }

    private GraphQlTester.Response raw(String mutation, UUID owner, String id, String key) {
        SignedIn.as(owner, "owner");
        try {
            return graphQl.document(mutation).variable("id", id).variable("key", key).execute();
        } finally {
            SignedIn.nobody();
        }
    }

    private static String field(String mutation) {
        return mutation.equals(SEAT) ? "markSeated" : mutation.equals(COMPLETE) ? "completeReservation"
                : "markReservationNoShow";
    }

    static String code(GraphQlTester.Response response, String field) {
        return response.path(field + ".code").entity(String.class).get();
    }

    static String typename(GraphQlTester.Response response, String field) {
        return response.path(field + ".__typename").entity(String.class).get();
    }

    private String body(GraphQlTester.Response response, String field) {
        return json.writeValueAsString(response.path(field).entity(Object.class).get());
    }
}
