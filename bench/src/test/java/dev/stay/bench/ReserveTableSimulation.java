package dev.stay.bench;

import static io.gatling.javaapi.core.CoreDsl.ByteArrayBody;
import static io.gatling.javaapi.core.CoreDsl.StringBody;
import static io.gatling.javaapi.core.CoreDsl.atOnceUsers;
import static io.gatling.javaapi.core.CoreDsl.exec;
import static io.gatling.javaapi.core.CoreDsl.jsonPath;
import static io.gatling.javaapi.core.CoreDsl.responseTimeInMillis;
import static io.gatling.javaapi.core.CoreDsl.scenario;
import static io.gatling.javaapi.http.HttpDsl.http;
import static io.gatling.javaapi.http.HttpDsl.status;

import io.gatling.javaapi.core.PopulationBuilder;
import io.gatling.javaapi.core.Session;
import io.gatling.javaapi.core.Simulation;
import java.net.URI;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.Supplier;
import redis.clients.jedis.Jedis;

/**
 * Restaurants under load, one phase after the other in one run:
 *
 * <ol>
 *   <li><b>spread: router</b>: signed-in guests call {@code reserveTable} through the router, each for another demo
 *       restaurant, day and start time ({@link Visits}: what availability offered), a party of two, the quoted
 *       deposit and the card that pays;</li>
 *   <li><b>spread: JDBC floor</b>: booking's hold transaction alone, in plain JDBC against booking's database, from as
 *       many threads, over the same visits thirteen weeks later ({@link ReservingTablesFloor});</li>
 *   <li><b>dated search</b>: {@code searchRestaurants} with a city, a date, a time and a party size for every city
 *       with restaurants at three times of day, right after a FLUSHALL (uncached), then the same again (cached).</li>
 * </ol>
 *
 * <p>A warm-up of each path runs first. Reserving phases run for a fixed time with a fixed number of clients, each
 * sending again as soon as it has its answer; search phases send each search once.
 */
public class ReserveTableSimulation extends Simulation {

    static final String MUTATION = """
            mutation Reserve($input: ReserveTableInput!, $key: ID!) {
              reserveTable(input: $input, idempotencyKey: $key) {
                __typename
                ... on ReservationConfirmed { reservation { id reference status } }
                ... on SlotTaken { alternatives }
                ... on ReservationRejected { code }
              }
            }
            """;
    static final String SEARCH = "query Search($input: RestaurantSearchInput!) { searchRestaurants(input: $input, "
            + "first: 20) { totalCount edges { node { id name } slots } } }";
    static final List<String> SEARCH_TIMES = List.of("12:30", "19:00", "20:30");
    static final int PARTY = 2;
    /** The floor's visits are the router's this many days later: the same weekdays, never the same tables. */
    static final int FLOOR_OFFSET_DAYS = 91;

    private static final String BODY = "body";
    private static final String LATENCY = "latency";
    private static final String OUTCOME = "outcome";

    private final BenchSettings settings = BenchSettings.fromSystemProperties();
    private final BenchSettings.Booking booking = settings.booking();
    private final Duration phaseTime = Duration.ofSeconds(booking.phaseSeconds());
    private final Duration warmUpTime = Duration.ofSeconds(booking.warmUpSeconds());
    private final int restaurantCount = Integer.getInteger("stay.bench.restaurants", 200);
    private final LocalDate today = LocalDate.now(ZoneOffset.UTC);
    private final LocalDate searchDay = today.plusDays(21);
    private final ReservingTablesFloor floor =
            new ReservingTablesFloor(booking.jdbcUrl(), booking.dbUser(), booking.dbPassword());

    private volatile List<String> tokens;
    private volatile Visits routerWarmUp;
    private volatile Visits floorWarmUp;
    private volatile Visits routerSpread;
    private volatile Visits floorSpread;
    private final List<String> searches = new ArrayList<>();

    private final BookingPhase routerPhase = new BookingPhase("spread: router", settings.users());
    private final BookingPhase floorPhase = new BookingPhase("spread: JDBC floor", settings.users());
    private Phase uncached;
    private Phase cached;

    {
        prepareSearches();
        List<PopulationBuilder> steps = new ArrayList<>();
        steps.add(Steps.step("sign guests in, list the visits", this::prepare));
        steps.add(reserve(new BookingPhase("warm-up: router", settings.users()), () -> routerWarmUp, warmUpTime));
        steps.add(Steps.step("warm-up: JDBC floor", () -> runFloor(
                new BookingPhase("warm-up: JDBC floor", settings.users()), floorWarmUp, warmUpTime)));
        steps.add(reserve(routerPhase, () -> routerSpread, phaseTime));
        steps.add(Steps.step(floorPhase.name(), () -> runFloor(floorPhase, floorSpread, phaseTime)));
        steps.add(search(new Phase("warm-up: dated search", settings.routerUrl(), this::searchBody, null, searches,
                searches.size())));
        steps.add(Steps.step("flush Redis", this::flushRedis));
        steps.add(search(uncached));
        steps.add(search(cached));
        setUp(Steps.inSequence(steps))
                .protocols(http.disableWarmUp().contentTypeHeader("application/json").acceptHeader("application/json"))
                .maxDuration(Duration.ofMinutes(20));
    }

    @Override
    public void after() {
        ReserveTableSummary summary = new ReserveTableSummary(routerPhase.result(), floorPhase.result(),
                uncached.result(), cached.result(), settings, routerSpread, searches.size(), searchDay);
        System.out.println();
        System.out.println(summary.markdown());
        summary.writeTo(settings.summary());
    }

    /** Every city with a published restaurant (the catalog's), at three times of day, a party of two, in 3 weeks. */
    private void prepareSearches() {
        try (Connection catalog = DriverManager.getConnection(catalogJdbcUrl(), booking.dbUser(), booking.dbPassword());
             Statement statement = catalog.createStatement();
             ResultSet rows = statement.executeQuery(
                     "SELECT DISTINCT city FROM restaurant WHERE status = 'PUBLISHED' ORDER BY city")) {
            while (rows.next()) {
                for (String time : SEARCH_TIMES) searches.add(rows.getString(1) + "|" + time);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read the catalog's restaurants: " + e.getMessage(), e);
        }
        if (searches.isEmpty()) throw new IllegalStateException("the catalog has no published restaurant");
        uncached = new Phase("dated search · uncached: router", settings.routerUrl(), this::searchBody, null, searches,
                searches.size());
        cached = new Phase("dated search · cached: router", settings.routerUrl(), this::searchBody, null, searches,
                searches.size());
    }

    /** The restaurants booking sells, the router's spread two weeks ahead, the floor's 13 weeks after it. */
    private void prepare() {
        tokens = Guests.signIn(booking.tokenUrl(), booking.guests().subList(0, Math.min(booking.guests().size(),
                settings.users())), booking.guestPassword());
        List<UUID> restaurants = new ArrayList<>();
        try (Connection db = DriverManager.getConnection(booking.jdbcUrl(), booking.dbUser(), booking.dbPassword());
             Statement statement = db.createStatement();
             ResultSet rows = statement.executeQuery(
                     "SELECT id FROM restaurant WHERE status = 'PUBLISHED' ORDER BY id LIMIT " + restaurantCount)) {
            while (rows.next()) restaurants.add(rows.getObject(1, UUID.class));
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read booking's restaurants: " + e.getMessage(), e);
        }
        try {
            routerSpread = Visits.load("router", settings.routerUrl(), restaurants, today.plusDays(14), 6, 1, PARTY);
            routerWarmUp = Visits.load("router warm-up", settings.routerUrl(), restaurants, today.plusDays(42), 2, 1, PARTY);
        } catch (Exception e) {
            throw new IllegalStateException("cannot list the visits: " + e, e);
        }
        floorSpread = routerSpread.later("floor", FLOOR_OFFSET_DAYS);
        floorWarmUp = routerWarmUp.later("floor warm-up", FLOOR_OFFSET_DAYS);
        System.out.printf("[bench] %d restaurants; spread: %d visits; search: %d searches%n", restaurants.size(),
                routerSpread.size(), searches.size());
    }

    private void runFloor(BookingPhase phase, Visits visits, Duration time) {
        try {
            floor.run(phase, visits, phase.users(), time);
        } catch (Exception e) {
            throw new IllegalStateException(phase.name() + ": " + e, e);
        }
    }

    /** Each client a guest of its own, reserving its next visit as soon as the last is answered. */
    private PopulationBuilder reserve(BookingPhase phase, Supplier<Visits> visits, Duration time) {
        var request = http(phase.name())
                .post(settings.routerUrl())
                .header("Authorization", session -> "Bearer " + tokens.get((int) (session.userId() % tokens.size())))
                .body(StringBody(session -> session.getString(BODY)))
                .check(responseTimeInMillis().saveAs(LATENCY), status().is(200), jsonPath("$.errors").notExists(),
                        jsonPath("$.data.reserveTable.__typename").saveAs(OUTCOME));
        return scenario(phase.name())
                .during(time).on(
                        exec(session -> {
                            phase.started();
                            return session.set(BODY, reservation(visits.get().next()));
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

    private PopulationBuilder search(Phase phase) {
        var request = http(phase.name()).post(phase.url()).body(ByteArrayBody(session -> session.<byte[]>get(BODY)))
                .check(responseTimeInMillis().saveAs(LATENCY), status().is(200), jsonPath("$.errors").notExists(),
                        jsonPath("$.data.searchRestaurants.totalCount").exists());
        return scenario(phase.name())
                .exec(session -> next(phase, session))
                .asLongAs(session -> session.contains(BODY)).on(
                        exec(request).exec(session -> {
                            phase.record(session.contains(LATENCY) ? session.getInt(LATENCY) : -1, !session.isFailed());
                            return next(phase, session.remove(LATENCY).markAsSucceeded());
                        }))
                .injectOpen(atOnceUsers(Math.min(settings.users(), phase.requests())));
    }

    private static Session next(Phase phase, Session session) {
        byte[] body = phase.nextBody();
        return body == null ? session.remove(BODY) : session.set(BODY, body);
    }

    /** {@code <city>|<HH:MM>}: a city's restaurants with a table for two at about that time on the search day. */
    private String searchBody(String item) {
        String city = item.substring(0, item.lastIndexOf('|'));
        String time = item.substring(item.lastIndexOf('|') + 1);
        return "{\"operationName\":\"Search\",\"query\":" + json(SEARCH) + ",\"variables\":{\"input\":{\"city\":"
                + json(city) + ",\"date\":\"" + searchDay + "\",\"time\":\"" + time + "\",\"partySize\":" + PARTY + "}}}";
    }

    private static String reservation(Visits.Visit visit) {
        return "{\"operationName\":\"Reserve\",\"query\":" + json(MUTATION) + ",\"variables\":{\"key\":\""
                + UUID.randomUUID() + "\",\"input\":{\"restaurantId\":\"" + visit.restaurantId() + "\",\"date\":\""
                + visit.date() + "\",\"time\":\"" + visit.time() + "\",\"partySize\":" + visit.partySize()
                + ",\"quotedDeposit\":{\"amount\":\"" + visit.deposit() + "\",\"currency\":\"" + visit.currency()
                + "\"},\"paymentToken\":\"tok_ok\"}}}";
    }

    private void flushRedis() {
        try (Jedis redis = new Jedis(URI.create(settings.redisUrl()))) {
            redis.flushAll();
        }
    }

    /** The catalog's database: the same server and user as booking's, its own database. */
    private String catalogJdbcUrl() {
        String url = System.getProperty("stay.bench.catalogJdbcUrl");
        return url != null ? url : booking.jdbcUrl().replaceFirst("/booking(\\?|$)", "/catalog$1");
    }

    private static String json(String text) {
        return '"' + text.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n") + '"';
    }
}
