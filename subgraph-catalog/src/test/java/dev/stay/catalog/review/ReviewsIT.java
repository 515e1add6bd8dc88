package dev.stay.catalog.review;

import static dev.stay.catalog.db.Tables.OUTBOX;
import static dev.stay.catalog.db.Tables.PROPERTY_RATING;
import static dev.stay.catalog.db.Tables.REVIEW;
import static dev.stay.catalog.db.Tables.REVIEW_STAY;
import static dev.stay.catalog.review.Stays.review;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.stay.common.test.SignedIn;
import dev.stay.common.test.SubgraphTest;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
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

/**
 * Guests review the stays booking completed (its {@code booking.completed}, through the real broker), once, within 60
 * days; the hotel's rating follows every review and every hidden one, in {@code property_rating} and as
 * {@code property-rated} on the catalog's topic.
 */
@SubgraphTest
class ReviewsIT {

    static final String SUBMIT = """
            mutation ($input: SubmitReviewInput!) {
              submitReview(input: $input) {
                review { id overall cleanliness location service value title text createdAt author { id }
                         hotel { id } reply { text } }
                errors { field code message }
              }
            }""";
    static final String HOTEL = """
            query ($id: ID!, $first: Int, $after: String, $sort: ReviewSort) {
              hotel(id: $id) {
                rating { average count cleanliness location service value }
                reviews(first: $first, after: $after, sort: $sort) {
                  edges { cursor node { id overall title text author { id } reply { text } } }
                  pageInfo { hasNextPage endCursor }
                }
              }
            }""";
    static final String REPLY = """
            mutation ($input: ReplyToReviewInput!) {
              replyToReview(input: $input) { review { id reply { text createdAt } } errors { field code } }
            }""";
    static final String HIDE = "mutation ($id: ID!) { hideReview(id: $id) { review { id } errors { field code } } }";

    @Autowired WebGraphQlTester graphQl;
    @Autowired DSLContext db;

    Stays stays;
    final UUID guest = UUID.randomUUID();
    final LocalDate lastWeek = LocalDate.now().minusDays(7);

    @BeforeEach
    void aHotel() {
        stays = Stays.aPublishedHotel(db);
    }

    @AfterEach
    void signOut() {
        SignedIn.nobody();
    }

    @Test
    void aGuestReviewsACompletedStayOnceAndTheHotelsRatingFollows() {
        UUID booking = stays.completed(guest, lastWeek);
        var first = submit(guest, review(booking, 8, "Lovely stay", "Quiet room, kind staff."));
        first.path("submitReview.errors").entityList(Object.class).hasSize(0);
        first.path("submitReview.review.title").entity(String.class).isEqualTo("Lovely stay");
        first.path("submitReview.review.author.id").entity(String.class).isEqualTo(guest.toString());
        first.path("submitReview.review.hotel.id").entity(String.class).isEqualTo(stays.hotel().toString());

        UUID other = UUID.randomUUID();
        submit(other, review(stays.completed(other, lastWeek), 5, "Noisy", "The street never sleeps."))
                .path("submitReview.errors").entityList(Object.class).hasSize(0);

        var hotel = hotel(null, 10, null);
        hotel.path("hotel.rating.count").entity(Integer.class).isEqualTo(2);
        hotel.path("hotel.rating.average").entity(Double.class).isEqualTo(6.5);
        hotel.path("hotel.rating.cleanliness").entity(Double.class).isEqualTo(9.0);
        hotel.path("hotel.rating.value").entity(Double.class).isEqualTo(6.0);
        hotel.path("hotel.reviews.edges[*].node.title").entityList(String.class).containsExactly("Noisy", "Lovely stay");
        var stored = db.selectFrom(PROPERTY_RATING).where(PROPERTY_RATING.PROPERTY_ID.eq(stays.hotel())).fetchSingle();
        assertThat(stored.getAverage()).isEqualByComparingTo("6.50");
        assertThat(stored.getReviewCount()).isEqualTo(2);
        assertThat(stored.getService()).isEqualByComparingTo("7.00");

        var again = submit(guest, review(booking, 1, "Changed my mind", "Twice?"));
        again.path("submitReview.errors[0].code").entity(String.class).isEqualTo("ALREADY_REVIEWED");
        again.path("submitReview.review").valueIsNull();
        assertThat(reviews()).isEqualTo(2);

        List<String> rated = ratedEvents();
        assertThat(rated).as("one property-rated a review, keyed by the hotel").hasSize(2);
        assertThat(rated.getLast()).contains("\"count\": 2", "\"average\": 6.50", "\"cleanliness\": 9.00");
        await().atMost(Duration.ofSeconds(20)).until(() -> db.fetchCount(OUTBOX, OUTBOX.KEY.eq(stays.hotel().toString())
                .and(OUTBOX.TYPE.eq("property-rated")).and(OUTBOX.PUBLISHED_AT.isNotNull())) == 2);
    }

    @Test
    void onlyTheGuestOfACompletedStayWithinSixtyDaysMayReview() {
        UUID booking = stays.completed(guest, lastWeek);
        UUID stranger = UUID.randomUUID();
        UUID noShow = UUID.randomUUID();
        stays.publish(stays.noShowEvent(noShow, guest, lastWeek));
        UUID longAgo = stays.completed(guest, LocalDate.now().minusDays(61));
        UUID justInTime = stays.completed(guest, LocalDate.now().minusDays(60));

        SignedIn.nobody();
        assertCode(graphQl.document(SUBMIT).variable("input", review(booking, 8, "t", "x")).execute(), null,
                "UNAUTHENTICATED");
        assertCode(submit(stranger, review(booking, 8, "Not mine", "x")), "bookingId", "NOT_REVIEWABLE");
        assertCode(submit(guest, review(noShow, 8, "Never came", "x")), "bookingId", "NOT_REVIEWABLE");
        assertCode(submit(guest, review(UUID.randomUUID(), 8, "Not ended", "x")), "bookingId", "NOT_REVIEWABLE");
        Map<String, Object> badId = new HashMap<>(review(booking, 8, "t", "x"));
        badId.put("bookingId", "../%2e%2e/" + booking);
        assertCode(submit(guest, badId), "bookingId", "NOT_REVIEWABLE");
        assertCode(submit(guest, review(longAgo, 8, "Late", "x")), "bookingId", "REVIEW_PERIOD_OVER");
        assertThat(reviews()).as("nothing stored for any refusal").isZero();
        assertThat(db.selectFrom(REVIEW_STAY).where(REVIEW_STAY.BOOKING_ID.eq(noShow)).fetchSingle().getNoShowAt())
                .as("a no-show is kept as such, so no later completion makes it reviewable").isNotNull();

        submit(guest, review(justInTime, 8, "Just in time", "x")).path("submitReview.errors")
                .entityList(Object.class).hasSize(0);
        assertThat(reviews()).isEqualTo(1);
    }

    @Test
    void ratingsOutsideOneToTenAndAbsurdTextsAreRefusedAndStoreNothing() {
        UUID booking = stays.completed(guest, lastWeek);
        Map<String, Object> input = new HashMap<>(review(booking, 0, "", "x".repeat(100_000)));
        input.put("value", 11);
        var refused = submit(guest, input);
        List<String> codes = refused.path("submitReview.errors[*].code").entityList(String.class).get();
        List<String> fields = refused.path("submitReview.errors[*].field").entityList(String.class).get();
        assertThat(fields).containsExactlyInAnyOrder("overall", "value", "title", "text");
        assertThat(codes).containsExactlyInAnyOrder("OUT_OF_RANGE", "OUT_OF_RANGE", "REQUIRED", "TOO_LONG");

        assertCode(submit(guest, review(booking, 8, "Bell\u0007", "x")), "title", "INVALID_CHARACTERS");
        assertCode(submit(guest, review(booking, 8, "t".repeat(121), "x")), "title", "TOO_LONG");
        assertThat(reviews()).isZero();
        assertThat(db.fetchExists(PROPERTY_RATING, PROPERTY_RATING.PROPERTY_ID.eq(stays.hotel()))).isFalse();
    }

    @Test
    void markupIsKeptAsTextNeverInterpreted() {
        String html = "<script>alert('x')</script><b onmouseover=\"steal()\">bold</b> &amp; <!-- -->";
        submit(guest, review(stays.completed(guest, lastWeek), 7, "<img src=x onerror=alert(1)>", html))
                .path("submitReview.errors").entityList(Object.class).hasSize(0);
        var page = hotel(null, 10, null);
        page.path("hotel.reviews.edges[0].node.text").entity(String.class).isEqualTo(html);
        page.path("hotel.reviews.edges[0].node.title").entity(String.class).isEqualTo("<img src=x onerror=alert(1)>");
    }

    @Test
    void aReplayedOrResentCompletedEventGivesOneRightToReviewOnce() {
        UUID booking = UUID.randomUUID();
        String eventId = UUID.randomUUID().toString();
        String event = stays.completedEvent(eventId, booking, guest, lastWeek);
        stays.publish(event, event, stays.completedEvent(UUID.randomUUID().toString(), booking, guest, lastWeek));
        UUID marker = stays.completed(guest, lastWeek);
        assertThat(db.fetchCount(REVIEW_STAY, REVIEW_STAY.BOOKING_ID.eq(booking))).isEqualTo(1);

        submit(guest, review(booking, 9, "Great", "x")).path("submitReview.errors").entityList(Object.class).hasSize(0);
        stays.publish(event);
        stays.publish(stays.completedEvent(UUID.randomUUID().toString(), booking, guest, lastWeek));
        stays.completed(guest, lastWeek);
        assertCode(submit(guest, review(booking, 9, "Again", "x")), "bookingId", "ALREADY_REVIEWED");
        assertThat(reviews()).isEqualTo(1);
        assertThat(marker).isNotNull();
    }

    @Test
    void aNoShowMarkedAfterTheStayCompletedTakesBackTheReviewAndItsRating() {
        UUID booking = stays.completed(guest, lastWeek);
        UUID other = UUID.randomUUID();
        submit(other, review(stays.completed(other, lastWeek), 4, "Meh", "x"));
        submit(guest, review(booking, 10, "Best ever", "x")).path("submitReview.errors").entityList(Object.class)
                .hasSize(0);
        hotel(null, 10, null).path("hotel.rating.average").entity(Double.class).isEqualTo(7.0);

        stays.publish(stays.noShowEvent(booking, guest, lastWeek));
        await().atMost(Duration.ofSeconds(30)).until(() -> reviews() == 1);
        var page = hotel(null, 10, null);
        page.path("hotel.rating.average").entity(Double.class).isEqualTo(4.0);
        page.path("hotel.rating.count").entity(Integer.class).isEqualTo(1);
        assertThat(ratedEvents().getLast()).contains("\"count\": 1", "\"average\": 4.00");

        // a completion re-sent afterwards does not give the right back
        stays.publish(stays.completedEvent(UUID.randomUUID().toString(), booking, guest, lastWeek));
        stays.completed(guest, lastWeek);
        assertCode(submit(guest, review(booking, 10, "Again", "x")), "bookingId", "NOT_REVIEWABLE");
        assertThat(reviews()).isEqualTo(1);
    }

    @Test
    void theOwnerRepliesOnceAndNoOtherOwnerMay() {
        String reviewId = submit(guest, review(stays.completed(guest, lastWeek), 6, "Fine", "x"))
                .path("submitReview.review.id").entity(String.class).get();

        SignedIn.as(UUID.randomUUID(), "owner");
        assertReplyCode(reply(reviewId, "Thanks!"), "reviewId", "FORBIDDEN");
        SignedIn.as(guest, "guest");
        assertReplyCode(reply(reviewId, "I own it now"), null, "FORBIDDEN");
        SignedIn.as(stays.owner(), "owner");
        assertReplyCode(reply(UUID.randomUUID().toString(), "Thanks!"), "reviewId", "NOT_FOUND");
        assertReplyCode(reply(reviewId, "x".repeat(2001)), "text", "TOO_LONG");
        assertThat(db.select(REVIEW.REPLY).from(REVIEW).where(REVIEW.ID.eq(UUID.fromString(reviewId))).fetchOne(REVIEW.REPLY))
                .isNull();

        reply(reviewId, "Thank you, come back!").path("replyToReview.review.reply.text").entity(String.class)
                .isEqualTo("Thank you, come back!");
        assertReplyCode(reply(reviewId, "And again"), "reviewId", "ALREADY_REPLIED");
        hotel(null, 10, null).path("hotel.reviews.edges[0].node.reply.text").entity(String.class)
                .isEqualTo("Thank you, come back!");
    }

    @Test
    void anAdminHidesAReviewAndItLeavesTheRating() {
        String low = submit(guest, review(stays.completed(guest, lastWeek), 2, "Awful", "x"))
                .path("submitReview.review.id").entity(String.class).get();
        UUID other = UUID.randomUUID();
        submit(other, review(stays.completed(other, lastWeek), 10, "Perfect", "x"));
        hotel(null, 10, null).path("hotel.rating.average").entity(Double.class).isEqualTo(6.0);

        SignedIn.as(stays.owner(), "owner");
        assertCode(graphQl.document(HIDE).variable("id", low).execute(), null, "FORBIDDEN", "hideReview");
        SignedIn.as(UUID.randomUUID(), "admin");
        graphQl.document(HIDE).variable("id", low).execute().path("hideReview.errors").entityList(Object.class)
                .hasSize(0);
        graphQl.document(HIDE).variable("id", low).execute().path("hideReview.errors").entityList(Object.class)
                .hasSize(0);

        var page = hotel(null, 10, null);
        page.path("hotel.rating.average").entity(Double.class).isEqualTo(10.0);
        page.path("hotel.rating.count").entity(Integer.class).isEqualTo(1);
        page.path("hotel.reviews.edges[*].node.title").entityList(String.class).containsExactly("Perfect");
        assertThat(ratedEvents()).as("two reviews and one hiding; hiding again announces nothing").hasSize(3);
        assertThat(ratedEvents().getLast()).contains("\"count\": 1", "\"average\": 10.00");
    }

    @Test
    void aUsersReviewsAreReadThroughTheirUserEntityWithoutHiddenOnes() {
        String kept = submit(guest, review(stays.completed(guest, lastWeek), 8, "Kept", "x"))
                .path("submitReview.review.id").entity(String.class).get();
        Stays another = Stays.aPublishedHotel(db);
        String hidden = submit(guest, review(another.completed(guest, lastWeek), 3, "Hidden", "x"))
                .path("submitReview.review.id").entity(String.class).get();
        SignedIn.as(UUID.randomUUID(), "admin");
        graphQl.document(HIDE).variable("id", hidden).execute().path("hideReview.errors").entityList(Object.class)
                .hasSize(0);
        SignedIn.nobody();

        var user = graphQl.document("""
                query ($reps: [_Any!]!) { _entities(representations: $reps) {
                  ... on User { id reviews(first: 10) { edges { node { id title hotel { id } } } } } } }""")
                .variable("reps", List.of(Map.of("__typename", "User", "id", guest.toString())))
                .execute();
        user.path("_entities[0].reviews.edges[*].node.id").entityList(String.class).containsExactly(kept);
        user.path("_entities[0].reviews.edges[0].node.hotel.id").entity(String.class)
                .isEqualTo(stays.hotel().toString());
    }

    @Test
    void reviewsArePagedByEverySortWithoutRepeatsOrGaps() {
        List<String> titles = new ArrayList<>();
        int[] overall = {7, 3, 9, 3, 10};
        for (int i = 0; i < overall.length; i++) {
            UUID author = UUID.randomUUID();
            submit(author, review(stays.completed(author, lastWeek), overall[i], "review " + i, "x"));
            titles.add("review " + i);
        }
        assertThat(pageThrough("NEWEST")).containsExactly("review 4", "review 3", "review 2", "review 1", "review 0");
        assertThat(pageThrough("HIGHEST")).containsExactly("review 4", "review 2", "review 0", "review 3", "review 1");
        assertThat(pageThrough("LOWEST")).containsExactly("review 1", "review 3", "review 0", "review 2", "review 4");

        String newestCursor = hotel(null, 2, "NEWEST").path("hotel.reviews.pageInfo.endCursor").entity(String.class)
                .get();
        badInput(newestCursor, 2, "HIGHEST", "INVALID_CURSOR");
        badInput("bm90LWEtY3Vyc29y", 2, "NEWEST", "INVALID_CURSOR");
        badInput(null, 51, "NEWEST", "OUT_OF_RANGE");
        badInput(null, 0, "NEWEST", "OUT_OF_RANGE");
    }

    @Test
    void manyGuestsReviewingAtOnceAreAllCounted() throws Exception {
        int guests = 12;
        List<UUID> authors = new ArrayList<>();
        List<UUID> bookings = new ArrayList<>();
        for (int i = 0; i < guests; i++) {
            authors.add(UUID.randomUUID());
            bookings.add(stays.completed(authors.get(i), lastWeek));
        }
        try (var pool = java.util.concurrent.Executors.newFixedThreadPool(guests)) {
            List<java.util.concurrent.Future<?>> done = new ArrayList<>();
            for (int i = 0; i < guests; i++) {
                int n = i;
                done.add(pool.submit(() -> submit(authors.get(n), review(bookings.get(n), 1 + n % 10, "t", "x"))
                        .path("submitReview.errors").entityList(Object.class).hasSize(0)));
            }
            for (var f : done) {
                f.get();
            }
        }
        var stored = db.selectFrom(PROPERTY_RATING).where(PROPERTY_RATING.PROPERTY_ID.eq(stays.hotel())).fetchSingle();
        assertThat(stored.getReviewCount()).isEqualTo(guests);
        assertThat(stored.getAverage()).isEqualByComparingTo(new BigDecimal("4.83")); // (1 + ... + 10 + 1 + 2) / 12
    }

    private List<String> pageThrough(String sort) {
        List<String> seen = new ArrayList<>();
        String after = null;
        boolean more = true;
        while (more) {
            var page = hotelAfter(after, 2, sort);
            seen.addAll(page.path("hotel.reviews.edges[*].node.title").entityList(String.class).get());
            more = page.path("hotel.reviews.pageInfo.hasNextPage").entity(Boolean.class).get();
            after = page.path("hotel.reviews.pageInfo.endCursor").entity(String.class).get();
        }
        return seen;
    }

    private GraphQlTester.Response submit(UUID author, Map<String, Object> input) {
        SignedIn.as(author, "guest");
        try {
            return graphQl.document(SUBMIT).variable("input", input).execute();
        } finally {
            SignedIn.nobody();
        }
    }

    private GraphQlTester.Response reply(String reviewId, String text) {
        return graphQl.document(REPLY).variable("input", Map.of("reviewId", reviewId, "text", text)).execute();
    }

    private GraphQlTester.Response hotel(String after, int first, String sort) {
        return hotelAfter(after, first, sort);
    }

    private GraphQlTester.Response hotelAfter(String after, int first, String sort) {
        return graphQl.document(HOTEL).variable("id", stays.hotel().toString()).variable("first", first)
                .variable("after", after).variable("sort", sort).execute();
    }

    private void badInput(String after, int first, String sort, String reason) {
        hotelAfter(after, first, sort).errors().satisfy(errors -> assertThat(errors).singleElement()
                .satisfies(e -> assertThat(e.getExtensions()).containsEntry("code", "BAD_USER_INPUT")
                        .containsEntry("reason", reason)));
    }

    private static void assertCode(GraphQlTester.Response response, String field, String code) {
        assertCode(response, field, code, "submitReview");
    }

    private static void assertReplyCode(GraphQlTester.Response response, String field, String code) {
        assertCode(response, field, code, "replyToReview");
    }

    private static void assertCode(GraphQlTester.Response response, String field, String code, String mutation) {
        response.path(mutation + ".errors[0].code").entity(String.class).isEqualTo(code);
        if (field == null) {
            response.path(mutation + ".errors[0].field").valueIsNull();
        } else {
            response.path(mutation + ".errors[0].field").entity(String.class).isEqualTo(field);
        }
        response.path(mutation + ".review").valueIsNull();
    }

    private int reviews() {
        return db.fetchCount(REVIEW, REVIEW.PROPERTY_ID.eq(stays.hotel()));
    }

    private List<String> ratedEvents() {
        return db.select(OUTBOX.PAYLOAD).from(OUTBOX).where(OUTBOX.KEY.eq(stays.hotel().toString()))
                .and(OUTBOX.TYPE.eq("property-rated")).orderBy(OUTBOX.SEQ).fetch(r -> r.value1().data());
    }
}
