package dev.stay.booking.reservation;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static dev.stay.booking.db.Tables.BOOKING;
import static dev.stay.booking.db.Tables.INVENTORY_NIGHT;
import static dev.stay.booking.db.Tables.OUTBOX;
import static dev.stay.booking.reservation.BookingFixtures.paymentProvider;
import static org.assertj.core.api.Assertions.assertThat;

import dev.stay.common.test.SignedIn;
import dev.stay.common.test.SubgraphTest;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.jooq.DSLContext;
import org.junit.jupiter.api.Test;
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
                ... on BookingRejected { code field message }
              }
            }""";

    @Autowired WebGraphQlTester graphQl;
    @Autowired DSLContext db;
    @Autowired PaymentReconciliation reconciliation;

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
