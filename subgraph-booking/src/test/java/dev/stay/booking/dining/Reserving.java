package dev.stay.booking.dining;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static dev.stay.booking.db.Tables.TABLE_RESERVATION;

import dev.stay.booking.db.tables.records.TableReservationRecord;
import dev.stay.common.test.SignedIn;
import dev.stay.devstack.engines.Engines;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import org.jooq.DSLContext;
import org.springframework.graphql.test.tester.GraphQlTester;
import org.springframework.graphql.test.tester.WebGraphQlTester;

/** Guests reserving, cancelling and changing through the subgraph's GraphQL, as the router would send it. */
record Reserving(WebGraphQlTester graphQl, DSLContext db) {

    static final String RESERVATION = "reservation { id status tableId time partySize deposit { amount currency } "
            + "payment { status charged { amount } refunded { amount } refundDue { amount } } }";

    static final String RESERVE = """
            mutation ($input: ReserveTableInput!, $key: ID!) {
              reserveTable(input: $input, idempotencyKey: $key) {
                __typename
                ... on ReservationConfirmed { %1$s }
                ... on ReservationPending { %1$s message }
                ... on ReservationPaymentDeclined { %1$s message }
                ... on SlotTaken { alternatives }
                ... on DepositChanged { quotedDeposit { amount currency } deposit { amount currency } }
                ... on ReservationRejected { code field message }
              }
            }""".formatted(RESERVATION);

    static final String CANCEL = """
            mutation ($id: ID!, $key: ID!) {
              cancelReservation(id: $id, idempotencyKey: $key) {
                __typename
                ... on ReservationCancelled { %s refund { amount currency } refundPending }
                ... on ReservationRejected { code field message }
              }
            }""".formatted(RESERVATION);

    static final String CHANGE = """
            mutation ($id: ID!, $input: ChangeReservationInput!, $key: ID!) {
              changeReservation(id: $id, input: $input, idempotencyKey: $key) {
                __typename
                ... on ReservationChanged { %1$s charged { amount } refunded { amount } }
                ... on ReservationPending { %1$s message }
                ... on ReservationPaymentDeclined { %1$s message }
                ... on SlotTaken { alternatives }
                ... on DepositChanged { deposit { amount } }
                ... on ReservationRejected { code field message }
              }
            }""".formatted(RESERVATION);

    static Map<String, Object> input(UUID restaurant, LocalDate date, String time, int party, String deposit,
                                     String token) {
        Map<String, Object> input = new HashMap<>();
        input.put("restaurantId", restaurant.toString());
        input.put("date", date.toString());
        input.put("time", time);
        input.put("partySize", party);
        input.put("quotedDeposit", Map.of("amount", deposit, "currency", "EUR"));
        input.put("paymentToken", token);
        return input;
    }

    GraphQlTester.Response reserve(UUID guest, String key, Map<String, Object> input) {
        return as(guest, () -> graphQl.document(RESERVE).variable("input", input).variable("key", key).execute());
    }

    GraphQlTester.Response cancel(UUID viewer, String role, UUID reservation, String key) {
        SignedIn.as(viewer, role);
        try {
            return graphQl.document(CANCEL).variable("id", reservation.toString()).variable("key", key).execute();
        } finally {
            SignedIn.nobody();
        }
    }

    GraphQlTester.Response change(UUID guest, UUID reservation, Map<String, Object> input, String key) {
        return as(guest, () -> graphQl.document(CHANGE).variable("id", reservation.toString())
                .variable("input", input).variable("key", key).execute());
    }

    static String answer(GraphQlTester.Response response, String mutation) {
        return response.path(mutation + ".__typename").entity(String.class).get();
    }

    static UUID id(GraphQlTester.Response response, String mutation) {
        return UUID.fromString(response.path(mutation + ".reservation.id").entity(String.class).get());
    }

    /**
     * The provider's first answer of a run may come after the tests' short read timeout, leaving a reservation
     * pending: then the reconciliation settles it, the provider holding the charge (as hotels' fixtures do).
     */
    UUID confirmed(GraphQlTester.Response response, DepositReconciliation reconciliation) {
        UUID id = id(response, "reserveTable");
        if (answer(response, "reserveTable").equals("ReservationPending")) {
            Engines.shared().payment().server().stubFor(get(urlPathEqualTo("/v1/charges"))
                    .withQueryParam("idempotencyKey", equalTo(DepositSettlement.depositKey(id))).atPriority(1)
                    .willReturn(okJson("{\"id\":\"ch_" + DepositSettlement.depositKey(id)
                            + "\",\"status\":\"succeeded\"}")));
            db.update(TABLE_RESERVATION).set(TABLE_RESERVATION.UPDATED_AT, java.time.OffsetDateTime.now().minusHours(1))
                    .where(TABLE_RESERVATION.ID.eq(id)).execute();
            reconciliation.reconcile();
        }
        if (!row(id).getStatus().equals("CONFIRMED")) {
            throw new AssertionError("reservation " + id + " is " + row(id).getStatus());
        }
        return id;
    }

    TableReservationRecord row(UUID id) {
        return db.fetchOne(TABLE_RESERVATION, TABLE_RESERVATION.ID.eq(id));
    }

    private static GraphQlTester.Response as(UUID guest, java.util.function.Supplier<GraphQlTester.Response> call) {
        SignedIn.as(guest, "guest");
        try {
            return call.get();
        } finally {
            SignedIn.nobody();
        }
    }
}
