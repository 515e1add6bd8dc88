package dev.stay.booking.reservation;

import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static dev.stay.booking.db.Tables.BOOKING;
import static dev.stay.booking.db.Tables.IDEMPOTENCY_KEY;
import static dev.stay.booking.db.Tables.OUTBOX;
import static dev.stay.booking.reservation.BookingFixtures.answer;
import static dev.stay.booking.reservation.BookingFixtures.bookingId;
import static dev.stay.booking.reservation.BookingFixtures.paymentProvider;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import dev.stay.common.test.DeadLetters;
import dev.stay.common.test.SubgraphTest;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.jooq.DSLContext;
import org.springframework.dao.DataIntegrityViolationException;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.graphql.test.tester.GraphQlTester;
import org.springframework.graphql.test.tester.WebGraphQlTester;

@SubgraphTest
class CreateBookingIT {

    @Autowired WebGraphQlTester graphQl;
    @Autowired DSLContext db;
    @Autowired IdempotencyKeys keys;

    @Test
    void aGuestBooksAndPaysAndTheBookingIsConfirmedAndAnnounced() {
        var hotel = BookingFixtures.aHotelWithRoomsLeft(db, graphQl, 3);
        UUID guest = UUID.randomUUID();

        var response = hotel.book(guest, "key-" + UUID.randomUUID(), hotel.input("tok_ok"));

        assertThat(answer(response)).isEqualTo("BookingConfirmed");
        response.path("createBooking.booking.status").entity(String.class).isEqualTo("CONFIRMED")
                .path("createBooking.booking.reference").entity(String.class).satisfies(r -> assertThat(r).matches("STY-[0-9A-Z]{6}"))
                .path("createBooking.booking.payment.status").entity(String.class).isEqualTo("CHARGED")
                .path("createBooking.booking.payment.charged.amount").entity(String.class).isEqualTo("200.00")
                .path("createBooking.booking.totalPrice.amount").entity(String.class).isEqualTo("200.00")
                .path("createBooking.booking.nightlyPrices[1].price.amount").entity(String.class).isEqualTo("100.00")
                .path("createBooking.booking.guest.id").entity(String.class).isEqualTo(guest.toString())
                .path("createBooking.booking.hotel.id").entity(String.class).isEqualTo(hotel.hotel().toString())
                .path("createBooking.booking.holdExpiresAt").valueIsNull();
        hotel.assertRoomsTaken(1);
        assertThat(db.select(OUTBOX.TYPE).from(OUTBOX).where(OUTBOX.KEY.eq(hotel.hotel().toString()))
                .and(OUTBOX.TOPIC.eq("booking.booking")).orderBy(OUTBOX.SEQ).fetch(OUTBOX.TYPE))
                .containsExactly("booking.held", "booking.confirmed");
    }

    @Test
    void lastRoomGoesToExactlyOneOfFiftyConcurrentGuests() throws Exception {
        var hotel = BookingFixtures.aHotelWithRoomsLeft(db, graphQl, 1);
        int chargesBefore = charges();

        List<String> answers = concurrently(50, i -> hotel.book(UUID.randomUUID(), "key-" + i, hotel.input("tok_ok")));

        assertThat(answers).filteredOn("BookingConfirmed"::equals).hasSize(1);
        assertThat(answers).filteredOn("SoldOut"::equals).hasSize(49);
        hotel.assertRoomsTaken(1);
        assertThat(hotel.bookings()).isEqualTo(1);
        assertThat(charges() - chargesBefore).isEqualTo(1);
    }

    @Test
    void twentyConcurrentReplaysOfOneKeyBookAndChargeOnce() throws Exception {
        var hotel = BookingFixtures.aHotelWithRoomsLeft(db, graphQl, 5);
        UUID guest = UUID.randomUUID();
        String key = "key-" + UUID.randomUUID();
        int chargesBefore = charges();

        List<String> answers = concurrently(20, i -> hotel.book(guest, key, hotel.input("tok_ok")));

        assertThat(answers).containsOnly("BookingConfirmed");
        assertThat(hotel.bookings()).isEqualTo(1);
        hotel.assertRoomsTaken(1);
        UUID booking = db.select(BOOKING.ID).from(BOOKING).where(BOOKING.PROPERTY_ID.eq(hotel.hotel())).fetchOne(BOOKING.ID);
        assertThat(paymentProvider().findAll(postRequestedFor(urlEqualTo("/v1/charges"))
                .withRequestBody(matchingJsonPath("$.reference", com.github.tomakehurst.wiremock.client.WireMock.equalTo(
                        db.select(BOOKING.REFERENCE).from(BOOKING).where(BOOKING.ID.eq(booking)).fetchOne(BOOKING.REFERENCE))))))
                .hasSize(1);
        assertThat(charges() - chargesBefore).as("POST /v1/charges in the provider's journal").isEqualTo(1);
    }

    @Test
    void aReplayAnswersTheSameBookingAndAnotherGuestsSameKeyIsTheirOwn() {
        var hotel = BookingFixtures.aHotelWithRoomsLeft(db, graphQl, 5);
        UUID guest = UUID.randomUUID();

        UUID first = bookingId(hotel.book(guest, "same-key", hotel.input("tok_ok")));
        UUID replay = bookingId(hotel.book(guest, "same-key", hotel.input("tok_ok")));
        UUID someoneElse = bookingId(hotel.book(UUID.randomUUID(), "same-key", hotel.input("tok_ok")));

        assertThat(replay).isEqualTo(first);
        assertThat(someoneElse).as("keys are scoped to the caller").isNotEqualTo(first);
        hotel.assertRoomsTaken(2);
    }

    @Test
    void theSameKeyWithOtherInputIsRefusedAndChangesNothing() {
        var hotel = BookingFixtures.aHotelWithRoomsLeft(db, graphQl, 5);
        UUID guest = UUID.randomUUID();
        hotel.book(guest, "k1", hotel.input("tok_ok"));
        Map<String, Object> other = hotel.input("tok_ok");
        other.put("rooms", 2);
        other.put("quotedTotal", Map.of("amount", "400.00", "currency", "EUR"));

        var response = hotel.book(guest, "k1", other);

        assertThat(answer(response)).isEqualTo("BookingRejected");
        response.path("createBooking.code").entity(String.class).isEqualTo("IDEMPOTENCY_KEY_REUSED");
        hotel.assertRoomsTaken(1);
        assertThat(hotel.bookings()).isEqualTo(1);
    }

    @Test
    void keysAreKeptADayAtLeastThenPruned() {
        var hotel = BookingFixtures.aHotelWithRoomsLeft(db, graphQl, 5);
        UUID guest = UUID.randomUUID();
        UUID first = bookingId(hotel.book(guest, "kept", hotel.input("tok_ok")));
        UUID old = bookingId(hotel.book(guest, "old", hotel.input("tok_ok")));
        db.update(IDEMPOTENCY_KEY).set(IDEMPOTENCY_KEY.CREATED_AT, OffsetDateTime.now().minusHours(23))
                .where(IDEMPOTENCY_KEY.CALLER_ID.eq(guest)).and(IDEMPOTENCY_KEY.KEY.eq("kept")).execute();
        db.update(IDEMPOTENCY_KEY).set(IDEMPOTENCY_KEY.CREATED_AT, OffsetDateTime.now().minusDays(3))
                .where(IDEMPOTENCY_KEY.CALLER_ID.eq(guest)).and(IDEMPOTENCY_KEY.KEY.eq("old")).execute();

        keys.prune();

        assertThat(db.select(IDEMPOTENCY_KEY.KEY).from(IDEMPOTENCY_KEY).where(IDEMPOTENCY_KEY.CALLER_ID.eq(guest))
                .fetch(IDEMPOTENCY_KEY.KEY)).containsExactly("kept");
        assertThat(bookingId(hotel.book(guest, "kept", hotel.input("tok_ok")))).isEqualTo(first);
        assertThat(old).isNotNull();
    }

    @Test
    void aStaleQuoteIsAnsweredWithTheLiveTotalAndTakesNothing() {
        var hotel = BookingFixtures.aHotelWithRoomsLeft(db, graphQl, 5);
        Map<String, Object> input = hotel.input("tok_ok");
        input.put("quotedTotal", Map.of("amount", "180.00", "currency", "EUR"));

        var response = hotel.book(UUID.randomUUID(), "k", input);

        assertThat(answer(response)).isEqualTo("PriceChanged");
        response.path("createBooking.totalPrice.amount").entity(String.class).isEqualTo("200.00")
                .path("createBooking.quotedTotal.amount").entity(String.class).isEqualTo("180.00");
        hotel.assertRoomsTaken(0);
        assertThat(hotel.bookings()).isZero();
    }

    @Test
    void badInputIsRejectedWithACodeAndNobodySignedInMayBook() {
        var hotel = BookingFixtures.aHotelWithRoomsLeft(db, graphQl, 5);
        Map<String, Object> tooMany = hotel.input("tok_ok");
        tooMany.put("guests", 6);
        tooMany.put("rooms", 2);
        Map<String, Object> backwards = hotel.input("tok_ok");
        backwards.put("checkOut", hotel.checkIn().minusDays(1).toString());
        Map<String, Object> escape = hotel.input("tok_ok");
        escape.put("note", "late arrival\u001b[2J");

        assertThat(rejection(hotel.book(UUID.randomUUID(), "a", tooMany))).isEqualTo("PARTY_TOO_LARGE");
        assertThat(rejection(hotel.book(UUID.randomUUID(), "b", backwards))).isEqualTo("INVALID_DATES");
        assertThat(rejection(hotel.book(UUID.randomUUID(), "c", escape))).isEqualTo("INVALID_CHARACTERS");
        assertThat(rejection(graphQl.document(BookingFixtures.CREATE).variable("input", hotel.input("tok_ok"))
                .variable("key", "d").execute())).isEqualTo("UNAUTHENTICATED");
        hotel.assertRoomsTaken(0);
        assertThat(hotel.bookings()).isZero();
    }

    @Test
    void theDatabaseRefusesABookingThatMakesNoSense() {
        var hotel = BookingFixtures.aHotelWithRoomsLeft(db, graphQl, 5);
        UUID booking = bookingId(hotel.book(UUID.randomUUID(), "k", hotel.input("tok_ok")));

        assertThatThrownBy(() -> db.update(BOOKING).set(BOOKING.ROOMS, 0).where(BOOKING.ID.eq(booking)).execute())
                .isInstanceOf(DataIntegrityViolationException.class);
        assertThatThrownBy(() -> db.update(BOOKING).set(BOOKING.CHECK_OUT, hotel.checkIn()).where(BOOKING.ID.eq(booking))
                .execute()).isInstanceOf(DataIntegrityViolationException.class);
        assertThatThrownBy(() -> db.update(BOOKING).set(BOOKING.STATUS, "LOST").where(BOOKING.ID.eq(booking)).execute())
                .isInstanceOf(DataIntegrityViolationException.class);
        assertThatThrownBy(() -> db.update(BOOKING).set(BOOKING.STATUS, "EXPIRED").where(BOOKING.ID.eq(booking)).execute())
                .as("a booking that did not happen keeps no money").isInstanceOf(DataIntegrityViolationException.class);
        assertThat(hotel.status(booking)).isEqualTo("CONFIRMED");
    }

    @Test
    void theConfirmationReachesKafkaKeyedByTheHotel() {
        var hotel = BookingFixtures.aHotelWithRoomsLeft(db, graphQl, 5);
        UUID booking = bookingId(hotel.book(UUID.randomUUID(), "k", hotel.input("tok_ok")));

        // DeadLetters reads any topic from its beginning to its end, keeping the records of one key
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(new DeadLetters("booking.booking")
                .withKey(hotel.hotel()))
                .extracting(DeadLetters.Letter::value)
                .anySatisfy(v -> assertThat(v).contains("\"type\":\"booking.held\"").contains(booking.toString()))
                .anySatisfy(v -> assertThat(v).contains("\"type\":\"booking.confirmed\"").contains(booking.toString())));
    }

    private static String rejection(GraphQlTester.Response response) {
        return response.path("createBooking.code").entity(String.class).get();
    }

    private static int charges() {
        return paymentProvider().findAll(postRequestedFor(urlEqualTo("/v1/charges"))).size();
    }

    interface Call {
        GraphQlTester.Response call(int i);
    }

    /** Runs the calls at once, each on its own thread, and gives back each one's answer type. */
    private static List<String> concurrently(int n, Call call) throws Exception {
        ExecutorService threads = Executors.newFixedThreadPool(n);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<String>> answers = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                int index = i;
                Callable<String> task = () -> {
                    start.await();
                    return answer(call.call(index));
                };
                answers.add(threads.submit(task));
            }
            start.countDown();
            List<String> result = new ArrayList<>();
            for (Future<String> answer : answers) {
                result.add(answer.get());
            }
            return result;
        } finally {
            threads.shutdownNow();
        }
    }
}
