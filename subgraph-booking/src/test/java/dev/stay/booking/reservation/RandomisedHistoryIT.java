package dev.stay.booking.reservation;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static dev.stay.booking.db.Tables.BOOKING;
import static dev.stay.booking.db.Tables.BOOKING_CHANGE;
import static dev.stay.booking.db.Tables.INVENTORY_NIGHT;
import static dev.stay.booking.db.Tables.PROPERTY;
import static dev.stay.booking.db.Tables.UNIT_TYPE;
import static dev.stay.booking.reservation.BookingFixtures.paymentProvider;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import dev.stay.booking.db.tables.records.BookingRecord;
import dev.stay.booking.db.tables.records.PropertyRecord;
import dev.stay.booking.db.tables.records.UnitTypeRecord;
import dev.stay.common.test.SignedIn;
import dev.stay.common.test.SubgraphTest;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.graphql.test.tester.GraphQlTester;
import org.springframework.graphql.test.tester.WebGraphQlTester;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Sixteen guests book, cancel and move their stays at once over three small room types and ten nights, with
 * declines, timeouts, connection resets and 5xx injected and some requests replayed with their key. Each seed fixes
 * what every guest asks (the interleaving is the machine's); it is printed so a failure can be replayed. Once the
 * history has settled (reconciliation, sweeper and refund retries run by hand, the provider's lookups answering
 * from its own journal), the rooms taken and the money the provider holds are checked against the bookings.
 *
 * <p>Changes of dates pay with the same mix of cards as bookings: a dearer stay holds its old and new nights until its
 * extra charge is settled ({@link MovingStay}), so a declined one keeps the booking on its dates however the other
 * guests book meanwhile, and one with no clear answer is settled by the reconciliation like a booking's charge.
 */
@SubgraphTest
class RandomisedHistoryIT {

    private static final int GUESTS = 16;
    private static final int OPERATIONS_PER_GUEST = 128;
    private static final int NIGHTS = 10;
    private static final int[] ROOMS_ON_SALE = {2, 3, 4};
    private static final String[] PRICES = {"80.00", "100.00", "125.00"};
    private static final Pattern KEY = Pattern.compile(
            "booking-([0-9a-f-]{36})-(charge|refund|cancel-refund|change-(\\d+)-(charge|refund))");
    private static final JsonMapper JSON = JsonMapper.builder().build();
    /** Longer than the slowest stubbed answer (tok_timeout, 6 s). */
    private static final Duration IN_FLIGHT = Duration.ofSeconds(10);

    private static final String CREATE = """
            mutation ($input: CreateBookingInput!, $key: ID!) {
              createBooking(input: $input, idempotencyKey: $key) {
                __typename
                ... on BookingConfirmed { booking { id } }
                ... on BookingPending { booking { id } }
                ... on PaymentDeclined { booking { id } }
                ... on BookingRejected { code }
              }
            }""";
    private static final String CANCEL = """
            mutation ($id: ID!, $key: ID!) {
              cancelBooking(id: $id, idempotencyKey: $key) { __typename ... on BookingRejected { code } }
            }""";
    private static final String CHANGE = """
            mutation ($id: ID!, $in: Date!, $out: Date!, $key: ID!, $token: String) {
              changeBookingDates(id: $id, checkIn: $in, checkOut: $out, idempotencyKey: $key, paymentToken: $token) {
                __typename ... on BookingRejected { code }
              }
            }""";

    @Autowired WebGraphQlTester graphQl;
    @Autowired DSLContext db;
    @Autowired PaymentReconciliation reconciliation;
    @Autowired HoldSweeper sweeper;
    @Autowired Refunds refunds;

    /**
     * This proves what the history leaves behind, not how fast it runs: on a loaded build machine the first of
     * sixteen concurrent requests in a cold JVM can take longer than the tester's default 5 s.
     */
    @BeforeEach
    void patientClient() {
        graphQl = graphQl.mutate().responseTimeout(Duration.ofSeconds(30)).build();
    }

    @ParameterizedTest(name = "seed {0}")
    @ValueSource(longs = {20261130L, 7L, 424242L})
    void aConcurrentHistorySettlesWithEveryRoomAndEveryCoinAccountedFor(long seed) throws Exception {
        System.out.println("RandomisedHistoryIT seed " + seed);
        Date started = new Date();
        var hotel = Hotel.create(db);
        var history = new History();

        var pool = Executors.newFixedThreadPool(GUESTS);
        try {
            var start = new CountDownLatch(1);
            List<Future<?>> guests = new ArrayList<>();
            for (int g = 0; g < GUESTS; g++) {
                var guest = new Guest(UUID.randomUUID(), new Random(seed * 1_000_003L + g), hotel, history);
                guests.add(pool.submit(() -> {
                    start.await();
                    guest.live();
                    return null;
                }));
            }
            start.countDown();
            Exception failed = null;
            for (var guest : guests) { // every guest ends before any failure is told: none is left running
                try {
                    guest.get();
                } catch (Exception e) {
                    failed = failed == null ? e : failed;
                }
            }
            if (failed != null) {
                throw failed;
            }
        } finally {
            pool.shutdownNow();
        }
        System.out.println("RandomisedHistoryIT seed " + seed + ": " + history);
        assertThat(history.replaysAnsweredOtherwise).as("replays answered otherwise than the first request").isEmpty();

        settle(hotel, started, java.time.Instant.now());

        var bookings = db.selectFrom(BOOKING).where(BOOKING.PROPERTY_ID.eq(hotel.id)).fetchMap(BOOKING.ID);
        assertThat(bookings.values()).as("bookings made").hasSizeGreaterThan(GUESTS);
        roomsTakenAreTheRoomsOfLiveBookings(hotel, bookings.values());
        var journal = Journal.since(started);
        everyChargeAndRefundBelongsToItsBooking(journal, bookings);
        moneyKeptIsWhatTheBookingsKeep(journal, bookings);
    }

    /** Until nothing is held or owed: lookups answer as the provider's journal says, holds are swept, refunds sent. */
    private void settle(Hotel hotel, Date started, java.time.Instant ended) {
        Set<String> stubbed = ConcurrentHashMap.newKeySet();
        var left = new java.util.concurrent.atomic.AtomicReference<String>("nothing looked at yet");
        try {
            awaitSettled(hotel, started, ended, stubbed, left);
        } catch (org.awaitility.core.ConditionTimeoutException e) {
            throw new AssertionError("the history did not settle; left: " + left.get(), e);
        }
    }

    /**
     * A charge not in the provider's journal yet may still be on its way (tok_timeout answers after 6 s) or may never
     * have reached it (a connection refused or not made in time on a loaded machine): it is waited for until
     * {@link #IN_FLIGHT} after the history ended, after which the provider's lookup rightly answers that it holds none.
     */
    private void awaitSettled(Hotel hotel, Date started, java.time.Instant ended, Set<String> stubbed,
                              java.util.concurrent.atomic.AtomicReference<String> left) {
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200)).until(() -> {
            var held = db.select(BOOKING.ID).from(BOOKING).where(BOOKING.PROPERTY_ID.eq(hotel.id))
                    .and(BOOKING.STATUS.eq(BookingStatus.HELD)).fetch(BOOKING.ID);
            var journal = Journal.since(started);
            for (UUID id : held) {
                String key = PaymentSettlement.chargeKey(id);
                if (!journal.sent(key) && java.time.Instant.now().isBefore(ended.plus(IN_FLIGHT))) {
                    left.set("held booking " + id + ": its charge is not in the provider's journal");
                    return false; // the charge has not reached the provider's journal yet: ask again
                }
                if (journal.succeeded.containsKey(key) && stubbed.add(key)) {
                    answersFromItsJournal(key, journal);
                }
            }
            var changing = db.select(BOOKING_CHANGE.BOOKING_ID, BOOKING_CHANGE.CHANGE).from(BOOKING_CHANGE)
                    .join(BOOKING).on(BOOKING.ID.eq(BOOKING_CHANGE.BOOKING_ID))
                    .where(BOOKING.PROPERTY_ID.eq(hotel.id)).and(BOOKING_CHANGE.STATUS.in(BookingChanges.OPEN))
                    .fetch();
            for (var change : changing) {
                String key = MovingStay.chargeKey(change.value1(), change.value2());
                if (!journal.sent(key) && java.time.Instant.now().isBefore(ended.plus(IN_FLIGHT))) {
                    left.set("open change " + key + ": its charge is not in the provider's journal");
                    return false;
                }
                if (journal.succeeded.containsKey(key) && stubbed.add(key)) {
                    answersFromItsJournal(key, journal);
                }
            }
            reconciliation.reconcile();
            db.update(BOOKING).set(BOOKING.HOLD_EXPIRES_AT, OffsetDateTime.now().minusMinutes(1))
                    .where(BOOKING.PROPERTY_ID.eq(hotel.id)).and(BOOKING.STATUS.eq(BookingStatus.HELD)).execute();
            sweeper.sweep();
            refunds.retry();
            var unsettled = db.select(BOOKING.ID, BOOKING.STATUS, BOOKING.PAYMENT_STATUS, BOOKING.REFUND_DUE,
                            BOOKING.REFUND_NEXT_AT, BOOKING.REFUND_ATTEMPTS).from(BOOKING)
                    .where(BOOKING.PROPERTY_ID.eq(hotel.id))
                    .and(BOOKING.STATUS.eq(BookingStatus.HELD).or(BOOKING.REFUND_DUE.isNotNull())
                            .or(DSL.exists(DSL.selectOne().from(BOOKING_CHANGE)
                                    .where(BOOKING_CHANGE.BOOKING_ID.eq(BOOKING.ID))
                                    .and(BOOKING_CHANGE.STATUS.in(BookingChanges.OPEN)))))
                    .fetch();
            left.set("unsettled bookings " + unsettled.formatCSV());
            return unsettled.isEmpty();
        });
    }

    /** The provider's lookup by this key answers the charge its journal shows it made. */
    private static void answersFromItsJournal(String key, Journal journal) {
        paymentProvider().stubFor(get(urlPathEqualTo("/v1/charges"))
                .withQueryParam("idempotencyKey", equalTo(key)).atPriority(1)
                .willReturn(okJson("{\"id\":\"" + journal.succeeded.get(key) + "\",\"status\":\"succeeded\"}")));
    }

    private void roomsTakenAreTheRoomsOfLiveBookings(Hotel hotel, Iterable<BookingRecord> bookings) {
        for (int t = 0; t < hotel.roomTypes.size(); t++) {
            UUID roomType = hotel.roomTypes.get(t);
            Map<LocalDate, Integer> taken = db.select(INVENTORY_NIGHT.NIGHT, INVENTORY_NIGHT.TAKEN_UNITS)
                    .from(INVENTORY_NIGHT).where(INVENTORY_NIGHT.UNIT_TYPE_ID.eq(roomType))
                    .fetchMap(INVENTORY_NIGHT.NIGHT, INVENTORY_NIGHT.TAKEN_UNITS);
            Map<LocalDate, Integer> live = new TreeMap<>();
            for (var b : bookings) {
                if (b.getUnitTypeId().equals(roomType) && (b.getStatus().equals(BookingStatus.CONFIRMED)
                        || b.getStatus().equals(BookingStatus.HELD))) {
                    b.getCheckIn().datesUntil(b.getCheckOut()).forEach(n -> live.merge(n, b.getRooms(), Integer::sum));
                }
            }
            for (LocalDate night = hotel.firstNight.minusDays(1); night.isBefore(hotel.firstNight.plusDays(NIGHTS + 1));
                 night = night.plusDays(1)) {
                int rooms = taken.getOrDefault(night, 0);
                assertThat(rooms).as("rooms taken on %s of room type %d: those of its live bookings", night, t)
                        .isEqualTo(live.getOrDefault(night, 0));
                assertThat(rooms).as("rooms taken on %s of room type %d: no more than on sale", night, t)
                        .isLessThanOrEqualTo(ROOMS_ON_SALE[t]);
            }
        }
    }

    private static void everyChargeAndRefundBelongsToItsBooking(Journal journal, Map<UUID, BookingRecord> bookings) {
        assertThat(journal.amountsByKey).as("one amount under each charge or refund key: never two under one key")
                .allSatisfy((key, amounts) -> assertThat(amounts).as(key).hasSize(1));
        for (String key : journal.succeeded.keySet()) {
            Matcher m = KEY.matcher(key);
            assertThat(m.matches()).as("charge key %s names a booking's charge", key).isTrue();
            var b = bookings.get(UUID.fromString(m.group(1)));
            assertThat(b).as("the booking charged under %s", key).isNotNull();
            if (m.group(3) != null) {
                assertThat(m.group(4)).as(key).isEqualTo("charge");
                assertThat(Integer.parseInt(m.group(3))).as("%s: a change the booking made", key)
                        .isBetween(1, b.getChanges());
            } else {
                assertThat(m.group(2)).as(key).isEqualTo("charge");
            }
        }
        for (var refund : journal.refunds.entrySet()) {
            String key = refund.getKey();
            Matcher m = KEY.matcher(key);
            assertThat(m.matches()).as("refund key %s names a booking's refund", key).isTrue();
            UUID id = UUID.fromString(m.group(1));
            var b = bookings.get(id);
            assertThat(b).as("the booking refunded under %s", key).isNotNull();
            assertThat(journal.succeeded.entrySet()).as("%s refunds one of its booking's charges", key)
                    .anySatisfy(c -> {
                        assertThat(c.getKey()).startsWith("booking-" + id + "-");
                        assertThat(c.getValue()).isEqualTo(refund.getValue().chargeId());
                    });
            switch (m.group(2)) {
                case "cancel-refund" -> assertThat(b.getStatus()).as("%s: a cancellation", key)
                        .isEqualTo(BookingStatus.CANCELLED);
                case "refund" -> {
                    assertThat(b.getStatus()).as("%s: a charge that came after the booking was let go", key)
                            .isIn(BookingStatus.EXPIRED, BookingStatus.PAYMENT_FAILED);
                    assertThat(journal.succeeded).as(key).containsKey(PaymentSettlement.chargeKey(id));
                }
                default -> {
                    assertThat(m.group(4)).as(key).isEqualTo("refund");
                    assertThat(Integer.parseInt(m.group(3))).as("%s: a change the booking made", key)
                            .isBetween(1, b.getChanges());
                }
            }
        }
    }

    private static void moneyKeptIsWhatTheBookingsKeep(Journal journal, Map<UUID, BookingRecord> bookings) {
        Map<UUID, BigDecimal> kept = new HashMap<>();
        journal.succeeded.keySet().forEach(key -> kept.merge(bookingOf(key), journal.amount(key), BigDecimal::add));
        journal.refunds.forEach((key, refund) -> kept.merge(bookingOf(key), refund.amount().negate(), BigDecimal::add));
        for (var b : bookings.values()) {
            BigDecimal provider = kept.getOrDefault(b.getId(), BigDecimal.ZERO);
            BigDecimal recorded = orZero(b.getCharged()).subtract(orZero(b.getRefunded()));
            assertThat(provider).as("money the provider keeps for booking %s (%s): what the booking records",
                    b.getId(), b.getStatus()).isEqualByComparingTo(recorded);
            if (b.getStatus().equals(BookingStatus.CONFIRMED)) {
                assertThat(provider).as("confirmed booking %s keeps its total", b.getId())
                        .isEqualByComparingTo(b.getTotal());
            } else {
                // every stay starts a month ahead: cancelling is free, so no booking that did not happen keeps money
                assertThat(provider).as("booking %s (%s) keeps no money", b.getId(), b.getStatus())
                        .isEqualByComparingTo(BigDecimal.ZERO);
            }
        }
    }

    private static UUID bookingOf(String key) {
        Matcher m = KEY.matcher(key);
        assertThat(m.matches()).as(key).isTrue();
        return UUID.fromString(m.group(1));
    }

    private static BigDecimal orZero(BigDecimal amount) {
        return amount == null ? BigDecimal.ZERO : amount;
    }

    /** One published hotel, three room types of a few rooms each, stays within ten nights a month ahead. */
    private record Hotel(UUID id, List<UUID> roomTypes, LocalDate firstNight) {

        static Hotel create(DSLContext db) {
            var hotel = new Hotel(UUID.randomUUID(), List.of(UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID()),
                    LocalDate.now().plusDays(30));
            db.insertInto(PROPERTY).set(new PropertyRecord().setId(hotel.id).setOwnerId(UUID.randomUUID())
                    .setTimeZone("Europe/Lisbon").setCurrency("EUR").setStatus("PUBLISHED")).execute();
            for (int t = 0; t < hotel.roomTypes.size(); t++) {
                db.insertInto(UNIT_TYPE).set(new UnitTypeRecord().setId(hotel.roomTypes.get(t)).setPropertyId(hotel.id)
                        .setMaxGuests(2).setDefaultUnits(ROOMS_ON_SALE[t]).setBasePrice(new BigDecimal(PRICES[t])))
                        .execute();
            }
            return hotel;
        }
    }

    /** What the guests did, counted, and the replays whose answer differed from the first. */
    private static final class History {
        final AtomicInteger creates = new AtomicInteger();
        final AtomicInteger cancels = new AtomicInteger();
        final AtomicInteger changes = new AtomicInteger();
        final AtomicInteger replays = new AtomicInteger();
        final Map<String, AtomicInteger> answers = new ConcurrentHashMap<>();
        final List<String> replaysAnsweredOtherwise = java.util.Collections.synchronizedList(new ArrayList<>());

        void answered(String operation, String answer) {
            answers.computeIfAbsent(operation + ":" + answer, a -> new AtomicInteger()).incrementAndGet();
        }

        @Override
        public String toString() {
            return (creates.get() + cancels.get() + changes.get() + replays.get()) + " operations: " + creates
                    + " creates, " + cancels + " cancels, " + changes + " date changes, " + replays + " replays; "
                    + new TreeMap<>(answers);
        }
    }

    /** One signed-in guest: books, cancels and moves their own bookings, and now and then sends a request again. */
    private final class Guest {
        private final UUID id;
        private final Random random;
        private final Hotel hotel;
        private final History history;
        private final List<UUID> bookings = new ArrayList<>();
        private final List<Replay> sent = new ArrayList<>();

        private record Replay(String operation, Supplier<String> request, String firstAnswer) {}

        Guest(UUID id, Random random, Hotel hotel, History history) {
            this.id = id;
            this.random = random;
            this.hotel = hotel;
            this.history = history;
        }

        void live() {
            for (int i = 0; i < OPERATIONS_PER_GUEST; i++) {
                int dice = random.nextInt(100);
                if (dice < 8 && !sent.isEmpty()) {
                    var replay = sent.get(random.nextInt(sent.size()));
                    String answer = replay.request().get();
                    history.replays.incrementAndGet();
                    if (!answer.equals(replay.firstAnswer())) {
                        history.replaysAnsweredOtherwise.add(replay.operation() + ": " + replay.firstAnswer()
                                + " then " + answer);
                    }
                } else if (dice < 50 || bookings.isEmpty()) {
                    create();
                } else if (dice < 78) {
                    cancel();
                } else {
                    change();
                }
            }
        }

        private void create() {
            int t = random.nextInt(hotel.roomTypes.size());
            int from = random.nextInt(NIGHTS);
            int nights = 1 + random.nextInt(Math.min(3, NIGHTS - from));
            int rooms = 1 + random.nextInt(2);
            BigDecimal total = new BigDecimal(PRICES[t]).multiply(BigDecimal.valueOf((long) nights * rooms));
            Map<String, Object> input = new HashMap<>();
            input.put("hotelId", hotel.id.toString());
            input.put("roomTypeId", hotel.roomTypes.get(t).toString());
            input.put("checkIn", hotel.firstNight.plusDays(from).toString());
            input.put("checkOut", hotel.firstNight.plusDays(from + nights).toString());
            input.put("guests", rooms);
            input.put("rooms", rooms);
            input.put("quotedTotal", Map.of("amount", total.toPlainString(), "currency", "EUR"));
            input.put("paymentToken", createToken());
            String key = UUID.randomUUID().toString();
            Supplier<String> request = () -> {
                var response = as(() -> graphQl.document(CREATE).variable("input", input).variable("key", key)
                        .execute());
                String answer = answer(response, "createBooking");
                if (answer.equals("BookingConfirmed")) { // a pending booking may be neither cancelled nor moved yet
                    UUID booking = UUID.fromString(response.path("createBooking.booking.id").entity(String.class)
                            .get());
                    if (!bookings.contains(booking)) {
                        bookings.add(booking);
                    }
                }
                return answer;
            };
            history.creates.incrementAndGet();
            remember("createBooking " + input.get("paymentToken"), request);
        }

        private void cancel() {
            UUID booking = bookings.get(random.nextInt(bookings.size()));
            String key = UUID.randomUUID().toString();
            history.cancels.incrementAndGet();
            remember("cancelBooking", () -> {
                String answer = answer(as(() -> graphQl.document(CANCEL).variable("id", booking.toString())
                        .variable("key", key).execute()), "cancelBooking");
                if (answer.equals("BookingCancelled")) {
                    bookings.remove(booking);
                }
                return answer;
            });
        }

        private void change() {
            UUID booking = bookings.get(random.nextInt(bookings.size()));
            int from = random.nextInt(NIGHTS);
            int nights = 1 + random.nextInt(Math.min(3, NIGHTS - from));
            String token = createToken();
            String key = UUID.randomUUID().toString();
            history.changes.incrementAndGet();
            remember("changeBookingDates " + token, () -> answer(as(() -> graphQl.document(CHANGE)
                    .variable("id", booking.toString())
                    .variable("in", hotel.firstNight.plusDays(from).toString())
                    .variable("out", hotel.firstNight.plusDays(from + nights).toString())
                    .variable("key", key).variable("token", token).execute()), "changeBookingDates"));
        }

        /** Mostly a card that pays; now and then one that declines, times out, resets the connection or gets a 5xx. */
        private String createToken() {
            int dice = random.nextInt(1000);
            if (dice < 60) {
                return "tok_decline";
            }
            if (dice < 90) {
                return "tok_reset";
            }
            if (dice < 120) {
                return "tok_5xx";
            }
            if (dice < 135) {
                return "tok_timeout";
            }
            return "tok_ok";
        }

        private void remember(String operation, Supplier<String> request) {
            String answer = request.get();
            history.answered(operation.split(" ")[0], answer);
            sent.add(new Replay(operation, request, answer));
        }

        /** The answer's type, and the code of a rejection. */
        private static String answer(GraphQlTester.Response response, String mutation) {
            String type = response.path(mutation + ".__typename").entity(String.class).get();
            return type.equals("BookingRejected")
                    ? type + " " + response.path(mutation + ".code").entity(String.class).get() : type;
        }

        private <T> T as(Supplier<T> request) {
            SignedIn.as(id, "guest");
            try {
                return request.get();
            } finally {
                SignedIn.nobody();
            }
        }
    }

    /** What the provider answered since the history began, read from WireMock's request journal. */
    private record Journal(Map<String, String> succeeded, Map<String, Set<String>> amountsByKey,
                           Map<String, Refund> refunds, Set<String> keysSent) {

        record Refund(String chargeId, BigDecimal amount) {}

        static Journal since(Date started) {
            Map<String, String> succeeded = new HashMap<>();
            Map<String, Set<String>> amounts = new HashMap<>();
            Map<String, Refund> refunds = new HashMap<>();
            Set<String> sent = new java.util.HashSet<>();
            for (ServeEvent event : paymentProvider().getAllServeEvents()) {
                var request = event.getRequest();
                if (request.getLoggedDate().before(started) || !request.getMethod().getName().equals("POST")
                        || !request.containsHeader("Idempotency-Key")) {
                    continue;
                }
                String key = request.getHeader("Idempotency-Key");
                sent.add(key);
                JsonNode body = read(request.getBodyAsString());
                amounts.computeIfAbsent(key, k -> new java.util.HashSet<>())
                        .add(new BigDecimal(body.path("amount").asString()).stripTrailingZeros().toPlainString()
                                + " " + body.path("token").asString(""));
                var response = event.getResponse();
                if (response == null || response.getStatus() != 201) {
                    continue;
                }
                JsonNode answer = read(response.getBodyAsString());
                if (request.getUrl().startsWith("/v1/charges") && answer.path("status").asString().equals("succeeded")) {
                    succeeded.put(key, answer.path("id").asString());
                } else if (request.getUrl().startsWith("/v1/refunds")) {
                    refunds.put(key, new Refund(body.path("chargeId").asString(),
                            new BigDecimal(body.path("amount").asString())));
                }
            }
            return new Journal(succeeded, amounts, refunds, sent);
        }

        boolean sent(String key) {
            return keysSent.contains(key);
        }

        BigDecimal amount(String chargeKey) {
            return new BigDecimal(amountsByKey.get(chargeKey).iterator().next().split(" ")[0]);
        }

        private static JsonNode read(String json) {
            try {
                return JSON.readTree(json == null || json.isBlank() ? "{}" : json);
            } catch (Exception e) {
                return JSON.createObjectNode();
            }
        }
    }
}
