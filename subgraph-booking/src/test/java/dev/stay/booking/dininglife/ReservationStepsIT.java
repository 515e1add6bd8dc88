package dev.stay.booking.dininglife;

import static dev.stay.booking.dininglife.DiningFixtures.paymentProvider;
import static dev.stay.booking.dininglife.Steps.COMPLETE;
import static dev.stay.booking.dininglife.Steps.NO_SHOW;
import static dev.stay.booking.dininglife.Steps.SEAT;
import static dev.stay.booking.dininglife.Steps.code;
import static dev.stay.booking.dininglife.Steps.field;
import static dev.stay.booking.dininglife.Steps.refundsOf;
import static dev.stay.booking.dininglife.Steps.typename;
import static org.assertj.core.api.Assertions.assertThat;

import dev.stay.common.test.SubgraphTest;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.jooq.DSLContext;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.graphql.test.tester.WebGraphQlTester;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The restaurant's steps after a reservation is made, but completion's refund ({@link CompletionIT}): seated from an
 * hour before its time to its end, a no-show keeping the deposit from its time to seven days after; each published on
 * {@code booking.reservation}; who may take them; every refusal a typed code with nothing changed.
 */
@SubgraphTest
class ReservationStepsIT {

    @Autowired WebGraphQlTester graphQl;
    @Autowired DSLContext db;
    @Autowired JsonMapper json;
    Steps steps;

    @BeforeAll
    static void theProviderIsWarm() throws Exception {
        Steps.warmUpTheProvider();
    }

    @BeforeEach
    void steps() {
        steps = new Steps(graphQl, json);
    }

    @Test
    void theOwnerSeatsThePartyFromAnHourBeforeItsTimeAndItIsPublished() {
        var r = DiningFixtures.aRestaurantInLisbon(db);
        UUID guest = UUID.randomUUID();
        UUID soon = r.aConfirmed(guest, 0, Duration.ofMinutes(50));

        var seated = steps.step(SEAT, r.owner, "owner", soon, null);

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
        assertThat(code(steps.step(SEAT, r.owner, "owner", soon, null), "markSeated")).as("seated twice")
                .isEqualTo("INVALID_STATUS");
        assertThat(r.events("reservation.seated")).hasSize(1);
    }

    @Test
    void seatingIsRefusedTooEarlyTooLateAndOutOfStatusWithNothingChanged() {
        var r = DiningFixtures.aRestaurantInLisbon(db);
        UUID later = r.aConfirmed(UUID.randomUUID(), 0, Duration.ofMinutes(70));
        UUID over = r.aConfirmed(UUID.randomUUID(), 1, Duration.ofHours(-3));
        UUID cancelled = r.a(UUID.randomUUID(), 2, java.time.Instant.now(), "CANCELLED", new java.math.BigDecimal("40.00"));

        assertThat(code(steps.step(SEAT, r.owner, "owner", later, null), "markSeated")).isEqualTo("TOO_EARLY");
        assertThat(code(steps.step(SEAT, r.owner, "owner", over, null), "markSeated")).isEqualTo("TOO_LATE");
        assertThat(code(steps.step(SEAT, r.owner, "owner", cancelled, null), "markSeated")).isEqualTo("INVALID_STATUS");
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
            assertThat(code(steps.step(mutation, guest, "guest", now, field + "-g"), field)).as("its guest").isEqualTo("FORBIDDEN");
            assertThat(code(steps.step(mutation, UUID.randomUUID(), "owner", now, field + "-o"), field)).as("another owner")
                    .isEqualTo("NOT_FOUND");
            assertThat(code(steps.step(mutation, r.owner, "guest", now, field + "-r"), field)).as("its owner without the role")
                    .isEqualTo("NOT_FOUND");
            assertThat(code(graphQl.document(mutation).variable("id", now.toString()).variable("key", "n").execute(),
                    field)).as("nobody signed in").isEqualTo("UNAUTHENTICATED");
        }
        assertThat(r.status(now)).isEqualTo("CONFIRMED");
        assertThat(refundsOf(now)).isEmpty();

        assertThat(typename(steps.step(SEAT, UUID.randomUUID(), "admin", now, null), "markSeated"))
                .isEqualTo("ReservationUpdated");
        assertThat(r.status(now)).isEqualTo("SEATED");
    }

    @Test
    void aNoShowKeepsTheDepositFromItsTimeToSevenDaysAfter() {
        var r = DiningFixtures.aRestaurantInLisbon(db);
        UUID justPast = r.aConfirmed(UUID.randomUUID(), 0, Duration.ofMinutes(-5));
        UUID notYet = r.aConfirmed(UUID.randomUUID(), 1, Duration.ofMinutes(5));
        UUID eightDays = r.aConfirmed(UUID.randomUUID(), 2, Duration.ofDays(-8));
        UUID sixDays = r.aConfirmed(UUID.randomUUID(), 2, Duration.ofDays(-6));
        UUID seated = r.aSeated(UUID.randomUUID(), 1, Duration.ofHours(-3));

        steps.step(NO_SHOW, r.owner, "owner", justPast, "a")
                .path("markReservationNoShow.reservation.status").entity(String.class).isEqualTo("NO_SHOW")
                .path("markReservationNoShow.refund.amount").entity(String.class).isEqualTo("0.00")
                .path("markReservationNoShow.reservation.payment.status").entity(String.class).isEqualTo("CHARGED");
        assertThat(code(steps.step(NO_SHOW, r.owner, "owner", notYet, "b"), "markReservationNoShow")).isEqualTo("TOO_EARLY");
        assertThat(code(steps.step(NO_SHOW, r.owner, "owner", eightDays, "c"), "markReservationNoShow")).isEqualTo("TOO_LATE");
        assertThat(code(steps.step(NO_SHOW, r.owner, "owner", seated, "d"), "markReservationNoShow"))
                .isEqualTo("INVALID_STATUS");
        assertThat(typename(steps.step(NO_SHOW, r.owner, "owner", sixDays, "e"), "markReservationNoShow"))
                .isEqualTo("ReservationUpdated");
        assertThat(List.of(r.status(notYet), r.status(eightDays), r.status(seated)))
                .containsExactly("CONFIRMED", "CONFIRMED", "SEATED");
        assertThat(r.row(justPast).getNoShowAt()).isNotNull();
        assertThat(r.row(justPast).getCharged()).isEqualByComparingTo("40.00");
        assertThat(refundsOf(justPast)).isEmpty();
        assertThat(r.events("reservation.no-show")).hasSize(2);
        assertThat(steps.body(steps.step(NO_SHOW, r.owner, "owner", justPast, "a"), "markReservationNoShow"))
                .as("replayed").contains("ReservationUpdated");
        assertThat(r.events("reservation.no-show")).hasSize(2);
    }

    @Test
    void idsThatAreNotReservationsAndBadKeysAreTypedAnswersThatChangeNothing() {
        var r = DiningFixtures.aRestaurantInLisbon(db);
        UUID seated = r.aSeated(UUID.randomUUID(), 0, Duration.ofMinutes(-30));

        for (String id : List.of("not-an-id", "'; DROP TABLE table_reservation; --", "%2e%2e%2f" + seated,
                "x".repeat(10_000))) {
            assertThat(code(steps.raw(SEAT, r.owner, id, null), "markSeated")).isEqualTo("INVALID_ID");
            assertThat(code(steps.raw(COMPLETE, r.owner, id, "k"), "completeReservation")).isEqualTo("INVALID_ID");
        }
        assertThat(code(steps.raw(COMPLETE, r.owner, UUID.randomUUID().toString(), "k2"), "completeReservation"))
                .isEqualTo("NOT_FOUND");
        assertThat(code(steps.raw(COMPLETE, r.owner, seated.toString(), "x".repeat(129)), "completeReservation"))
                .isEqualTo("INVALID_IDEMPOTENCY_KEY");
        assertThat(code(steps.raw(NO_SHOW, r.owner, seated.toString(), " "), "markReservationNoShow"))
                .isEqualTo("INVALID_IDEMPOTENCY_KEY");
        assertThat(code(steps.raw(NO_SHOW, r.owner, seated.toString(), "k\u0000"), "markReservationNoShow"))
                .isEqualTo("INVALID_IDEMPOTENCY_KEY");
        assertThat(r.status(seated)).isEqualTo("SEATED");
        assertThat(refundsOf(seated)).isEmpty();
    }

    @Test
    void aCancelledReservationIsNeitherCompletedNorMarkedAndKeepsItsMoney() {
        var r = DiningFixtures.aRestaurantInLisbon(db);
        UUID cancelled = r.a(UUID.randomUUID(), 0, java.time.Instant.now().minusSeconds(1800), "CANCELLED",
                new java.math.BigDecimal("40.00"));

        assertThat(code(steps.step(COMPLETE, r.owner, "owner", cancelled, "c"), "completeReservation"))
                .isEqualTo("INVALID_STATUS");
        assertThat(code(steps.step(NO_SHOW, r.owner, "owner", cancelled, "n"), "markReservationNoShow"))
                .isEqualTo("INVALID_STATUS");
        assertThat(r.status(cancelled)).isEqualTo("CANCELLED");
        assertThat(r.row(cancelled).getVersion()).isEqualTo(1);
        assertThat(refundsOf(cancelled)).isEmpty();
    }
}
