package dev.stay.booking.reservation;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static dev.stay.booking.db.Tables.BOOKING;
import static dev.stay.booking.db.Tables.BOOKING_CHANGE;
import static dev.stay.booking.db.Tables.INVENTORY_NIGHT;
import static dev.stay.booking.db.Tables.OUTBOX;
import static dev.stay.booking.reservation.BookingFixtures.paymentProvider;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.stay.booking.payment.PaymentProvider;
import dev.stay.common.security.Viewer;
import dev.stay.common.test.SignedIn;
import dev.stay.common.test.SubgraphTest;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.jooq.DSLContext;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.graphql.test.tester.GraphQlTester;
import org.springframework.graphql.test.tester.WebGraphQlTester;

@SubgraphTest
class ChangeBookingDatesIT {

    static final String CHANGE = """
            mutation ($id: ID!, $in: Date!, $out: Date!, $key: ID!, $token: String) {
              changeBookingDates(id: $id, checkIn: $in, checkOut: $out, idempotencyKey: $key, paymentToken: $token) {
                __typename
                ... on BookingDatesChanged { charged { amount } refunded { amount }
                                             booking { checkIn checkOut totalPrice { amount } payment { charged { amount } refunded { amount } } } }
                ... on SoldOut { available }
                ... on PaymentDeclined { booking { checkIn checkOut } }
                ... on BookingChangePending { checkIn checkOut charge { amount } booking { checkIn checkOut } }
                ... on BookingRejected { code field message }
              }
            }""";

    @Autowired WebGraphQlTester graphQl;
    @Autowired DSLContext db;
    @Autowired PaymentReconciliation reconciliation;
    @Autowired MovingStay moving;
    @Autowired ChangeSettlement settlement;

    @Test
    void movingToDearerFreeNightsMovesTheRoomAndChargesTheDifference() {
        var hotel = BookingFixtures.aHotelWithRoomsLeft(db, graphQl, 1);
        UUID guest = UUID.randomUUID();
        UUID booking = hotel.aConfirmedBooking(guest, reconciliation);
        LocalDate in = hotel.checkIn().plusDays(10);
        priced(hotel, in, in.plusDays(2), "120.00");

        change(guest, booking, in, in.plusDays(2), "tok_ok")
                .path("changeBookingDates.__typename").entity(String.class).isEqualTo("BookingDatesChanged")
                .path("changeBookingDates.charged.amount").entity(String.class).isEqualTo("40.00")
                .path("changeBookingDates.booking.checkIn").entity(String.class).isEqualTo(in.toString())
                .path("changeBookingDates.booking.totalPrice.amount").entity(String.class).isEqualTo("240.00")
                .path("changeBookingDates.booking.payment.charged.amount").entity(String.class).isEqualTo("240.00");

        hotel.assertRoomsTaken(0);
        assertThat(taken(hotel, in, in.plusDays(2))).containsOnly(1);
        assertThat(paymentProvider().findAll(postRequestedFor(urlEqualTo("/v1/charges"))
                .withHeader("Idempotency-Key", equalTo(MovingStay.chargeKey(booking, 1)))
                .withRequestBody(matchingJsonPath("$.amount", equalTo("40.00"))))).hasSize(1);
        assertThat(events(hotel)).endsWith("booking.changed");
    }

    @Test
    void movingToCheaperNightsRefundsTheDifference() {
        var hotel = BookingFixtures.aHotelWithRoomsLeft(db, graphQl, 1);
        UUID guest = UUID.randomUUID();
        UUID booking = hotel.aConfirmedBooking(guest, reconciliation);
        LocalDate in = hotel.checkIn().plusDays(10);
        priced(hotel, in, in.plusDays(2), "80.00");

        change(guest, booking, in, in.plusDays(2), null)
                .path("changeBookingDates.refunded.amount").entity(String.class).isEqualTo("40.00")
                .path("changeBookingDates.booking.payment.refunded.amount").entity(String.class).isEqualTo("40.00");

        hotel.assertRoomsTaken(0);
        assertThat(taken(hotel, in, in.plusDays(2))).containsOnly(1);
        assertThat(paymentProvider().findAll(postRequestedFor(urlEqualTo("/v1/refunds"))
                .withHeader("Idempotency-Key", equalTo(MovingStay.refundKey(booking, 1)))
                .withRequestBody(matchingJsonPath("$.amount", equalTo("40.00"))))).hasSize(1);
    }

    @Test
    void shiftingByOneNightOntoTheLastRoomItHoldsItselfSucceeds() {
        var hotel = BookingFixtures.aHotelWithRoomsLeft(db, graphQl, 1);
        UUID guest = UUID.randomUUID();
        UUID booking = hotel.aConfirmedBooking(guest, reconciliation);

        change(guest, booking, hotel.checkIn().plusDays(1), hotel.checkOut().plusDays(1), null)
                .path("changeBookingDates.__typename").entity(String.class).isEqualTo("BookingDatesChanged");

        assertThat(taken(hotel, hotel.checkIn(), hotel.checkOut().plusDays(1))).containsExactly(0, 1, 1);
    }

    @Test
    void soldOutNightsAreAnsweredSoldOutAndNothingChanges() {
        var hotel = BookingFixtures.aHotelWithRoomsLeft(db, graphQl, 1);
        UUID guest = UUID.randomUUID();
        UUID booking = hotel.aConfirmedBooking(guest, reconciliation);
        LocalDate in = hotel.checkIn().plusDays(10);
        var other = hotel.input("tok_ok");
        other.put("checkIn", in.toString());
        other.put("checkOut", in.plusDays(2).toString());
        assertThat(BookingFixtures.answer(hotel.book(UUID.randomUUID(), "other", other))).isNotEqualTo("SoldOut");
        int chargesBefore = paymentProvider().findAll(postRequestedFor(urlEqualTo("/v1/charges"))).size();

        change(guest, booking, in, in.plusDays(2), "tok_ok")
                .path("changeBookingDates.__typename").entity(String.class).isEqualTo("SoldOut")
                .path("changeBookingDates.available").entity(Integer.class).isEqualTo(0);

        hotel.assertRoomsTaken(1);
        assertThat(taken(hotel, in, in.plusDays(2))).containsOnly(1);
        assertThat(db.select(BOOKING.CHECK_IN).from(BOOKING).where(BOOKING.ID.eq(booking)).fetchOne(BOOKING.CHECK_IN))
                .isEqualTo(hotel.checkIn());
        assertThat(paymentProvider().findAll(postRequestedFor(urlEqualTo("/v1/charges")))).hasSize(chargesBefore);
        assertThat(events(hotel)).doesNotContain("booking.changed");
    }

    @Test
    void aDeclinedExtraChargeMovesTheBookingBackToItsDates() {
        var hotel = BookingFixtures.aHotelWithRoomsLeft(db, graphQl, 1);
        UUID guest = UUID.randomUUID();
        UUID booking = hotel.aConfirmedBooking(guest, reconciliation);
        LocalDate in = hotel.checkIn().plusDays(10);
        priced(hotel, in, in.plusDays(2), "120.00");

        change(guest, booking, in, in.plusDays(2), "tok_decline")
                .path("changeBookingDates.__typename").entity(String.class).isEqualTo("PaymentDeclined")
                .path("changeBookingDates.booking.checkIn").entity(String.class).isEqualTo(hotel.checkIn().toString());

        hotel.assertRoomsTaken(1);
        assertThat(taken(hotel, in, in.plusDays(2))).containsOnly(0);
        assertThat(db.select(BOOKING.TOTAL).from(BOOKING).where(BOOKING.ID.eq(booking)).fetchOne(BOOKING.TOTAL))
                .isEqualByComparingTo(new BigDecimal("200.00"));
    }

    @Test
    void aDeclinedExtraChargeKeepsTheOldNightsThatAnotherGuestWantedWhileItWasCharged() throws Exception {
        var hotel = BookingFixtures.aHotelWithRoomsLeft(db, graphQl, 1);
        UUID guest = UUID.randomUUID();
        UUID booking = hotel.aConfirmedBooking(guest, reconciliation);
        LocalDate in = hotel.checkIn().plusDays(10);
        priced(hotel, in, in.plusDays(2), "120.00");
        var slowDecline = paymentProvider().stubFor(post(urlEqualTo("/v1/charges"))
                .withHeader("Idempotency-Key", equalTo(MovingStay.chargeKey(booking, 1))).atPriority(1)
                .willReturn(aResponse().withStatus(201).withFixedDelay(700).withHeader("Content-Type",
                        "application/json").withBody("{\"id\":\"ch_slow\",\"status\":\"declined\"}")));
        var pool = Executors.newSingleThreadExecutor();
        try {
            Future<GraphQlTester.Response> changing = pool.submit(() -> change(guest, booking, in, in.plusDays(2),
                    "tok_slow_decline"));
            await().atMost(Duration.ofSeconds(5)).pollInterval(Duration.ofMillis(10))
                    .until(() -> db.fetchExists(BOOKING_CHANGE, BOOKING_CHANGE.BOOKING_ID.eq(booking)));

            var other = hotel.book(UUID.randomUUID(), "other", hotel.input("tok_ok"));

            assertThat(BookingFixtures.answer(other)).as("the old nights are still the booking's while it is charged")
                    .isEqualTo("SoldOut");
            changing.get(10, TimeUnit.SECONDS)
                    .path("changeBookingDates.__typename").entity(String.class).isEqualTo("PaymentDeclined")
                    .path("changeBookingDates.booking.checkIn").entity(String.class)
                    .isEqualTo(hotel.checkIn().toString());
        } finally {
            pool.shutdownNow();
            paymentProvider().removeStub(slowDecline);
        }
        hotel.assertRoomsTaken(1);
        assertThat(taken(hotel, in, in.plusDays(2))).containsOnly(0);
        assertThat(hotel.status(booking)).isEqualTo("CONFIRMED");
        assertThat(db.select(BOOKING.TOTAL, BOOKING.CHARGED).from(BOOKING).where(BOOKING.ID.eq(booking)).fetchOne())
                .satisfies(r -> {
                    assertThat(r.value1()).isEqualByComparingTo("200.00");
                    assertThat(r.value2()).isEqualByComparingTo("200.00");
                });
        assertThat(events(hotel)).doesNotContain("booking.changed");
    }

    @Test
    void anExtraChargeThatTimesOutIsPendingWithBothStaysHeldUntilTheReconciliationFindsItPaid() {
        var hotel = BookingFixtures.aHotelWithRoomsLeft(db, graphQl, 1);
        UUID guest = UUID.randomUUID();
        UUID booking = hotel.aConfirmedBooking(guest, reconciliation);
        LocalDate in = hotel.checkIn().plusDays(10);
        priced(hotel, in, in.plusDays(2), "120.00");

        change(guest, booking, in, in.plusDays(2), "tok_timeout")
                .path("changeBookingDates.__typename").entity(String.class).isEqualTo("BookingChangePending")
                .path("changeBookingDates.checkIn").entity(String.class).isEqualTo(in.toString())
                .path("changeBookingDates.charge.amount").entity(String.class).isEqualTo("40.00")
                .path("changeBookingDates.booking.checkIn").entity(String.class).isEqualTo(hotel.checkIn().toString());
        hotel.assertRoomsTaken(1);
        assertThat(taken(hotel, in, in.plusDays(2))).as("the new nights are held too").containsOnly(1);
        assertThat(cancel(guest, booking)).as("not while the change is paid").isEqualTo("NOT_CANCELLABLE");
        assertThat(changeWithKey(guest, booking, in.plusDays(3), in.plusDays(5), "again"))
                .isEqualTo("NOT_CHANGEABLE");

        providerHolds(MovingStay.chargeKey(booking, 1), "succeeded");
        reconciliation.reconcile();

        assertThat(db.select(BOOKING.CHECK_IN).from(BOOKING).where(BOOKING.ID.eq(booking)).fetchOne(BOOKING.CHECK_IN))
                .isEqualTo(in);
        assertThat(db.select(BOOKING.CHARGED).from(BOOKING).where(BOOKING.ID.eq(booking)).fetchOne(BOOKING.CHARGED))
                .isEqualByComparingTo("240.00");
        hotel.assertRoomsTaken(0);
        assertThat(taken(hotel, in, in.plusDays(2))).containsOnly(1);
        assertThat(events(hotel)).endsWith("booking.changed");
        reconciliation.reconcile();
        assertThat(events(hotel)).as("settled once").filteredOn("booking.changed"::equals).hasSize(1);
        assertThat(db.select(BOOKING.CHARGED).from(BOOKING).where(BOOKING.ID.eq(booking)).fetchOne(BOOKING.CHARGED))
                .isEqualByComparingTo("240.00");
    }

    @ParameterizedTest
    @ValueSource(strings = {"tok_5xx", "tok_reset"})
    void anExtraChargeTheProviderNeverMadeIsReconciledBackToTheOldDatesWithNothingCharged(String token) {
        var hotel = BookingFixtures.aHotelWithRoomsLeft(db, graphQl, 1);
        UUID guest = UUID.randomUUID();
        UUID booking = hotel.aConfirmedBooking(guest, reconciliation);
        LocalDate in = hotel.checkIn().plusDays(10);
        priced(hotel, in, in.plusDays(2), "120.00");

        change(guest, booking, in, in.plusDays(2), token)
                .path("changeBookingDates.__typename").entity(String.class).isEqualTo("BookingChangePending");
        assertThat(paymentProvider().findAll(postRequestedFor(urlEqualTo("/v1/charges"))
                .withHeader("Idempotency-Key", equalTo(MovingStay.chargeKey(booking, 1))))).as("sent again, same key")
                .hasSize(2);
        assertThat(taken(hotel, in, in.plusDays(2))).containsOnly(1);

        reconciliation.reconcile(); // the provider's lookup answers 404

        assertThat(db.select(BOOKING.CHECK_IN).from(BOOKING).where(BOOKING.ID.eq(booking)).fetchOne(BOOKING.CHECK_IN))
                .isEqualTo(hotel.checkIn());
        assertThat(db.select(BOOKING.CHARGED).from(BOOKING).where(BOOKING.ID.eq(booking)).fetchOne(BOOKING.CHARGED))
                .isEqualByComparingTo("200.00");
        hotel.assertRoomsTaken(1);
        assertThat(taken(hotel, in, in.plusDays(2))).as("the new nights are free again").containsOnly(0);
        assertThat(events(hotel)).doesNotContain("booking.changed");
        assertThat(changeWithKey(guest, booking, in, in.plusDays(2), "once-more-with-a-card")).as("it may change again")
                .isEqualTo("BookingDatesChanged");
    }

    @Test
    void aChangeWhoseRequestDiedBeforeTheProviderAnsweredIsSettledOnceItHasBeenPendingTheHoldTime() {
        var hotel = BookingFixtures.aHotelWithRoomsLeft(db, graphQl, 1);
        UUID guest = UUID.randomUUID();
        UUID booking = hotel.aConfirmedBooking(guest, reconciliation);
        LocalDate in = hotel.checkIn().plusDays(10);
        priced(hotel, in, in.plusDays(2), "120.00");
        assertThat(moving.move(new Viewer(guest, Set.of("guest"), null, null), booking, in, in.plusDays(2), "died",
                true)).as("the rooms are taken, then the request dies before charging")
                .isInstanceOf(MovingStay.ChargeDue.class);

        reconciliation.reconcile();
        assertThat(changeStatus(booking)).as("a pending change is left to its request for the hold time")
                .isEqualTo("PENDING");
        assertThat(taken(hotel, in, in.plusDays(2))).containsOnly(1);
        db.update(BOOKING_CHANGE).set(BOOKING_CHANGE.UPDATED_AT, OffsetDateTime.now().minusHours(1))
                .where(BOOKING_CHANGE.BOOKING_ID.eq(booking)).execute();
        reconciliation.reconcile();

        assertThat(taken(hotel, in, in.plusDays(2))).containsOnly(0);
        hotel.assertRoomsTaken(1);
        assertThat(changeStatus(booking)).isEqualTo("NOT_CHARGED");

        // its charge goes through after all: the money is given back under the change's refund key
        assertThat(settlement.apply(booking, 1, new PaymentProvider.Charge(PaymentProvider.Status.SUCCEEDED,
                "ch_late_change"))).isEqualTo(ChangeSettlement.Settled.NOT_PAID);
        assertThat(paymentProvider().findAll(postRequestedFor(urlEqualTo("/v1/refunds"))
                .withHeader("Idempotency-Key", equalTo(MovingStay.refundKey(booking, 1)))
                .withRequestBody(matchingJsonPath("$.amount", equalTo("40.00"))))).hasSize(1);
        assertThat(db.select(BOOKING.CHARGED, BOOKING.REFUNDED, BOOKING.REFUND_DUE).from(BOOKING)
                .where(BOOKING.ID.eq(booking)).fetchOne()).satisfies(r -> {
                    assertThat(r.value1()).isEqualByComparingTo("240.00");
                    assertThat(r.value2()).isEqualByComparingTo("40.00");
                    assertThat(r.value3()).isNull();
                });
        assertThat(db.select(BOOKING.CHECK_IN).from(BOOKING).where(BOOKING.ID.eq(booking)).fetchOne(BOOKING.CHECK_IN))
                .isEqualTo(hotel.checkIn());
    }

    @Test
    void aReplayOfTheSameKeyAnswersTheSameAndChargesOnce() {
        var hotel = BookingFixtures.aHotelWithRoomsLeft(db, graphQl, 2);
        UUID guest = UUID.randomUUID();
        UUID booking = hotel.aConfirmedBooking(guest, reconciliation);
        LocalDate in = hotel.checkIn().plusDays(10);
        priced(hotel, in, in.plusDays(2), "120.00");

        for (int i = 0; i < 3; i++) {
            change(guest, booking, in, in.plusDays(2), "tok_ok")
                    .path("changeBookingDates.__typename").entity(String.class).isEqualTo("BookingDatesChanged")
                    .path("changeBookingDates.charged.amount").entity(String.class).isEqualTo("40.00");
        }
        change(guest, booking, in.plusDays(1), in.plusDays(3), "tok_ok")
                .path("changeBookingDates.code").entity(String.class).isEqualTo("IDEMPOTENCY_KEY_REUSED");

        assertThat(paymentProvider().findAll(postRequestedFor(urlEqualTo("/v1/charges"))
                .withHeader("Idempotency-Key", equalTo(MovingStay.chargeKey(booking, 1))))).hasSize(1);
        assertThat(taken(hotel, in, in.plusDays(2))).containsOnly(1);
        assertThat(events(hotel)).filteredOn("booking.changed"::equals).hasSize(1);
    }

    @Test
    void anotherGuestCannotChangeIt() {
        var hotel = BookingFixtures.aHotelWithRoomsLeft(db, graphQl, 1);
        UUID booking = hotel.aConfirmedBooking(UUID.randomUUID(), reconciliation);

        change(UUID.randomUUID(), booking, hotel.checkIn().plusDays(5), hotel.checkOut().plusDays(5), "tok_ok")
                .path("changeBookingDates.code").entity(String.class).isEqualTo("NOT_FOUND");

        hotel.assertRoomsTaken(1);
    }

    /** The answer's type, or the rejection's code. */
    String changeWithKey(UUID guest, UUID booking, LocalDate in, LocalDate out, String key) {
        SignedIn.as(guest, "guest");
        try {
            var r = graphQl.document(CHANGE).variable("id", booking.toString()).variable("in", in.toString())
                    .variable("out", out.toString()).variable("key", key).variable("token", "tok_ok").execute();
            String type = r.path("changeBookingDates.__typename").entity(String.class).get();
            return type.equals("BookingRejected") ? r.path("changeBookingDates.code").entity(String.class).get() : type;
        } finally {
            SignedIn.nobody();
        }
    }

    String cancel(UUID guest, UUID booking) {
        SignedIn.as(guest, "guest");
        try {
            var r = graphQl.document(CancelBookingIT.CANCEL).variable("id", booking.toString())
                    .variable("key", "cancel").execute();
            String type = r.path("cancelBooking.__typename").entity(String.class).get();
            return type.equals("BookingRejected") ? r.path("cancelBooking.code").entity(String.class).get() : type;
        } finally {
            SignedIn.nobody();
        }
    }

    String changeStatus(UUID booking) {
        return db.select(BOOKING_CHANGE.STATUS).from(BOOKING_CHANGE).where(BOOKING_CHANGE.BOOKING_ID.eq(booking))
                .fetchOne(BOOKING_CHANGE.STATUS);
    }

    static void providerHolds(String key, String status) {
        paymentProvider().stubFor(get(urlPathEqualTo("/v1/charges")).withQueryParam("idempotencyKey", equalTo(key))
                .atPriority(1).willReturn(okJson("{\"id\":\"ch_" + key + "\",\"status\":\"" + status + "\"}")));
    }

    GraphQlTester.Response change(UUID guest, UUID booking, LocalDate in, LocalDate out, String token) {
        SignedIn.as(guest, "guest");
        try {
            return graphQl.document(CHANGE).variable("id", booking.toString()).variable("in", in.toString())
                    .variable("out", out.toString()).variable("key", "change").variable("token", token).execute();
        } finally {
            SignedIn.nobody();
        }
    }

    void priced(BookingFixtures hotel, LocalDate from, LocalDate to, String price) {
        from.datesUntil(to).forEach(night -> db.insertInto(INVENTORY_NIGHT).set(INVENTORY_NIGHT.UNIT_TYPE_ID,
                hotel.roomType()).set(INVENTORY_NIGHT.NIGHT, night).set(INVENTORY_NIGHT.PRICE, new BigDecimal(price))
                .execute());
    }

    List<Integer> taken(BookingFixtures hotel, LocalDate from, LocalDate to) {
        return from.datesUntil(to).map(night -> db.select(INVENTORY_NIGHT.TAKEN_UNITS).from(INVENTORY_NIGHT)
                .where(INVENTORY_NIGHT.UNIT_TYPE_ID.eq(hotel.roomType())).and(INVENTORY_NIGHT.NIGHT.eq(night))
                .fetchOptional(INVENTORY_NIGHT.TAKEN_UNITS).orElse(0)).toList();
    }

    List<String> events(BookingFixtures hotel) {
        return db.select(OUTBOX.TYPE).from(OUTBOX).where(OUTBOX.KEY.eq(hotel.hotel().toString()))
                .and(OUTBOX.TOPIC.eq("booking.booking")).orderBy(OUTBOX.SEQ).fetch(OUTBOX.TYPE);
    }
}
