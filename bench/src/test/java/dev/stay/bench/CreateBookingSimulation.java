package dev.stay.bench;

import static io.gatling.javaapi.core.CoreDsl.StringBody;
import static io.gatling.javaapi.core.CoreDsl.atOnceUsers;
import static io.gatling.javaapi.core.CoreDsl.exec;
import static io.gatling.javaapi.core.CoreDsl.jsonPath;
import static io.gatling.javaapi.core.CoreDsl.responseTimeInMillis;
import static io.gatling.javaapi.core.CoreDsl.scenario;
import static io.gatling.javaapi.http.HttpDsl.http;
import static io.gatling.javaapi.http.HttpDsl.status;

import io.gatling.javaapi.core.PopulationBuilder;
import io.gatling.javaapi.core.Simulation;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * {@code createBooking}, measured three ways in one run, one phase after the other:
 *
 * <ol>
 *   <li><b>spread, router</b>: signed-in guests book through the router, each booking a stay of another room type
 *       and night ({@link Stays}), with the quoted live total and the payment token that succeeds;</li>
 *   <li><b>spread, JDBC floor</b>: the same transaction as booking's {@code HoldingRooms}, in plain JDBC against
 *       booking's database, from as many threads, over as wide a spread ({@link HoldingRoomsFloor}): the floor
 *       PostgreSQL sets for a booking;</li>
 *   <li><b>hot room</b>: every client books the same room type and night through the router, its rooms raised first,
 *       so that all of them queue on the same locked night and, once it is sold out, get {@code SoldOut}.</li>
 * </ol>
 *
 * <p>A warm-up of each path runs first, so that no phase pays for JIT compilation or first connections. Each phase
 * runs for a fixed time with a fixed number of clients, each booking again as soon as it has its answer.
 */
public class CreateBookingSimulation extends Simulation {

    static final String MUTATION = """
            mutation Book($input: CreateBookingInput!, $key: ID!) {
              createBooking(input: $input, idempotencyKey: $key) {
                __typename
                ... on BookingConfirmed { booking { id reference status } }
                ... on SoldOut { available }
              }
            }
            """;
    /** The provider stub's token that is always charged. */
    static final String PAYMENT_TOKEN = "tok_ok";

    private static final String BODY = "body";
    private static final String LATENCY = "latency";
    private static final String OUTCOME = "outcome";
    /** The spreads go this many stays round; past the end they start again (bookings of a stay pile up, rarely). */
    private static final int STAYS_PER_SPREAD = 40_000;

    private final BenchSettings settings = BenchSettings.fromSystemProperties();
    private final BenchSettings.Booking booking = settings.booking();
    private final Duration phaseTime = Duration.ofSeconds(booking.phaseSeconds());
    private final Duration warmUpTime = Duration.ofSeconds(booking.warmUpSeconds());
    private final LocalDate today = LocalDate.now(ZoneOffset.UTC);
    private final HoldingRoomsFloor floor =
            new HoldingRoomsFloor(booking.jdbcUrl(), booking.dbUser(), booking.dbPassword());

    private volatile List<String> tokens;
    private volatile Stays routerWarmUp;
    private volatile Stays floorWarmUp;
    private volatile Stays routerSpread;
    private volatile Stays floorSpread;
    private volatile Stays hotRoom;

    private final BookingPhase routerPhase = new BookingPhase("spread: router", settings.users());
    private final BookingPhase floorPhase = new BookingPhase("spread: JDBC floor", settings.users());
    private final BookingPhase hotPhase = new BookingPhase("hot room: router", booking.hotUsers());
    private final List<BookingPhase> measured = List.of(routerPhase, floorPhase, hotPhase);

    {
        List<PopulationBuilder> steps = new ArrayList<>();
        steps.add(Steps.step("sign guests in, quote the spreads, raise the hot room's rooms", this::prepare));
        steps.add(router(new BookingPhase("warm-up: router", settings.users()), () -> routerWarmUp, warmUpTime));
        steps.add(Steps.step("warm-up: JDBC floor", () -> runFloor(
                new BookingPhase("warm-up: JDBC floor", settings.users()), floorWarmUp, warmUpTime)));
        steps.add(router(routerPhase, () -> routerSpread, phaseTime));
        steps.add(Steps.step(floorPhase.name(), () -> runFloor(floorPhase, floorSpread, phaseTime)));
        steps.add(Steps.step("sign guests in again", this::signIn));
        steps.add(router(hotPhase, () -> hotRoom, phaseTime));
        setUp(Steps.inSequence(steps))
                .protocols(http
                        .disableWarmUp() // its default is a request to gatling.io; every target here is 127.0.0.1
                        .contentTypeHeader("application/json")
                        .acceptHeader("application/json"))
                .maxDuration(Duration.ofMinutes(15));
    }

    @Override
    public void after() {
        BookingSummary summary = new BookingSummary(measured.stream().map(BookingPhase::result).toList(), settings,
                routerSpread, hotRoom);
        System.out.println();
        System.out.println(summary.markdown());
        summary.writeTo(settings.summary());
    }

    /**
     * The router's spread from a month ahead, the floor's over other nights of the same room types (so neither sells
     * the other's rooms), the warm-ups further out, and the hot room: the first room type on sale, 20 days ahead.
     */
    private void prepare() {
        signIn();
        try (Connection db = DriverManager.getConnection(booking.jdbcUrl(), booking.dbUser(), booking.dbPassword())) {
            routerSpread = Stays.load(db, "router", today.plusDays(30), 150, STAYS_PER_SPREAD);
            floorSpread = Stays.load(db, "floor", today.plusDays(190), 150, STAYS_PER_SPREAD);
            routerWarmUp = Stays.load(db, "router warm-up", today.plusDays(350), 60, STAYS_PER_SPREAD / 4);
            floorWarmUp = Stays.load(db, "floor warm-up", today.plusDays(420), 60, STAYS_PER_SPREAD / 4);
            Stays.Stay hot = Stays.load(db, "hot", today.plusDays(20), 1, 1).first();
            try (PreparedStatement rooms = db.prepareStatement("""
                    INSERT INTO inventory_night (unit_type_id, night, total_units) VALUES (?, ?, ?)
                    ON CONFLICT (unit_type_id, night)
                    DO UPDATE SET total_units = inventory_night.taken_units + excluded.total_units""")) {
                rooms.setObject(1, hot.roomTypeId());
                rooms.setObject(2, hot.checkIn());
                rooms.setInt(3, booking.hotRooms());
                rooms.executeUpdate();
            }
            hotRoom = Stays.load(db, "hot", today.plusDays(20), 1, 1);
            System.out.printf("[bench] spread: %d stays over %d room types; hot room: %s, night of %s, %d rooms%n",
                    routerSpread.size(), routerSpread.roomTypes(), hot.roomTypeId(), hot.checkIn(), booking.hotRooms());
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read or write booking's database: " + e.getMessage(), e);
        }
    }

    private void signIn() {
        // one guest a client: the first ones of those BenchStack signed up (each sign-in costs Keycloak a password hash)
        int clients = Math.min(booking.guests().size(), Math.max(settings.users(), booking.hotUsers()));
        tokens = Guests.signIn(booking.tokenUrl(), booking.guests().subList(0, clients), booking.guestPassword());
    }

    private void runFloor(BookingPhase phase, Stays stays, Duration time) {
        try {
            floor.run(phase, stays, phase.users(), time);
        } catch (Exception e) {
            throw new IllegalStateException(phase.name() + ": " + e, e);
        }
    }

    /**
     * The phase's clients, each a guest of its own (the virtual user's id picks the token), each booking its next
     * stay as soon as the last is answered, until the phase's time is up.
     */
    private PopulationBuilder router(BookingPhase phase, Supplier<Stays> stays, Duration time) {
        var request = http(phase.name())
                .post(settings.routerUrl())
                .header("Authorization", session -> "Bearer " + tokens.get((int) (session.userId() % tokens.size())))
                .body(StringBody(session -> session.getString(BODY)))
                .check(
                        responseTimeInMillis().saveAs(LATENCY),
                        status().is(200),
                        jsonPath("$.errors").notExists(),
                        jsonPath("$.data.createBooking.__typename").saveAs(OUTCOME));
        return scenario(phase.name())
                .during(time).on(
                        exec(session -> {
                            phase.started();
                            return session.set(BODY, body(stays.get().next()));
                        })
                        .exec(request)
                        .exec(session -> {
                            phase.record(session.contains(LATENCY) ? session.getInt(LATENCY) : -1,
                                    session.isFailed() || !session.contains(OUTCOME)
                                            ? BookingPhase.FAILED : session.getString(OUTCOME));
                            return session.removeAll(LATENCY, OUTCOME).markAsSucceeded();
                        }))
                .injectOpen(atOnceUsers(phase.users()));
    }

    private static String body(Stays.Stay stay) {
        return "{\"operationName\":\"Book\",\"query\":" + json(MUTATION) + ",\"variables\":{\"key\":\""
                + UUID.randomUUID() + "\",\"input\":{\"hotelId\":\"" + stay.hotelId() + "\",\"roomTypeId\":\""
                + stay.roomTypeId() + "\",\"checkIn\":\"" + stay.checkIn() + "\",\"checkOut\":\"" + stay.checkOut()
                + "\",\"guests\":1,\"rooms\":1,\"quotedTotal\":{\"amount\":\"" + stay.quote().toPlainString()
                + "\",\"currency\":\"" + stay.currency() + "\"},\"paymentToken\":\"" + PAYMENT_TOKEN + "\"}}}";
    }

    private static String json(String text) {
        return '"' + text.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n") + '"';
    }
}
