package dev.stay.booking.reservation;

import static dev.stay.booking.db.Tables.BOOKING;
import static dev.stay.booking.reservation.BookingFixtures.bookingId;
import static org.assertj.core.api.Assertions.assertThat;

import dev.stay.common.test.SignedIn;
import dev.stay.common.test.SubgraphTest;
import dev.stay.common.test.SubgraphTestSupport.StatementCounter;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jooq.DSLContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.graphql.test.tester.GraphQlTester;
import org.springframework.graphql.test.tester.WebGraphQlTester;

@SubgraphTest
class BookingListsIT {

    @Autowired WebGraphQlTester graphQl;
    @Autowired DSLContext db;
    @Autowired StatementCounter statements;

    BookingFixtures hotel;
    UUID guest = UUID.randomUUID();
    List<UUID> booked;

    /** Three confirmed bookings of one guest at a hotel with four rooms, the third moved to last week (checked out). */
    @BeforeEach
    void threeBookingsOfOneGuest() {
        hotel = BookingFixtures.aHotelWithRoomsLeft(db, graphQl, 4);
        booked = List.of(bookingId(hotel.book(guest, "a", hotel.input("tok_ok"))),
                bookingId(hotel.book(guest, "b", hotel.input("tok_ok"))),
                bookingId(hotel.book(guest, "c", hotel.input("tok_ok"))));
        db.update(BOOKING).set(BOOKING.CHECK_IN, LocalDate.now().minusDays(8))
                .set(BOOKING.CHECK_OUT, LocalDate.now().minusDays(6))
                .where(BOOKING.ID.eq(booked.get(2))).execute();
    }

    @AfterEach
    void signOut() {
        SignedIn.nobody();
    }

    static final String MINE = """
            query ($when: BookingPeriod, $first: Int, $after: String) {
              myBookings(when: $when, first: $first, after: $after) {
                edges { cursor node { id status } } pageInfo { hasNextPage endCursor }
              }
            }""";

    @Test
    void aGuestPagesThroughEveryBookingOnceWithOneStatementAPage() {
        SignedIn.as(guest, "guest");
        statements.reset();

        var first = myBookings("ALL", 2, null);
        assertThat(statements.reset()).as("statements for the first page").isEqualTo(1);
        List<String> ids = first.path("myBookings.edges[*].node.id").entityList(String.class).get();
        first.path("myBookings.pageInfo.hasNextPage").entity(Boolean.class).isEqualTo(true);
        String after = first.path("myBookings.pageInfo.endCursor").entity(String.class).get();

        var second = myBookings("ALL", 2, after);
        assertThat(statements.reset()).as("statements for the second page").isEqualTo(1);
        second.path("myBookings.pageInfo.hasNextPage").entity(Boolean.class).isEqualTo(false);
        List<String> rest = second.path("myBookings.edges[*].node.id").entityList(String.class).get();

        assertThat(concat(ids, rest)).containsExactlyInAnyOrderElementsOf(booked.stream().map(UUID::toString).toList())
                .doesNotHaveDuplicates();
        assertThat(ids.getFirst()).as("the earliest check-in first").isEqualTo(booked.get(2).toString());
    }

    @Test
    void upcomingIsWhatChecksOutFromTodayInTheHotelsZoneAndPastTheRest() {
        SignedIn.as(guest, "guest");

        assertThat(myBookings(null, null, null).path("myBookings.edges[*].node.id").entityList(String.class).get())
                .containsExactlyInAnyOrder(booked.get(0).toString(), booked.get(1).toString());
        assertThat(myBookings("PAST", null, null).path("myBookings.edges[*].node.id").entityList(String.class).get())
                .containsExactly(booked.get(2).toString());
    }

    @Test
    void anotherGuestHasNoneOfThem() {
        SignedIn.as(UUID.randomUUID(), "guest");

        myBookings("ALL", null, null).path("myBookings.edges").entityList(Object.class).hasSize(0);
    }

    @Test
    void firstOutOfRangeAndForeignCursorsAreBadUserInput() {
        SignedIn.as(guest, "guest");

        for (var wrong : List.of(Map.of("first", 0), Map.of("first", 101), Map.of("after", "bm90LWEtY3Vyc29y"))) {
            var request = graphQl.document(MINE);
            wrong.forEach(request::variable);
            request.execute().errors().satisfy(errors -> assertThat(errors).singleElement()
                    .satisfies(e -> assertThat(e.getExtensions()).containsEntry("code", "BAD_USER_INPUT")
                            .containsEntry("field", wrong.keySet().iterator().next())));
        }
    }

    @Test
    void nobodySignedInIsAskedToSignIn() {
        graphQl.document(MINE).execute().errors().satisfy(errors -> assertThat(errors).singleElement()
                .satisfies(e -> assertThat(e.getExtensions()).containsEntry("code", "UNAUTHENTICATED")));
    }

    static final String HOTEL_BOOKINGS = """
            query ($reps: [_Any!]!, $status: BookingStatus, $from: Date, $to: Date, $first: Int) {
              _entities(representations: $reps) {
                ... on Hotel { bookings(status: $status, from: $from, to: $to, first: $first) {
                  edges { node { id } } pageInfo { hasNextPage } } }
              }
            }""";

    @Test
    void theHotelsOwnerAndAdminsSeeItsBookingsInOneStatementOthersAreForbidden() {
        SignedIn.as(hotel.owner(), "owner");
        statements.reset();
        List<String> ids = hotelBookings(Map.of()).path("_entities[0].bookings.edges[*].node.id")
                .entityList(String.class).get();
        assertThat(ids).hasSize(3).first().as("the earliest check-in first").isEqualTo(booked.get(2).toString());
        assertThat(statements.reset()).as("statements for the page").isEqualTo(1);
        assertThat(hotelBookings(Map.of("from", LocalDate.now().toString())).path("_entities[0].bookings.edges")
                .entityList(Object.class).get()).as("stays with a night from today").hasSize(2);
        assertThat(hotelBookings(Map.of("status", "EXPIRED")).path("_entities[0].bookings.edges")
                .entityList(Object.class).get()).isEmpty();

        SignedIn.as(UUID.randomUUID(), "admin");
        assertThat(hotelBookings(Map.of()).path("_entities[0].bookings.edges").entityList(Object.class).get())
                .hasSize(3);

        SignedIn.as(UUID.randomUUID(), "guest", "owner"); // another hotel's owner
        hotelBookings(Map.of()).errors().satisfy(errors -> assertThat(errors).isNotEmpty()
                .allSatisfy(e -> assertThat(e.getExtensions()).containsEntry("code", "FORBIDDEN")));
        SignedIn.as(guest, "guest");
        hotelBookings(Map.of()).errors().satisfy(errors -> assertThat(errors).isNotEmpty()
                .allSatisfy(e -> assertThat(e.getExtensions()).containsEntry("code", "FORBIDDEN")));
    }

    static final String USER_BOOKINGS = """
            query ($reps: [_Any!]!) {
              _entities(representations: $reps) { ... on User { id bookings(first: 10) { edges { node { id } } } } }
            }""";

    @Test
    void aUsersBookingsAreForThemselvesAndAdmins() {
        SignedIn.as(guest, "guest");
        userBookings().path("_entities[0].bookings.edges").entityList(Object.class).hasSize(3);
        SignedIn.as(UUID.randomUUID(), "admin");
        userBookings().path("_entities[0].bookings.edges").entityList(Object.class).hasSize(3);

        SignedIn.as(UUID.randomUUID(), "guest");
        userBookings().errors().satisfy(errors -> assertThat(errors).singleElement()
                        .satisfies(e -> assertThat(e.getExtensions()).containsEntry("code", "FORBIDDEN")))
                .path("_entities[0].bookings").valueIsNull();
    }

    @Test
    void aPartnerSeesOnlyTheBookingsItsOwnClientMade() {
        UUID serviceAccount = UUID.randomUUID();
        var input = hotel.input("tok_ok");
        input.put("partnerReference", "ACME-1");
        SignedIn.asPartner(serviceAccount, "partner-acme");
        UUID partners = bookingId(graphQl.document(BookingFixtures.CREATE).variable("input", input)
                .variable("key", "p").execute());
        assertThat(db.select(BOOKING.PARTNER_CLIENT_ID).from(BOOKING).where(BOOKING.ID.eq(partners))
                .fetchOne(BOOKING.PARTNER_CLIENT_ID)).isEqualTo("partner-acme");

        assertThat(byId(partners).path("booking.partnerReference").entity(String.class).get()).isEqualTo("ACME-1");
        byId(booked.getFirst()).path("booking").valueIsNull();

        SignedIn.asPartner(UUID.randomUUID(), "partner-other");
        byId(partners).path("booking").valueIsNull();
        SignedIn.asPartner(serviceAccount, "partner-other"); // the same subject through another client
        byId(partners).path("booking").valueIsNull();
        SignedIn.as(guest, "guest");
        byId(partners).path("booking").valueIsNull();
        SignedIn.as(hotel.owner(), "owner");
        byId(partners).path("booking.id").entity(String.class).isEqualTo(partners.toString());
    }

    private GraphQlTester.Response byId(UUID booking) {
        return graphQl.document("query ($id: ID!) { booking(id: $id) { id partnerReference } }")
                .variable("id", booking.toString()).execute();
    }

    private GraphQlTester.Response myBookings(String when, Integer first, String after) {
        var request = graphQl.document(MINE).variable("after", after);
        if (when != null) {
            request = request.variable("when", when);
        }
        if (first != null) {
            request = request.variable("first", first);
        }
        return request.execute();
    }

    private GraphQlTester.Response hotelBookings(Map<String, Object> filters) {
        var request = graphQl.document(HOTEL_BOOKINGS)
                .variable("reps", List.of(Map.of("__typename", "Hotel", "id", hotel.hotel().toString())));
        filters.forEach(request::variable);
        return request.execute();
    }

    private GraphQlTester.Response userBookings() {
        return graphQl.document(USER_BOOKINGS)
                .variable("reps", List.of(Map.of("__typename", "User", "id", guest.toString()))).execute();
    }

    private static List<String> concat(List<String> a, List<String> b) {
        return java.util.stream.Stream.concat(a.stream(), b.stream()).toList();
    }
}
