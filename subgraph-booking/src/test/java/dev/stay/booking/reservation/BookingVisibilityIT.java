package dev.stay.booking.reservation;

import static dev.stay.booking.reservation.BookingFixtures.bookingId;
import static org.assertj.core.api.Assertions.assertThat;

import dev.stay.common.test.SignedIn;
import dev.stay.common.test.SubgraphTest;
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
class BookingVisibilityIT {

    @Autowired WebGraphQlTester graphQl;
    @Autowired DSLContext db;

    BookingFixtures hotel;
    UUID guest = UUID.randomUUID();
    UUID booking;

    @BeforeEach
    void aGuestsConfirmedBooking() {
        hotel = BookingFixtures.aHotelWithRoomsLeft(db, graphQl, 2);
        booking = bookingId(hotel.book(guest, "k", hotel.input("tok_ok")));
    }

    @AfterEach
    void signOut() {
        SignedIn.nobody();
    }

    @Test
    void theGuestTheHotelsOwnerAndAnAdminSeeIt() {
        SignedIn.as(guest, "guest");
        assertSeesIt();
        SignedIn.as(hotel.owner(), "owner");
        assertSeesIt();
        SignedIn.as(UUID.randomUUID(), "admin");
        assertSeesIt();
    }

    @Test
    void theBookingsHotelAnswersItsAvailabilityInTheSameRequest() {
        SignedIn.as(guest, "guest");

        graphQl.document("""
                        query ($id: ID!, $in: Date!, $out: Date!) {
                          booking(id: $id) { hotel { id availability(checkIn: $in, checkOut: $out, guests: 2) { available } } }
                        }""")
                .variable("id", booking.toString()).variable("in", hotel.checkIn().toString())
                .variable("out", hotel.checkOut().toString())
                .execute()
                .path("booking.hotel.id").entity(String.class).isEqualTo(hotel.hotel().toString())
                .path("booking.hotel.availability[0].available").entity(Integer.class).isEqualTo(1);
    }

    @Test
    void anotherGuestSeesNothingByIdNorThroughEntities() {
        SignedIn.as(UUID.randomUUID(), "guest");
        assertSeesNothing();
        SignedIn.as(UUID.randomUUID(), "guest", "owner"); // the owner of another hotel
        assertSeesNothing();
    }

    @Test
    void nobodySignedInIsAskedToSignIn() {
        graphQl.document("query ($id: ID!) { booking(id: $id) { id } }").variable("id", booking.toString()).execute()
                .errors().satisfy(errors -> assertThat(errors).singleElement()
                        .satisfies(e -> assertThat(e.getExtensions()).containsEntry("code", "UNAUTHENTICATED")))
                .path("booking").valueIsNull();
        graphQl.document(ENTITIES).variable("representations", representation()).execute()
                .path("_entities[0]").valueIsNull();
    }

    static final String BY_ID = "query ($id: ID!) { booking(id: $id) { id reference status } }";

    static final String ENTITIES = """
            query ($representations: [_Any!]!) {
              _entities(representations: $representations) { ... on Booking { id reference status } }
            }""";

    private void assertSeesIt() {
        graphQl.document(BY_ID).variable("id", booking.toString()).execute()
                .path("booking.id").entity(String.class).isEqualTo(booking.toString())
                .path("booking.status").entity(String.class).isEqualTo("CONFIRMED");
        graphQl.document(ENTITIES).variable("representations", representation()).execute()
                .path("_entities[0].id").entity(String.class).isEqualTo(booking.toString());
    }

    private void assertSeesNothing() {
        graphQl.document(BY_ID).variable("id", booking.toString()).execute()
                .errors().verify()
                .path("booking").valueIsNull();
        graphQl.document(ENTITIES).variable("representations", representation()).execute()
                .errors().verify()
                .path("_entities[0]").valueIsNull();
    }

    private List<Map<String, Object>> representation() {
        return List.of(Map.of("__typename", "Booking", "id", booking.toString()));
    }
}
