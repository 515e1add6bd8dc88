package dev.stay.booking.dining;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stay.common.test.SignedIn;
import dev.stay.common.test.SubgraphTest;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jooq.DSLContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.graphql.test.tester.WebGraphQlTester;

@SubgraphTest
class ReservationVisibilityIT {

    @Autowired WebGraphQlTester graphQl;
    @Autowired DSLContext db;

    DiningFixtures restaurant;
    UUID guest = UUID.randomUUID();
    UUID reservation;

    @BeforeEach
    void aGuestsConfirmedReservation() {
        restaurant = DiningFixtures.aRestaurantInLisbon(db, "0", 4);
        reservation = restaurant.aConfirmedReservation(db, guest, LocalDate.now().plusDays(3), LocalTime.of(20, 0));
    }

    @AfterEach
    void signOut() {
        SignedIn.nobody();
    }

    @Test
    void theGuestTheRestaurantsOwnerAndAnAdminSeeIt() {
        SignedIn.as(guest, "guest");
        assertSeesIt();
        SignedIn.as(restaurant.owner(), "owner");
        assertSeesIt();
        SignedIn.as(UUID.randomUUID(), "admin");
        assertSeesIt();
    }

    @Test
    void anotherGuestAnotherOwnerAndNobodySeeNothingByIdNorThroughEntities() {
        SignedIn.as(UUID.randomUUID(), "guest");
        assertSeesNothing();
        SignedIn.as(UUID.randomUUID(), "guest", "owner");
        assertSeesNothing();
        SignedIn.as(restaurant.owner(), "guest"); // the role taken away from the restaurant's owner
        assertSeesNothing();
        SignedIn.nobody();
        assertSeesNothing();
    }

    @Test
    void aBatchOfEntitiesAnswersEachInTheOrderAskedWithNullForTheMalformedAndTheUnknown() {
        UUID other = restaurant.aConfirmedReservation(db, UUID.randomUUID(), LocalDate.now().plusDays(4),
                LocalTime.of(13, 0));
        SignedIn.as(guest, "guest");
        graphQl.document(ENTITIES)
                .variable("representations", List.of(rep(reservation.toString()), rep("%2e%2e%2f"), rep(other.toString()),
                        rep(UUID.randomUUID().toString()), rep(reservation.toString())))
                .execute()
                .path("_entities[0].id").entity(String.class).isEqualTo(reservation.toString())
                .path("_entities[1]").valueIsNull()
                .path("_entities[2]").valueIsNull()
                .path("_entities[3]").valueIsNull()
                .path("_entities[4].id").entity(String.class).isEqualTo(reservation.toString());
    }

    @Test
    void aReservationShowsItsRestaurantTableTimeAndGuest() {
        SignedIn.as(guest, "guest");
        graphQl.document("""
                        query ($id: ID!) { reservation(id: $id) {
                          restaurant { id } tableId time partySize deposit { amount currency } payment { status }
                          guest { id } } }""")
                .variable("id", reservation.toString()).execute()
                .path("reservation.restaurant.id").entity(String.class).isEqualTo(restaurant.restaurant().toString())
                .path("reservation.tableId").entity(String.class).isEqualTo(restaurant.tables().getFirst().toString())
                .path("reservation.time").entity(String.class).isEqualTo("20:00")
                .path("reservation.deposit.amount").entity(String.class).isEqualTo("0.00")
                .path("reservation.payment.status").entity(String.class).isEqualTo("NOT_CHARGED")
                .path("reservation.guest.id").entity(String.class).isEqualTo(guest.toString());
    }

    static final String BY_ID = "query ($id: ID!) { reservation(id: $id) { id reference status } }";

    static final String ENTITIES = """
            query ($representations: [_Any!]!) {
              _entities(representations: $representations) { ... on TableReservation { id reference status } }
            }""";

    private void assertSeesIt() {
        graphQl.document(BY_ID).variable("id", reservation.toString()).execute()
                .path("reservation.id").entity(String.class).isEqualTo(reservation.toString())
                .path("reservation.status").entity(String.class).isEqualTo("CONFIRMED");
        graphQl.document(ENTITIES).variable("representations", List.of(rep(reservation.toString()))).execute()
                .path("_entities[0].id").entity(String.class).isEqualTo(reservation.toString());
    }

    private void assertSeesNothing() {
        graphQl.document(BY_ID).variable("id", reservation.toString()).execute()
                .errors().verify()
                .path("reservation").valueIsNull();
        graphQl.document(ENTITIES).variable("representations", List.of(rep(reservation.toString()))).execute()
                .errors().verify()
                .path("_entities[0]").valueIsNull();
        assertThat(reservation).isNotNull();
    }

    private static Map<String, Object> rep(String id) {
        return Map.of("__typename", "TableReservation", "id", id);
    }
}
