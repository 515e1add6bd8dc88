package dev.stay.booking.archive;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stay.common.test.SignedIn;
import dev.stay.common.test.SubgraphTest;
import dev.stay.common.test.SubgraphTestSupport.StatementCounter;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jooq.DSLContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.graphql.test.tester.WebGraphQlTester;

/**
 * The reads see archived bookings as if they had never moved: the same pages, order and cursors for the guest
 * ({@code myBookings}) and the hotel's owner ({@code Hotel.bookings}), the same {@code booking(id)}, one statement a
 * page, and nobody else's.
 */
@SubgraphTest
class ArchivedReadsIT {

    static final String MINE = """
            query ($when: BookingPeriod, $first: Int, $after: String) {
              myBookings(when: $when, first: $first, after: $after) {
                edges { cursor node { id status checkIn } } pageInfo { hasNextPage endCursor }
              }
            }""";
    static final String ONE = """
            query ($id: ID!) {
              booking(id: $id) { id status checkIn checkOut nightlyPrices { date price { amount currency } }
                                 totalPrice { amount currency } payment { status charged { amount } } guest { id } }
            }""";
    static final String HOTEL_BOOKINGS = """
            query ($reps: [_Any!]!, $first: Int, $after: String) {
              _entities(representations: $reps) {
                ... on Hotel { bookings(first: $first, after: $after) {
                  edges { cursor node { id } } pageInfo { hasNextPage endCursor } } }
              }
            }""";

    @Autowired WebGraphQlTester graphQl;
    @Autowired DSLContext db;
    @Autowired Archive archive;
    @Autowired MovingToArchive moving;
    @Autowired StatementCounter statements;

    EndedStays stays;
    final UUID guest = UUID.randomUUID();
    final List<UUID> past = new ArrayList<>();
    UUID upcoming;

    /** Five stays of one guest that ended, each archived, and one to come. */
    @BeforeEach
    void fiveEndedStays() {
        stays = EndedStays.aHotel(db);
        for (int i = 0; i < 5; i++) {
            UUID id = stays.booking(guest, i == 2 ? "CANCELLED" : "COMPLETED", LocalDate.now().minusDays(40 + 3 * i));
            archive.write(id, OffsetDateTime.now());
            past.add(id);
        }
        upcoming = stays.booking(guest, "CONFIRMED", LocalDate.now().plusDays(10));
    }

    @AfterEach
    void signOut() {
        SignedIn.nobody();
    }

    @Test
    void aGuestsPastPagesAreTheSameBeforeAndAfterTheMove() {
        List<String> before = pages("PAST");
        assertThat(before).hasSize(5);

        stays.endedDaysAgo(past.subList(0, 4), 31);
        assertThat(moving.moveBatch(3)).isEqualTo(3);
        assertThat(stays.live(past)).as("three moved, one archived and due, one archived and recent").isEqualTo(2);
        assertThat(pages("PAST")).as("same bookings, order and cursors, none twice").isEqualTo(before);

        moving.moveAll();
        assertThat(stays.live(past)).isEqualTo(1);
        assertThat(pages("PAST")).isEqualTo(before);
        assertThat(pages("ALL")).hasSize(6).containsAll(before);
        SignedIn.as(guest, "guest");
        statements.reset();
        graphQl.document(MINE).variable("when", "PAST").variable("first", 2).execute();
        assertThat(statements.reset()).as("one statement a page, archive included").isEqualTo(1);
    }

    @Test
    void anArchivedBookingReadsAsItDidLiveAndOnlyForThoseWhoMaySeeIt() {
        UUID moved = past.getFirst();
        SignedIn.as(guest, "guest");
        var live = graphQl.document(ONE).variable("id", moved.toString()).execute();
        Map<?, ?> asLive = live.path("booking").entity(Map.class).get();

        stays.endedDaysAgo(List.of(moved), 31);
        assertThat(moving.moveBatch(10)).isEqualTo(1);
        assertThat(stays.live(List.of(moved))).isZero();

        var read = graphQl.document(ONE).variable("id", moved.toString()).execute();
        read.path("booking").entity(Map.class).isEqualTo(asLive);
        read.path("booking.status").entity(String.class).isEqualTo("COMPLETED");
        read.path("booking.nightlyPrices[*].price.amount").entityList(String.class).containsExactly("100.00", "120.00");
        read.path("booking.totalPrice.amount").entity(String.class).isEqualTo("220.00");

        SignedIn.as(UUID.randomUUID(), "guest");
        graphQl.document(ONE).variable("id", moved.toString()).execute().path("booking").valueIsNull();
        graphQl.document(MINE).variable("when", "PAST").variable("first", 10).execute()
                .path("myBookings.edges").entityList(Object.class).hasSize(0);
    }

    @Test
    void theHotelsOwnerPagesThroughLiveAndArchivedBookingsAlike() {
        List<String> before = hotelPages(stays.owner(), "owner");
        assertThat(before).hasSize(6);
        stays.endedDaysAgo(past, 31);
        moving.moveAll();
        assertThat(stays.live(past)).isZero();
        assertThat(hotelPages(stays.owner(), "owner")).isEqualTo(before);
        assertThat(hotelPages(UUID.randomUUID(), "admin")).isEqualTo(before);

        SignedIn.as(UUID.randomUUID(), "owner");
        graphQl.document(HOTEL_BOOKINGS).variable("reps", List.of(Map.of("__typename", "Hotel",
                "id", stays.hotel().toString()))).variable("first", 10).execute()
                .errors().satisfy(errors -> assertThat(errors).singleElement()
                        .satisfies(e -> assertThat(e.getExtensions()).containsEntry("code", "FORBIDDEN")));
    }

    /** Every page of the guest's bookings, two at a time: each booking as id, cursor and status. */
    private List<String> pages(String when) {
        SignedIn.as(guest, "guest");
        List<String> seen = new ArrayList<>();
        String after = null;
        boolean more = true;
        while (more) {
            var page = graphQl.document(MINE).variable("when", when).variable("first", 2).variable("after", after)
                    .execute();
            List<Map> edges = page.path("myBookings.edges").entityList(Map.class).get();
            edges.forEach(e -> seen.add(((Map<?, ?>) e.get("node")).get("id") + " " + e.get("cursor") + " "
                    + ((Map<?, ?>) e.get("node")).get("status")));
            more = page.path("myBookings.pageInfo.hasNextPage").entity(Boolean.class).get();
            after = page.path("myBookings.pageInfo.endCursor").entity(String.class).get();
        }
        return seen;
    }

    private List<String> hotelPages(UUID viewer, String role) {
        SignedIn.as(viewer, role);
        List<String> seen = new ArrayList<>();
        String after = null;
        boolean more = true;
        while (more) {
            var page = graphQl.document(HOTEL_BOOKINGS).variable("reps", List.of(Map.of("__typename", "Hotel",
                    "id", stays.hotel().toString()))).variable("first", 4).variable("after", after).execute();
            seen.addAll(page.path("_entities[0].bookings.edges[*].cursor").entityList(String.class).get());
            more = page.path("_entities[0].bookings.pageInfo.hasNextPage").entity(Boolean.class).get();
            after = page.path("_entities[0].bookings.pageInfo.endCursor").entity(String.class).get();
        }
        return seen;
    }
}
