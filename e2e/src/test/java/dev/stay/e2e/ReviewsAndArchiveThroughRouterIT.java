package dev.stay.e2e;

import static dev.stay.booking.db.Tables.BOOKING;
import static dev.stay.booking.db.Tables.BOOKING_ARCHIVE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.stay.booking.db.tables.records.BookingNightRecord;
import dev.stay.booking.db.tables.records.BookingRecord;
import dev.stay.devstack.engines.DemoAccounts;
import dev.stay.devstack.engines.Keycloak;
import dev.stay.devstack.engines.Postgres;
import dev.stay.seed.world.DemoWorld;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.UUID;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * A stay ends (booking's completion job announces {@code booking.completed}): its guest reviews it through the router and
 * the hotel page shows the rating and the review with its author's name from the users subgraph; the booking is
 * archived, leaves the live tables once it ended 30 days ago, and the guest still finds it in
 * {@code myBookings(when: PAST)} and by id.
 */
class ReviewsAndArchiveThroughRouterIT {

    static final String SUBMIT = """
            mutation ($input: SubmitReviewInput!) {
              submitReview(input: $input) { review { id title } errors { field code } }
            }""";
    static final String PAGE = """
            query ($id: ID!) {
              hotel(id: $id) { rating { average count cleanliness }
                reviews(first: 50) { edges { node { id title text author { id displayName } } } } }
            }""";
    static final String NEAR = """
            query ($input: HotelSearchInput!) { searchHotels(input: $input, first: 50) { edges { rating node { id } } } }""";
    static final String PAST = """
            { myBookings(when: PAST, first: 100) { edges { node { id status totalPrice { amount } } } } }""";
    static final String BY_ID = "query ($id: ID!) { booking(id: $id) { id status nightlyPrices { date } } }";

    final Keycloak keycloak = Stay.platform().engines().keycloak();
    final DemoWorld.Hotel hotel = DemoWorld.small().hotels().stream()
            .filter(h -> h.ownerId().equals(DemoAccounts.OWNER.id())).findFirst().orElseThrow();
    final String currency = hotel.city().currency();

    @Test
    void aGuestReviewsTheirCompletedStayAndFindsItInThePastOnceArchived() {
        String email = "reviewer-" + UUID.randomUUID() + "@stay.example";
        UUID guestId = keycloak.register(email, "reviewer-local-dev-password", "Rita", "Reviewer");
        StayClient guest = Stay.client().withToken(keycloak.passwordToken(email, "reviewer-local-dev-password"));
        UUID booking = aStayThatEnded(guestId, LocalDate.now().minusDays(3));
        DSLContext bookings = bookingDatabase();
        await().atMost(Duration.ofSeconds(60)).until(() -> "COMPLETED".equals(bookings.select(BOOKING.STATUS)
                .from(BOOKING).where(BOOKING.ID.eq(booking)).fetchOne(BOOKING.STATUS)));

        Map<String, Object> input = Map.of("bookingId", booking.toString(), "overall", 9, "cleanliness", 10,
                "location", 8, "service", 9, "value", 7, "title", "Worth it", "text", "<b>Great</b> breakfast");
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofSeconds(1)).until(() ->
                !guest.send(SUBMIT, Map.of("input", input)).data().path("submitReview").path("errors").path(0)
                        .path("code").asString("").equals("NOT_REVIEWABLE"));
        var again = guest.send(SUBMIT, Map.of("input", input));
        assertThat(again.data().path("submitReview").path("errors").path(0).path("code").asString())
                .as(again.body().toString()).isEqualTo("ALREADY_REVIEWED");

        var page = Stay.client().send(PAGE, Map.of("id", hotel.id().toString()));
        JsonNode h = page.data().path("hotel");
        assertThat(h.path("rating").path("count").asInt()).as(page.body().toString()).isGreaterThanOrEqualTo(1);
        JsonNode mine = null;
        for (JsonNode edge : h.path("reviews").path("edges")) {
            if (edge.path("node").path("author").path("id").asString().equals(guestId.toString())) {
                mine = edge.path("node");
            }
        }
        assertThat(mine).as(page.body().toString()).isNotNull();
        assertThat(mine.path("title").asString()).isEqualTo("Worth it");
        assertThat(mine.path("text").asString()).isEqualTo("<b>Great</b> breakfast");
        assertThat(mine.path("author").path("displayName").asString()).isEqualTo("Rita Reviewer");

        // the new rating reaches the search index (property-rated on catalog.property) and what search answers
        double average = h.path("rating").path("average").asDouble();
        Map<String, Object> near = Map.of("near", Map.of("lat", hotel.lat(), "lon", hotel.lon()), "radiusKm", 0.5);
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500)).untilAsserted(() -> {
            JsonNode edges = Stay.client().send(NEAR, Map.of("input", near)).data().path("searchHotels").path("edges");
            JsonNode ours = null;
            for (JsonNode edge : edges) {
                if (edge.path("node").path("id").asString().equals(hotel.id().toString())) ours = edge;
            }
            assertThat(ours).as(edges.toString()).isNotNull();
            assertThat(ours.path("rating").asDouble()).isEqualTo(average);
        });
        // and search filters on it: a minRating just above it leaves the hotel out (its only review is a 9)
        assertThat(average).isEqualTo(9.0);
        Map<String, Object> above = Map.of("near", near.get("near"), "radiusKm", 0.5, "minRating", 9.01);
        JsonNode aboveEdges = Stay.client().send(NEAR, Map.of("input", above)).data().path("searchHotels").path("edges");
        assertThat(aboveEdges.isArray()).as("answered, not refused").isTrue();
        for (JsonNode edge : aboveEdges) {
            assertThat(edge.path("node").path("id").asString()).as("a minRating above its rating leaves the hotel out")
                    .isNotEqualTo(hotel.id().toString());
        }

        // the same event archived the booking; once it ended 30 days ago the move takes it out of the live tables
        await().atMost(Duration.ofSeconds(60)).until(() ->
                bookings.fetchExists(BOOKING_ARCHIVE, BOOKING_ARCHIVE.ID.eq(booking)));
        bookings.update(BOOKING_ARCHIVE).set(BOOKING_ARCHIVE.ENDED_AT, OffsetDateTime.now().minusDays(31))
                .where(BOOKING_ARCHIVE.ID.eq(booking)).execute();
        await().atMost(Duration.ofSeconds(60)).until(() -> !bookings.fetchExists(BOOKING, BOOKING.ID.eq(booking)));

        var past = guest.send(PAST, Map.of());
        JsonNode found = null;
        for (JsonNode edge : past.data().path("myBookings").path("edges")) {
            if (edge.path("node").path("id").asString().equals(booking.toString())) {
                found = edge.path("node");
            }
        }
        assertThat(found).as(past.body().toString()).isNotNull();
        assertThat(found.path("status").asString()).isEqualTo("COMPLETED");
        assertThat(new BigDecimal(found.path("totalPrice").path("amount").asString())).isEqualByComparingTo("220");
        var byId = guest.send(BY_ID, Map.of("id", booking.toString()));
        assertThat(byId.data().path("booking").path("nightlyPrices").size()).as(byId.body().toString()).isEqualTo(2);

        StayClient stranger = Stay.client().withToken(keycloak.passwordToken(DemoAccounts.GUEST.username(),
                DemoAccounts.GUEST.password()));
        assertThat(stranger.send(BY_ID, Map.of("id", booking.toString())).data().path("booking").isNull()).isTrue();
    }

    /**
     * A confirmed stay of the guest at the demo hotel that checked out on {@code checkOut}, as booking keeps it; its
     * completion job (every two seconds here) completes it and publishes {@code booking.completed} through its
     * outbox, which the catalog (reviews) and booking's archive consume.
     */
    private UUID aStayThatEnded(UUID guest, LocalDate checkOut) {
        UUID id = UUID.randomUUID();
        UUID roomType = hotel.roomTypes().getFirst().id();
        LocalDate checkIn = checkOut.minusDays(2);
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        DSLContext bookings = bookingDatabase();
        bookings.executeInsert(new BookingRecord().setId(id)
                .setReference("STY-" + id.toString().substring(0, 6).toUpperCase().replaceAll("[^0-9A-Z]", "0"))
                .setGuestId(guest).setPropertyId(hotel.id()).setUnitTypeId(roomType).setCheckIn(checkIn)
                .setCheckOut(checkOut).setGuests(2).setRooms(1).setTotal(new BigDecimal("220.00")).setCurrency(currency)
                .setStatus("CONFIRMED").setPaymentStatus("CHARGED").setCharged(new BigDecimal("220.00"))
                .setRefunded(BigDecimal.ZERO).setRefundable(false).setPenaltyPercent(100).setCreatedAt(now)
                .setUpdatedAt(now));
        bookings.batchInsert(new BookingNightRecord(id, checkIn, new BigDecimal("100.00")),
                new BookingNightRecord(id, checkIn.plusDays(1), new BigDecimal("120.00"))).execute();
        return id;
    }

    private static DSLContext bookingDatabase() {
        Postgres postgres = Stay.platform().engines().postgres();
        return DSL.using(postgres.jdbcUrl("booking"), postgres.user(), postgres.password());
    }
}
