package dev.stay.catalog.restaurantreview;

import static dev.stay.catalog.db.Tables.OUTBOX;
import static dev.stay.catalog.db.Tables.RESTAURANT_RATING;
import static dev.stay.catalog.db.Tables.RESTAURANT_REVIEW;
import static dev.stay.catalog.db.Tables.RESTAURANT_VISIT;
import static dev.stay.catalog.restaurantreview.Visits.review;
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
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.jooq.DSLContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.graphql.test.tester.GraphQlTester;
import org.springframework.graphql.test.tester.WebGraphQlTester;

/**
 * Guests review the visits booking completed ({@code reservation.completed} on {@code booking.reservation}, through
 * the real broker), once, within 60 days of the reservation's date; a no-show never. The restaurant's rating follows
 * every review, in {@code restaurant_rating} and as {@code restaurant-rated} on {@code catalog.restaurant}.
 */
@SubgraphTest
class RestaurantReviewsIT {

    static final String SUBMIT = """
            mutation ($input: SubmitRestaurantReviewInput!) {
              submitRestaurantReview(input: $input) {
                review { id overall food service ambience value title text createdAt author { id } restaurant { id } }
                errors { field code message }
              }
            }""";
    static final String RESTAURANT = """
            query ($id: ID!, $first: Int, $after: String) {
              restaurant(id: $id) {
                rating { average count food service ambience value }
                reviews(first: $first, after: $after) {
                  edges { cursor node { id overall title text author { id } } }
                  pageInfo { hasNextPage endCursor }
                }
              }
            }""";

    @Autowired WebGraphQlTester graphQl;
    @Autowired DSLContext db;

    Visits visits;
    final UUID guest = UUID.randomUUID();
    final LocalDate lastWeek = LocalDate.now().minusDays(7);

    @BeforeEach
    void aRestaurant() {
        visits = Visits.aPublishedRestaurant(db);
    }

    @AfterEach
    void signOut() {
        SignedIn.nobody();
    }

    @Test
    void aGuestReviewsACompletedVisitOnceAndTheRestaurantsRatingFollows() {
        UUID reservation = visits.completed(guest, lastWeek);
        var first = submit(guest, review(reservation, 8, "Lovely dinner", "Grilled fish, kind staff."));
        first.path("submitRestaurantReview.errors").entityList(Object.class).hasSize(0);
        first.path("submitRestaurantReview.review.title").entity(String.class).isEqualTo("Lovely dinner");
        first.path("submitRestaurantReview.review.author.id").entity(String.class).isEqualTo(guest.toString());
        first.path("submitRestaurantReview.review.restaurant.id").entity(String.class)
                .isEqualTo(visits.restaurant().toString());

        UUID other = UUID.randomUUID();
        Map<String, Object> second = new HashMap<>(review(visits.completed(other, lastWeek), 5, "Noisy", "Loud room."));
        second.put("food", 4);
        submit(other, second).path("submitRestaurantReview.errors").entityList(Object.class).hasSize(0);

        var page = restaurant(null, 10);
        page.path("restaurant.rating.count").entity(Integer.class).isEqualTo(2);
        page.path("restaurant.rating.average").entity(Double.class).isEqualTo(6.5);
        page.path("restaurant.rating.food").entity(Double.class).isEqualTo(6.5);
        page.path("restaurant.rating.ambience").entity(Double.class).isEqualTo(7.0);
        page.path("restaurant.rating.value").entity(Double.class).isEqualTo(6.0);
        page.path("restaurant.reviews.edges[*].node.title").entityList(String.class).containsExactly("Noisy",
                "Lovely dinner");
        var stored = db.selectFrom(RESTAURANT_RATING).where(RESTAURANT_RATING.RESTAURANT_ID.eq(visits.restaurant()))
                .fetchSingle();
        assertThat(stored.getAverage()).isEqualByComparingTo("6.50");
        assertThat(stored.getReviewCount()).isEqualTo(2);
        assertThat(stored.getService()).isEqualByComparingTo("8.00");

        var again = submit(guest, review(reservation, 1, "Changed my mind", "Twice?"));
        assertCode(again, "reservationId", "ALREADY_REVIEWED");
        assertThat(reviews()).isEqualTo(2);

        List<String> rated = ratedEvents();
        assertThat(rated).as("one restaurant-rated a review, keyed by the restaurant").hasSize(2);
        assertThat(rated.getLast()).contains("\"count\": 2", "\"average\": 6.50", "\"food\": 6.50");
        await().atMost(Duration.ofSeconds(20)).until(() -> db.fetchCount(OUTBOX,
                OUTBOX.KEY.eq(visits.restaurant().toString()).and(OUTBOX.TOPIC.eq("catalog.restaurant"))
                        .and(OUTBOX.TYPE.eq("restaurant-rated")).and(OUTBOX.PUBLISHED_AT.isNotNull())) == 2);
    }

    @Test
    void onlyTheGuestOfACompletedVisitWithinSixtyDaysMayReview() {
        UUID reservation = visits.completed(guest, lastWeek);
        UUID stranger = UUID.randomUUID();
        UUID noShow = UUID.randomUUID();
        visits.publish(visits.noShowEvent(noShow, guest, lastWeek));
        UUID confirmedOnly = UUID.randomUUID();
        visits.publish(visits.event(UUID.randomUUID().toString(), "reservation.confirmed", confirmedOnly, guest,
                lastWeek));
        UUID longAgo = visits.completed(guest, LocalDate.now().minusDays(61));
        UUID justInTime = visits.completed(guest, LocalDate.now().minusDays(60));
        visits.awaitKnown(noShow);

        SignedIn.nobody();
        assertCode(graphQl.document(SUBMIT).variable("input", review(reservation, 8, "t", "x")).execute(), null,
                "UNAUTHENTICATED");
        assertCode(submit(stranger, review(reservation, 8, "Not mine", "x")), "reservationId", "NOT_REVIEWABLE");
        assertCode(submit(guest, review(noShow, 8, "Never came", "x")), "reservationId", "NOT_REVIEWABLE");
        assertCode(submit(guest, review(confirmedOnly, 8, "Not yet", "x")), "reservationId", "NOT_REVIEWABLE");
        assertCode(submit(guest, review(UUID.randomUUID(), 8, "Unknown", "x")), "reservationId", "NOT_REVIEWABLE");
        Map<String, Object> badId = new HashMap<>(review(reservation, 8, "t", "x"));
        badId.put("reservationId", "../%2e%2e/" + reservation);
        assertCode(submit(guest, badId), "reservationId", "NOT_REVIEWABLE");
        assertCode(submit(guest, review(longAgo, 8, "Late", "x")), "reservationId", "REVIEW_PERIOD_OVER");
        assertThat(reviews()).as("nothing stored for any refusal").isZero();
        assertThat(db.fetchExists(RESTAURANT_VISIT, RESTAURANT_VISIT.RESERVATION_ID.eq(confirmedOnly)))
                .as("only completions and no-shows are recorded").isFalse();

        submit(guest, review(justInTime, 8, "Just in time", "x")).path("submitRestaurantReview.errors")
                .entityList(Object.class).hasSize(0);
        assertThat(reviews()).isEqualTo(1);
    }

    @Test
    void ratingsOutsideOneToTenAndAbsurdTextsAreRefusedAndStoreNothing() {
        UUID reservation = visits.completed(guest, lastWeek);
        Map<String, Object> input = new HashMap<>(review(reservation, 0, "", "x".repeat(100_000)));
        input.put("ambience", 11);
        input.put("food", Integer.MIN_VALUE);
        var refused = submit(guest, input);
        List<String> fields = refused.path("submitRestaurantReview.errors[*].field").entityList(String.class).get();
        List<String> codes = refused.path("submitRestaurantReview.errors[*].code").entityList(String.class).get();
        assertThat(fields).containsExactlyInAnyOrder("overall", "food", "ambience", "title", "text");
        assertThat(codes).containsExactlyInAnyOrder("OUT_OF_RANGE", "OUT_OF_RANGE", "OUT_OF_RANGE", "REQUIRED",
                "TOO_LONG");
        refused.path("submitRestaurantReview.review").valueIsNull();

        assertCode(submit(guest, review(reservation, 8, "Bell\u0007", "x")), "title", "INVALID_CHARACTERS");
        assertCode(submit(guest, review(reservation, 8, "t".repeat(121), "x")), "title", "TOO_LONG");
        assertThat(reviews()).isZero();
        assertThat(db.fetchExists(RESTAURANT_RATING, RESTAURANT_RATING.RESTAURANT_ID.eq(visits.restaurant()))).isFalse();
        assertThat(ratedEvents()).isEmpty();
    }

    @Test
    void aReplayedOrResentCompletedEventGivesOneRightToReviewOnce() {
        UUID reservation = UUID.randomUUID();
        String event = visits.completedEvent(UUID.randomUUID().toString(), reservation, guest, lastWeek);
        visits.publish(event, event, visits.completedEvent(UUID.randomUUID().toString(), reservation, guest, lastWeek));
        visits.completed(guest, lastWeek); // behind them on the same partition: all three were read
        assertThat(db.fetchCount(RESTAURANT_VISIT, RESTAURANT_VISIT.RESERVATION_ID.eq(reservation))).isEqualTo(1);

        submit(guest, review(reservation, 9, "Great", "x")).path("submitRestaurantReview.errors")
                .entityList(Object.class).hasSize(0);
        visits.publish(event, visits.completedEvent(UUID.randomUUID().toString(), reservation, guest, lastWeek));
        visits.completed(guest, lastWeek);
        assertCode(submit(guest, review(reservation, 9, "Again", "x")), "reservationId", "ALREADY_REVIEWED");
        assertThat(reviews()).isEqualTo(1);
    }

    @Test
    void aNoShowMarkedAfterTheVisitCompletedTakesBackTheReviewAndItsRating() {
        UUID reservation = visits.completed(guest, lastWeek);
        UUID other = UUID.randomUUID();
        submit(other, review(visits.completed(other, lastWeek), 4, "Meh", "x"));
        submit(guest, review(reservation, 10, "Best ever", "x")).path("submitRestaurantReview.errors")
                .entityList(Object.class).hasSize(0);
        restaurant(null, 10).path("restaurant.rating.average").entity(Double.class).isEqualTo(7.0);

        visits.publish(visits.noShowEvent(reservation, guest, lastWeek));
        await().atMost(Duration.ofSeconds(30)).until(() -> reviews() == 1);
        var page = restaurant(null, 10);
        page.path("restaurant.rating.average").entity(Double.class).isEqualTo(4.0);
        page.path("restaurant.rating.count").entity(Integer.class).isEqualTo(1);
        page.path("restaurant.reviews.edges[*].node.title").entityList(String.class).containsExactly("Meh");
        assertThat(ratedEvents().getLast()).contains("\"count\": 1", "\"average\": 4.00");

        // a completion re-sent afterwards does not give the right back
        visits.publish(visits.completedEvent(UUID.randomUUID().toString(), reservation, guest, lastWeek));
        visits.completed(guest, lastWeek);
        assertCode(submit(guest, review(reservation, 10, "Again", "x")), "reservationId", "NOT_REVIEWABLE");
        assertThat(reviews()).isEqualTo(1);
    }

    @Test
    void reviewsArePagedNewestFirstWithoutRepeatsOrGaps() {
        for (int i = 0; i < 5; i++) {
            UUID author = UUID.randomUUID();
            submit(author, review(visits.completed(author, lastWeek), 1 + i, "review " + i, "x"))
                    .path("submitRestaurantReview.errors").entityList(Object.class).hasSize(0);
        }
        List<String> seen = new ArrayList<>();
        String after = null;
        boolean more = true;
        int pages = 0;
        while (more) {
            var page = restaurant(after, 2);
            seen.addAll(page.path("restaurant.reviews.edges[*].node.title").entityList(String.class).get());
            more = page.path("restaurant.reviews.pageInfo.hasNextPage").entity(Boolean.class).get();
            after = page.path("restaurant.reviews.pageInfo.endCursor").entity(String.class).get();
            pages++;
        }
        assertThat(seen).containsExactly("review 4", "review 3", "review 2", "review 1", "review 0");
        assertThat(pages).isEqualTo(3);

        badInput("bm90LWEtY3Vyc29y", 2, "INVALID_CURSOR");
        badInput("%2e%2e%2f", 2, "INVALID_CURSOR");
        badInput(null, 51, "OUT_OF_RANGE");
        badInput(null, 0, "OUT_OF_RANGE");
        badInput(null, Integer.MAX_VALUE, "OUT_OF_RANGE");
    }

    @Test
    void manyGuestsReviewingAtOnceAreAllCounted() throws Exception {
        int guests = 10;
        List<UUID> authors = new ArrayList<>();
        List<UUID> reservations = new ArrayList<>();
        for (int i = 0; i < guests; i++) {
            authors.add(UUID.randomUUID());
            reservations.add(visits.completed(authors.get(i), lastWeek));
        }
        try (var pool = Executors.newFixedThreadPool(guests)) {
            List<Future<?>> done = new ArrayList<>();
            for (int i = 0; i < guests; i++) {
                int n = i;
                done.add(pool.submit(() -> submit(authors.get(n), review(reservations.get(n), 1 + n, "t", "x"))
                        .path("submitRestaurantReview.errors").entityList(Object.class).hasSize(0)));
            }
            for (var f : done) {
                f.get();
            }
        }
        var stored = db.selectFrom(RESTAURANT_RATING).where(RESTAURANT_RATING.RESTAURANT_ID.eq(visits.restaurant()))
                .fetchSingle();
        assertThat(stored.getReviewCount()).isEqualTo(guests);
        assertThat(stored.getAverage()).isEqualByComparingTo(new BigDecimal("5.50")); // (1 + ... + 10) / 10
    }

    GraphQlTester.Response submit(UUID author, Map<String, Object> input) {
        SignedIn.as(author, "guest");
        try {
            return graphQl.document(SUBMIT).variable("input", input).execute();
        } finally {
            SignedIn.nobody();
        }
    }

    GraphQlTester.Response restaurant(String after, int first) {
        return graphQl.document(RESTAURANT).variable("id", visits.restaurant().toString()).variable("first", first)
                .variable("after", after).execute();
    }

    private void badInput(String after, int first, String reason) {
        restaurant(after, first).errors().satisfy(errors -> assertThat(errors).singleElement()
                .satisfies(e -> assertThat(e.getExtensions()).containsEntry("code", "BAD_USER_INPUT")
                        .containsEntry("reason", reason)));
    }

    static void assertCode(GraphQlTester.Response response, String field, String code) {
        response.path("submitRestaurantReview.errors[0].code").entity(String.class).isEqualTo(code);
        if (field == null) {
            response.path("submitRestaurantReview.errors[0].field").valueIsNull();
        } else {
            response.path("submitRestaurantReview.errors[0].field").entity(String.class).isEqualTo(field);
        }
        response.path("submitRestaurantReview.review").valueIsNull();
    }

    private int reviews() {
        return db.fetchCount(RESTAURANT_REVIEW, RESTAURANT_REVIEW.RESTAURANT_ID.eq(visits.restaurant()));
    }

    private List<String> ratedEvents() {
        return db.select(OUTBOX.PAYLOAD).from(OUTBOX).where(OUTBOX.KEY.eq(visits.restaurant().toString()))
                .and(OUTBOX.TYPE.eq("restaurant-rated")).orderBy(OUTBOX.SEQ).fetch(r -> r.value1().data());
    }
}
