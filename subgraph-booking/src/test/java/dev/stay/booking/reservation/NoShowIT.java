package dev.stay.booking.reservation;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static dev.stay.booking.db.Tables.BOOKING;
import static dev.stay.booking.db.Tables.OUTBOX;
import static dev.stay.booking.reservation.BookingFixtures.paymentProvider;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import dev.stay.common.test.SignedIn;
import dev.stay.common.test.SubgraphTest;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.jooq.DSLContext;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.graphql.test.tester.GraphQlTester;
import org.springframework.graphql.test.tester.WebGraphQlTester;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code markNoShow}: the hotel's owner (or an admin) marks that the guest never came, from the day after check-in to
 * seven days after check-out in the hotel's time zone; the policy's no-show share is kept and the rest refunded once
 * (charged less refunded is the fee), the nights from today on are free again, and {@code booking.no-show} is
 * published. Anyone else, too early, too late, not confirmed or already marked: a typed answer and nothing changed.
 */
@SubgraphTest
class NoShowIT {

    static final String MARK = """
            mutation ($id: ID!, $key: ID!) {
              markNoShow(id: $id, idempotencyKey: $key) {
                __typename
                ... on NoShowMarked { fee { amount currency } refund { amount currency } refundPending
                                      booking { status payment { status charged { amount } refunded { amount } }
                                                cancellationPolicy { noShowPenaltyPercent } } }
                ... on BookingRejected { code field message }
              }
            }""";

    @Autowired WebGraphQlTester graphQl;
    @Autowired DSLContext db;
    @Autowired JsonMapper json;
    @Autowired Refunds refundsJob;

    /**
     * The payment stub's first answer in a JVM can come after the tests' 1 s read timeout (a refund left due, sent
     * again later): one call first, so that what the tests read is the flow's own answer.
     */
    @BeforeAll
    static void theProviderIsWarm() throws Exception {
        var http = java.net.http.HttpClient.newHttpClient();
        var warmUp = java.net.http.HttpRequest.newBuilder(java.net.URI.create(paymentProvider().baseUrl() + "/v1/refunds"))
                .header("Content-Type", "application/json").header("Idempotency-Key", "warm-up-" + UUID.randomUUID())
                .POST(java.net.http.HttpRequest.BodyPublishers.ofString("{\"chargeId\":\"ch_warm\",\"amount\":\"1.00\"}"))
                .build();
        assertThat(http.send(warmUp, java.net.http.HttpResponse.BodyHandlers.ofString()).statusCode()).isEqualTo(201);
    }

    @Test
    void theOwnerMarksANoShowTheDayAfterArrivalKeepsThePenaltyAndRefundsTheRestOnce() {
        var hotel = BookingFixtures.aHotelWithRoomsLeft(db, graphQl, 5);
        var stays = PastStays.at(db, hotel, "Europe/Lisbon");
        UUID guest = UUID.randomUUID();
        UUID booking = stays.aPaidStay(guest, stays.today().minusDays(1), stays.today().plusDays(2), 25);

        var marked = mark(hotel.owner(), "owner", booking, "no-show");

        marked.path("markNoShow.__typename").entity(String.class).isEqualTo("NoShowMarked")
                .path("markNoShow.fee.amount").entity(String.class).isEqualTo("75.00")
                .path("markNoShow.refund.amount").entity(String.class).isEqualTo("225.00")
                .path("markNoShow.refundPending").entity(Boolean.class).isEqualTo(false)
                .path("markNoShow.booking.status").entity(String.class).isEqualTo("NO_SHOW")
                .path("markNoShow.booking.payment.charged.amount").entity(String.class).isEqualTo("300.00")
                .path("markNoShow.booking.payment.refunded.amount").entity(String.class).isEqualTo("225.00")
                .path("markNoShow.booking.cancellationPolicy.noShowPenaltyPercent").entity(Integer.class).isEqualTo(25);
        var row = db.selectFrom(BOOKING).where(BOOKING.ID.eq(booking)).fetchSingle();
        assertThat(row.getCharged().subtract(row.getRefunded())).as("what the hotel keeps is the fee")
                .isEqualByComparingTo(row.getNoShowFee()).isEqualByComparingTo("75.00");
        assertThat(row.getRefundDue()).isNull();
        assertThat(refunds(booking)).singleElement()
                .satisfies(r -> assertThat(r.getBodyAsString()).contains("\"amount\":\"225.00\"")
                        .contains("ch_" + PaymentSettlement.chargeKey(booking)));
        assertThat(stays.taken(stays.today().minusDays(1))).as("the night the guest did not come").isEqualTo(1);
        assertThat(stays.taken(stays.today())).as("tonight is free again").isZero();
        assertThat(stays.taken(stays.today().plusDays(1))).isZero();
        JsonNode event = json.readTree(db.select(OUTBOX.PAYLOAD).from(OUTBOX).where(OUTBOX.TYPE.eq("booking.no-show"))
                .and(OUTBOX.KEY.eq(hotel.hotel().toString())).and(OUTBOX.TOPIC.eq("booking.booking"))
                .fetchSingle(OUTBOX.PAYLOAD).data());
        assertThat(event.propertyNames()).containsExactlyInAnyOrder("bookingId", "propertyId", "roomTypeId", "guestId",
                "checkIn", "checkOut", "fee", "occurredAt");
        assertThat(event.path("bookingId").asString()).isEqualTo(booking.toString());
        assertThat(event.path("guestId").asString()).isEqualTo(guest.toString());
        assertThat(event.path("checkIn").asString()).isEqualTo(stays.today().minusDays(1).toString());
        assertThat(event.path("fee").path("amount").decimalValue()).isEqualByComparingTo(new BigDecimal("75.00"));
        assertThat(event.path("fee").path("currency").asString()).isEqualTo("EUR");
    }

    @Test
    void aReplayAnswersTheSameAndRefundsNothingMoreAndAnotherKeyFindsItMarked() {
        var hotel = BookingFixtures.aHotelWithRoomsLeft(db, graphQl, 5);
        var stays = PastStays.at(db, hotel, "Europe/Lisbon");
        UUID booking = stays.aPaidStay(UUID.randomUUID(), stays.today().minusDays(2), stays.today(), 50);

        String first = body(mark(hotel.owner(), "owner", booking, "mark"));
        String replay = body(mark(hotel.owner(), "owner", booking, "mark"));

        assertThat(replay).isEqualTo(first).contains("NoShowMarked");
        assertThat(code(mark(hotel.owner(), "owner", booking, "mark-again"))).isEqualTo("ALREADY_NO_SHOW");
        assertThat(refunds(booking)).hasSize(1);
        assertThat(events(hotel, "booking.no-show")).isEqualTo(1);
    }

    @Test
    void onlyTheHotelsOwnerHoldingTheRoleOrAnAdminMayMarkIt() {
        var hotel = BookingFixtures.aHotelWithRoomsLeft(db, graphQl, 5);
        var stays = PastStays.at(db, hotel, "Europe/Lisbon");
        UUID guest = UUID.randomUUID();
        UUID booking = stays.aPaidStay(guest, stays.today().minusDays(1), stays.today().plusDays(1), 100);

        assertThat(code(mark(guest, "guest", booking, "k1"))).as("its guest").isEqualTo("FORBIDDEN");
        assertThat(code(mark(UUID.randomUUID(), "guest", booking, "k2"))).as("another guest").isEqualTo("NOT_FOUND");
        assertThat(code(mark(UUID.randomUUID(), "owner", booking, "k3"))).as("another owner").isEqualTo("NOT_FOUND");
        assertThat(code(mark(hotel.owner(), "guest", booking, "k4"))).as("its owner without the owner role")
                .isEqualTo("NOT_FOUND");
        SignedIn.asPartner(UUID.randomUUID(), "acme-travel");
        try {
            assertThat(code(graphQl.document(MARK).variable("id", booking.toString()).variable("key", "k5").execute()))
                    .as("a partner").isEqualTo("NOT_FOUND");
        } finally {
            SignedIn.nobody();
        }
        assertThat(code(graphQl.document(MARK).variable("id", booking.toString()).variable("key", "k6").execute()))
                .as("nobody signed in").isEqualTo("UNAUTHENTICATED");
        assertThat(status(booking)).isEqualTo("CONFIRMED");
        assertThat(refunds(booking)).isEmpty();
        assertThat(stays.taken(stays.today())).isEqualTo(1);

        mark(UUID.randomUUID(), "admin", booking, "k7").path("markNoShow.__typename").entity(String.class)
                .isEqualTo("NoShowMarked");
        assertThat(status(booking)).isEqualTo("NO_SHOW");
    }

    @Test
    void theWindowRunsFromTheDayAfterCheckInToSevenDaysAfterCheckOutInTheHotelsTimeZone() {
        var hotel = BookingFixtures.aHotelWithRoomsLeft(db, graphQl, 5);
        var stays = PastStays.at(db, hotel, "Europe/Lisbon");
        UUID arrivingToday = stays.aPaidStay(UUID.randomUUID(), stays.today(), stays.today().plusDays(1), 100);
        UUID leftEightDaysAgo = stays.aPaidStay(UUID.randomUUID(), stays.today().minusDays(10),
                stays.today().minusDays(8), 100);
        UUID leftSevenDaysAgo = stays.aPaidStay(UUID.randomUUID(), stays.today().minusDays(9),
                stays.today().minusDays(7), 100);

        assertThat(code(mark(hotel.owner(), "owner", arrivingToday, "a"))).isEqualTo("NO_SHOW_TOO_EARLY");
        assertThat(code(mark(hotel.owner(), "owner", leftEightDaysAgo, "b"))).isEqualTo("NO_SHOW_TOO_LATE");
        assertThat(typename(mark(hotel.owner(), "owner", leftSevenDaysAgo, "c"))).isEqualTo("NoShowMarked");
        assertThat(status(arrivingToday)).isEqualTo("CONFIRMED");
        assertThat(status(leftEightDaysAgo)).isEqualTo("CONFIRMED");
    }

    /**
     * Pago Pago (UTC-11) and Kiritimati (UTC+14) are always on different dates: a stay arriving on Pago Pago's today
     * began yesterday or before in Kiritimati. Whatever single calendar the rule read instead, one would be wrong.
     */
    @Test
    void theDayAfterArrivalIsTheHotelsOwn() {
        var westHotel = BookingFixtures.aHotelWithRoomsLeft(db, graphQl, 5);
        var eastHotel = BookingFixtures.aHotelWithRoomsLeft(db, graphQl, 5);
        var west = PastStays.at(db, westHotel, "Pacific/Pago_Pago");
        var east = PastStays.at(db, eastHotel, "Pacific/Kiritimati");
        UUID inWest = west.aPaidStay(UUID.randomUUID(), west.today(), west.today().plusDays(3), 100);
        UUID inEast = east.aPaidStay(UUID.randomUUID(), west.today(), west.today().plusDays(3), 100);

        assertThat(code(mark(westHotel.owner(), "owner", inWest, "w"))).isEqualTo("NO_SHOW_TOO_EARLY");
        assertThat(typename(mark(eastHotel.owner(), "owner", inEast, "e"))).isEqualTo("NoShowMarked");
    }

    @Test
    void aStayThatIsNotConfirmedIsRefusedAndAJustCompletedOneMayStillBeMarked() {
        var hotel = BookingFixtures.aHotelWithRoomsLeft(db, graphQl, 5);
        var stays = PastStays.at(db, hotel, "Europe/Lisbon");
        UUID cancelled = stays.aPaidStay(UUID.randomUUID(), stays.today().minusDays(3), stays.today().minusDays(1), 100);
        db.update(BOOKING).set(BOOKING.STATUS, "CANCELLED").where(BOOKING.ID.eq(cancelled)).execute();
        UUID completed = stays.aPaidStay(UUID.randomUUID(), stays.today().minusDays(3), stays.today().minusDays(1), 100);
        db.update(BOOKING).set(BOOKING.STATUS, "COMPLETED").set(BOOKING.COMPLETED_AT, java.time.OffsetDateTime.now())
                .where(BOOKING.ID.eq(completed)).execute();

        assertThat(code(mark(hotel.owner(), "owner", cancelled, "c"))).isEqualTo("NOT_CONFIRMED");
        mark(hotel.owner(), "owner", completed, "d")
                .path("markNoShow.__typename").entity(String.class).isEqualTo("NoShowMarked")
                .path("markNoShow.fee.amount").entity(String.class).isEqualTo("200.00")
                .path("markNoShow.refundPending").entity(Boolean.class).isEqualTo(false);
        assertThat(status(cancelled)).isEqualTo("CANCELLED");
        assertThat(status(completed)).isEqualTo("NO_SHOW");
        assertThat(refunds(completed)).as("a 100 % fee leaves nothing to refund").isEmpty();
        assertThat(stays.taken(stays.today().minusDays(2))).as("past nights stay taken").isEqualTo(2);
    }

    @Test
    void aNonRefundableStayKeepsEverything() {
        var hotel = BookingFixtures.aHotelWithRoomsLeft(db, graphQl, 5);
        var stays = PastStays.at(db, hotel, "Europe/Lisbon");
        UUID booking = stays.aPaidStay(UUID.randomUUID(), stays.today().minusDays(1), stays.today().plusDays(1),
                false, 0);

        mark(hotel.owner(), "owner", booking, "k")
                .path("markNoShow.fee.amount").entity(String.class).isEqualTo("200.00")
                .path("markNoShow.refund.amount").entity(String.class).isEqualTo("0.00")
                .path("markNoShow.booking.cancellationPolicy.noShowPenaltyPercent").entity(Integer.class).isEqualTo(100);
        assertThat(refunds(booking)).isEmpty();
    }

    @Test
    void aRefundStillDueIsSettledFirst() {
        var hotel = BookingFixtures.aHotelWithRoomsLeft(db, graphQl, 5);
        var stays = PastStays.at(db, hotel, "Europe/Lisbon");
        UUID booking = stays.aPaidStay(UUID.randomUUID(), stays.today().minusDays(1), stays.today().plusDays(1), 50);
        db.update(BOOKING).set(BOOKING.REFUND_DUE, new BigDecimal("10.00"))
                .set(BOOKING.REFUND_KEY, "booking-" + booking + "-change-1-refund").where(BOOKING.ID.eq(booking)).execute();

        assertThat(code(mark(hotel.owner(), "owner", booking, "k"))).isEqualTo("PAYMENT_NOT_SETTLED");
        assertThat(status(booking)).isEqualTo("CONFIRMED");
    }

    @Test
    void eightOwnersTabsMarkingAtOnceMarkItOnceAndRefundOnce() throws Exception {
        var hotel = BookingFixtures.aHotelWithRoomsLeft(db, graphQl, 5);
        var stays = PastStays.at(db, hotel, "Europe/Lisbon");
        UUID booking = stays.aPaidStay(UUID.randomUUID(), stays.today().minusDays(1), stays.today().plusDays(1), 50);
        var start = new CountDownLatch(1);
        List<String> answers = new ArrayList<>();
        try (var pool = Executors.newFixedThreadPool(8)) {
            List<Future<String>> futures = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                String key = "tab-" + i;
                futures.add(pool.submit(() -> {
                    start.await();
                    var response = mark(hotel.owner(), "owner", booking, key);
                    String typename = typename(response);
                    return typename.equals("BookingRejected") ? code(response) : typename;
                }));
            }
            start.countDown();
            for (var future : futures) {
                answers.add(future.get());
            }
        }

        assertThat(answers).filteredOn("NoShowMarked"::equals).hasSize(1);
        assertThat(answers).filteredOn("ALREADY_NO_SHOW"::equals).hasSize(7);
        refundsJob.retry(); // in case the provider was slow to take it: sent again with its key, taken once
        assertThat(db.select(BOOKING.REFUNDED).from(BOOKING).where(BOOKING.ID.eq(booking)).fetchOne(BOOKING.REFUNDED))
                .isEqualByComparingTo("100.00");
        assertThat(refunds(booking)).isNotEmpty()
                .allSatisfy(r -> assertThat(r.getBodyAsString()).contains("\"amount\":\"100.00\""));
        assertThat(events(hotel, "booking.no-show")).isEqualTo(1);
    }

    @Test
    void badIdsAndKeysAreTypedAnswersAndChangeNothing() {
        var hotel = BookingFixtures.aHotelWithRoomsLeft(db, graphQl, 5);
        var stays = PastStays.at(db, hotel, "Europe/Lisbon");
        UUID booking = stays.aPaidStay(UUID.randomUUID(), stays.today().minusDays(1), stays.today().plusDays(1), 50);

        assertThat(code(markRaw(hotel.owner(), "not-an-id", "k"))).isEqualTo("NOT_FOUND");
        assertThat(code(markRaw(hotel.owner(), UUID.randomUUID().toString(), "k2"))).isEqualTo("NOT_FOUND");
        assertThat(code(markRaw(hotel.owner(), booking.toString(), "x".repeat(129)))).isEqualTo("INVALID_IDEMPOTENCY_KEY");
        assertThat(code(markRaw(hotel.owner(), booking.toString(), ""))).isEqualTo("INVALID_IDEMPOTENCY_KEY");
        assertThat(code(markRaw(hotel.owner(), "'; DROP TABLE booking; --", "k3"))).isEqualTo("NOT_FOUND");
        assertThat(status(booking)).isEqualTo("CONFIRMED");
    }

    private GraphQlTester.Response mark(UUID viewer, String role, UUID booking, String key) {
        SignedIn.as(viewer, role);
        try {
            return graphQl.document(MARK).variable("id", booking.toString()).variable("key", key).execute();
        } finally {
            SignedIn.nobody();
        }
    }

    private GraphQlTester.Response markRaw(UUID owner, String id, String key) {
        SignedIn.as(owner, "owner");
        try {
            return graphQl.document(MARK).variable("id", id).variable("key", key).execute();
        } finally {
            SignedIn.nobody();
        }
    }

    private static String typename(GraphQlTester.Response response) {
        return response.path("markNoShow.__typename").entity(String.class).get();
    }

    private static String code(GraphQlTester.Response response) {
        return response.path("markNoShow.code").entity(String.class).get();
    }

    private static String body(GraphQlTester.Response response) {
        return response.path("markNoShow").entity(Map.class).get().toString();
    }

    private String status(UUID booking) {
        return db.select(BOOKING.STATUS).from(BOOKING).where(BOOKING.ID.eq(booking)).fetchOne(BOOKING.STATUS);
    }

    private int events(BookingFixtures hotel, String type) {
        return db.fetchCount(OUTBOX, OUTBOX.KEY.eq(hotel.hotel().toString()).and(OUTBOX.TYPE.eq(type)));
    }

    private static List<LoggedRequest> refunds(UUID booking) {
        return paymentProvider().findAll(postRequestedFor(urlEqualTo("/v1/refunds"))
                .withHeader("Idempotency-Key", equalTo(NoShowMarking.refundKey(booking))));
    }
}
