package dev.stay.catalog.restaurantreview;

import static dev.stay.catalog.db.Tables.RESTAURANT_VISIT;
import static dev.stay.catalog.restaurantreview.Visits.review;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.stay.common.test.DeadLetters;
import dev.stay.common.test.SignedIn;
import dev.stay.common.test.SubgraphTest;
import dev.stay.common.test.SubgraphTestSupport.StatementCounter;
import dev.stay.devstack.engines.Engines;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jooq.DSLContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.graphql.test.tester.GraphQlTester;
import org.springframework.graphql.test.tester.WebGraphQlTester;

/**
 * What cannot be read of booking's reservations goes to the dead letters and the visits behind it still count; what
 * arrives while the database is away is recorded once it is back; a page
 * of restaurants reads its ratings and its reviews in one statement each, however many restaurants it has.
 */
@SubgraphTest
class RestaurantReviewFeedIT {

    static final DeadLetters DEAD_LETTERS = new DeadLetters(ReviewableVisits.TOPIC + ".DLT");
    static final String ENTITIES = """
            query ($reps: [_Any!]!) { _entities(representations: $reps) { ... on Restaurant { id %s } } }""";
    static final String REVIEWED = """
            rating { average count } reviews(first: 2) { edges { node { title author { id } } } pageInfo { hasNextPage } }""";

    @Autowired WebGraphQlTester graphQl;
    @Autowired DSLContext db;
    @Autowired StatementCounter statements;

    @AfterEach
    void signOut() {
        SignedIn.nobody();
    }

    @Test
    void poisonEventsAreDeadLetteredAndTheVisitsBehindThemStillCount() {
        Visits visits = Visits.aPublishedRestaurant(db);
        UUID guest = UUID.randomUUID();
        UUID noGuest = UUID.randomUUID();
        String withoutGuest = visits.completedEvent(UUID.randomUUID().toString(), noGuest, guest, LocalDate.now())
                .replace("\"guestId\":\"" + guest + "\",", "");
        // one key, so one partition: the visit behind the poison is read only if the poison is got out of the way
        visits.publish("{\"poison\":true}", "not json at all", withoutGuest);
        UUID behind = visits.completed(guest, LocalDate.now().minusDays(1));

        assertThat(DEAD_LETTERS.withKey(visits.restaurant())).extracting(DeadLetters.Letter::value)
                .containsExactly("{\"poison\":true}", "not json at all", withoutGuest);
        assertThat(db.fetchExists(RESTAURANT_VISIT, RESTAURANT_VISIT.RESERVATION_ID.eq(noGuest))).isFalse();
        SignedIn.as(guest, "guest");
        graphQl.document(RestaurantReviewsIT.SUBMIT).variable("input", review(behind, 9, "Fine", "x")).execute()
                .path("submitRestaurantReview.errors").entityList(Object.class).hasSize(0);
    }

    @Test
    void visitsAnnouncedWhileTheDatabaseIsStoppedAreEachRecordedOnceWhenItIsBack() throws Exception {
        Visits visits = Visits.aPublishedRestaurant(db);
        UUID guest = UUID.randomUUID();
        List<UUID> reservations = new ArrayList<>();
        List<String> events = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            reservations.add(UUID.randomUUID());
            events.add(visits.completedEvent(UUID.randomUUID().toString(), reservations.get(i), guest,
                    LocalDate.now().minusDays(1)));
        }
        Engines.shared().postgres().stop();
        try {
            visits.publish(events.toArray(String[]::new));
            visits.publish(events.getFirst()); // and a copy of the first
            // the database stays away longer than a listener without back-off would retry (the tests' pool gives up
            // on a connection after 1 s): what this test is about, not a wait for a result
            Thread.sleep(8_000);
        } finally {
            Engines.shared().postgres().start();
        }

        await().atMost(Duration.ofSeconds(90)).ignoreExceptions().until(() ->
                db.fetchCount(RESTAURANT_VISIT, RESTAURANT_VISIT.RESERVATION_ID.in(reservations)) == 6);
        assertThat(DEAD_LETTERS.withKey(visits.restaurant())).as("nothing lost to the dead letters").isEmpty();
        SignedIn.as(guest, "guest");
        graphQl.document(RestaurantReviewsIT.SUBMIT).variable("input", review(reservations.getLast(), 7, "Back", "x"))
                .execute().path("submitRestaurantReview.errors").entityList(Object.class).hasSize(0);
    }

    @Test
    void aPageOfRestaurantsReadsItsRatingsAndReviewsInOneStatementEach() {
        List<UUID> restaurants = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            Visits visits = Visits.aPublishedRestaurant(db);
            restaurants.add(visits.restaurant());
            for (int n = 0; n < 3; n++) {
                UUID author = UUID.randomUUID();
                UUID reservation = visits.completed(author, LocalDate.now().minusDays(2));
                SignedIn.as(author, "guest");
                graphQl.document(RestaurantReviewsIT.SUBMIT)
                        .variable("input", review(reservation, 1 + i, "r" + i + "." + n, "x")).execute()
                        .path("submitRestaurantReview.errors").entityList(Object.class).hasSize(0);
            }
        }
        SignedIn.nobody();

        int oneBare = count(restaurants.subList(0, 1), "");
        int oneReviewed = count(restaurants.subList(0, 1), REVIEWED);
        int sixBare = count(restaurants, "");
        var six = entities(restaurants, REVIEWED);
        int sixReviewed = statements.reset();

        assertThat(oneReviewed - oneBare).as("ratings and reviews of one restaurant").isEqualTo(2);
        assertThat(sixReviewed - sixBare).as("ratings and reviews of six: still two statements").isEqualTo(2);
        for (int i = 0; i < 6; i++) {
            six.path("_entities[" + i + "].rating.count").entity(Integer.class).isEqualTo(3);
            six.path("_entities[" + i + "].rating.average").entity(Double.class).isEqualTo(1.0 + i);
            six.path("_entities[" + i + "].reviews.edges[*].node.title").entityList(String.class)
                    .containsExactly("r" + i + ".2", "r" + i + ".1");
            six.path("_entities[" + i + "].reviews.pageInfo.hasNextPage").entity(Boolean.class).isEqualTo(true);
        }
    }

    private int count(List<UUID> restaurants, String fields) {
        statements.reset();
        entities(restaurants, fields).path("_entities").entityList(Object.class).hasSize(restaurants.size());
        return statements.reset();
    }

    private GraphQlTester.Response entities(List<UUID> restaurants, String fields) {
        statements.reset();
        return graphQl.document(ENTITIES.formatted(fields))
                .variable("reps", restaurants.stream().map(id -> Map.of("__typename", "Restaurant", "id", id.toString()))
                        .toList())
                .execute();
    }
}
