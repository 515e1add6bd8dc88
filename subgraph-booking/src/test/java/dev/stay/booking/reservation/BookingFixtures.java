package dev.stay.booking.reservation;

import static dev.stay.booking.db.Tables.BOOKING;
import static dev.stay.booking.db.Tables.INVENTORY_NIGHT;
import static org.assertj.core.api.Assertions.assertThat;

import dev.stay.booking.db.tables.records.PropertyRecord;
import dev.stay.booking.db.tables.records.UnitTypeRecord;
import dev.stay.common.test.SignedIn;
import dev.stay.devstack.engines.Engines;
import com.github.tomakehurst.wiremock.WireMockServer;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jooq.DSLContext;
import org.springframework.graphql.test.tester.GraphQlTester;
import org.springframework.graphql.test.tester.WebGraphQlTester;

/** A published hotel in Lisbon with one room type on sale, and a guest who books it through the GraphQL handler. */
record BookingFixtures(DSLContext db, WebGraphQlTester graphQl, UUID owner, UUID hotel, UUID roomType,
                       LocalDate checkIn, LocalDate checkOut) {

    static final String CREATE = """
            mutation ($input: CreateBookingInput!, $key: ID!) {
              createBooking(input: $input, idempotencyKey: $key) {
                __typename
                ... on BookingConfirmed { booking { ...booking } }
                ... on BookingPending { booking { ...booking } message }
                ... on PaymentDeclined { booking { ...booking } message }
                ... on PriceChanged { quotedTotal { amount currency } totalPrice { amount currency } }
                ... on SoldOut { available }
                ... on BookingRejected { code field message }
              }
            }
            fragment booking on Booking {
              id reference status checkIn checkOut guests rooms holdExpiresAt createdAt
              hotel { id } roomType { id } guest { id }
              nightlyPrices { date price { amount currency } } totalPrice { amount currency }
              payment { status charged { amount currency } refunded { amount } }
            }""";

    /** Two nights a month ahead at 100.00 EUR a night, with {@code rooms} rooms of the room type on sale. */
    static BookingFixtures aHotelWithRoomsLeft(DSLContext db, WebGraphQlTester graphQl, int rooms) {
        var f = new BookingFixtures(db, graphQl, UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID(),
                LocalDate.now().plusDays(30), LocalDate.now().plusDays(32));
        db.batchInsert(
                new PropertyRecord().setId(f.hotel).setOwnerId(f.owner).setTimeZone("Europe/Lisbon").setCurrency("EUR")
                        .setStatus("PUBLISHED"),
                new UnitTypeRecord().setId(f.roomType).setPropertyId(f.hotel).setMaxGuests(2).setDefaultUnits(rooms)
                        .setBasePrice(new BigDecimal("100.00")))
                .execute();
        return f;
    }

    static WireMockServer paymentProvider() {
        return Engines.shared().payment().server();
    }

    /** The input for one room for two guests, quoting the live total, paid with {@code token}. */
    Map<String, Object> input(String token) {
        Map<String, Object> input = new HashMap<>();
        input.put("hotelId", hotel.toString());
        input.put("roomTypeId", roomType.toString());
        input.put("checkIn", checkIn.toString());
        input.put("checkOut", checkOut.toString());
        input.put("guests", 2);
        input.put("rooms", 1);
        input.put("quotedTotal", Map.of("amount", "200.00", "currency", "EUR"));
        input.put("paymentToken", token);
        return input;
    }

    GraphQlTester.Response book(UUID guest, String key, Map<String, Object> input) {
        SignedIn.as(guest, "guest");
        try {
            return graphQl.document(CREATE).variable("input", input).variable("key", key).execute();
        } finally {
            SignedIn.nobody();
        }
    }

    static String answer(GraphQlTester.Response response) {
        return response.path("createBooking.__typename").entity(String.class).get();
    }

    static UUID bookingId(GraphQlTester.Response response) {
        return UUID.fromString(response.path("createBooking.booking.id").entity(String.class).get());
    }

    /** Rooms taken on each night of the stay (a night without a row has none taken). */
    List<Integer> taken() {
        return checkIn.datesUntil(checkOut).map(night -> db.select(INVENTORY_NIGHT.TAKEN_UNITS).from(INVENTORY_NIGHT)
                .where(INVENTORY_NIGHT.UNIT_TYPE_ID.eq(roomType)).and(INVENTORY_NIGHT.NIGHT.eq(night))
                .fetchOptional(INVENTORY_NIGHT.TAKEN_UNITS).orElse(0)).toList();
    }

    void assertRoomsTaken(int rooms) {
        assertThat(taken()).as("rooms taken on each night").containsOnly(rooms);
    }

    String status(UUID booking) {
        return db.select(BOOKING.STATUS).from(BOOKING).where(BOOKING.ID.eq(booking)).fetchOne(BOOKING.STATUS);
    }

    String paymentStatus(UUID booking) {
        return db.select(BOOKING.PAYMENT_STATUS).from(BOOKING).where(BOOKING.ID.eq(booking))
                .fetchOne(BOOKING.PAYMENT_STATUS);
    }

    int bookings() {
        return db.fetchCount(BOOKING, BOOKING.PROPERTY_ID.eq(hotel));
    }

    /**
     * A confirmed booking of one room for the guest. The provider's first answer of a run may come after the tests'
     * short read timeout, leaving the booking pending: then the reconciliation settles it, the provider holding the
     * charge.
     */
    UUID aConfirmedBooking(UUID guest, PaymentReconciliation reconciliation) {
        var response = book(guest, "book", input("tok_ok"));
        UUID booking = bookingId(response);
        if (!answer(response).equals("BookingConfirmed")) {
            paymentProvider().stubFor(com.github.tomakehurst.wiremock.client.WireMock.get(
                            com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo("/v1/charges"))
                    .withQueryParam("idempotencyKey", com.github.tomakehurst.wiremock.client.WireMock.equalTo(
                            PaymentSettlement.chargeKey(booking))).atPriority(1)
                    .willReturn(com.github.tomakehurst.wiremock.client.WireMock.okJson("{\"id\":\"ch_"
                            + PaymentSettlement.chargeKey(booking) + "\",\"status\":\"succeeded\"}")));
            reconciliation.reconcile();
        }
        assertThat(status(booking)).as("booking confirmed").isEqualTo("CONFIRMED");
        return booking;
    }
}
