package dev.stay.bench;

import static io.gatling.javaapi.core.CoreDsl.ByteArrayBody;
import static io.gatling.javaapi.core.CoreDsl.atOnceUsers;
import static io.gatling.javaapi.core.CoreDsl.exec;
import static io.gatling.javaapi.core.CoreDsl.global;
import static io.gatling.javaapi.core.CoreDsl.jsonPath;
import static io.gatling.javaapi.core.CoreDsl.responseTimeInMillis;
import static io.gatling.javaapi.core.CoreDsl.scenario;
import static io.gatling.javaapi.http.HttpDsl.http;
import static io.gatling.javaapi.http.HttpDsl.status;

import dev.stay.bench.TimedPhase.Target;
import dev.stay.bench.TimedPhase.Workload;
import dev.stay.common.security.RouterSignature;
import io.gatling.javaapi.core.CheckBuilder;
import io.gatling.javaapi.core.PopulationBuilder;
import io.gatling.javaapi.core.Session;
import io.gatling.javaapi.core.Simulation;
import io.gatling.javaapi.http.HttpRequestActionBuilder;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.IntStream;

/**
 * What the router costs, measured the way public gateway benchmarks measure a gateway: the same request sent straight
 * to the subgraph and through the router, under a closed load of a few concurrencies, with the CPU each process spent.
 * Both router runtimes run side by side on the same subgraphs ({@code BenchStack} starts the platform's router, with
 * the JavaScript planner, and a second one with {@code STAY_ROUTER_PLANNER=rust}).
 *
 * <ul>
 *   <li><b>page</b>: the catalog's share of the property page ({@link PropertyPage#CATALOG_FIELDS}, one subgraph),
 *       straight to the catalog (signed as the router signs) and through each router;</li>
 *   <li><b>federated</b>: the page with the owner's name (users) and live availability (booking)
 *       ({@link PropertyPage#withAvailability}), through each router (no subgraph answers it alone);</li>
 *   <li><b>search</b>: {@code searchHotels} by city with dates ({@link SearchKind#CITY_DATES}), straight to the catalog
 *       and through each router.</li>
 * </ul>
 *
 * <p>For each concurrency ({@code -Dstay.bench.concurrency=1,8,32}) the phases of one workload run back to back
 * (direct, JavaScript, Rust), each {@code stay.bench.phaseSeconds} long, after a warm-up of every path. Before and
 * after each phase the CPU time of the routers, the subgraph JVMs and Gatling is read from {@code /proc}.
 */
public class RouterOverheadSimulation extends Simulation {

    private static final String BODY = "body";
    private static final String SIGNATURE = "signature";
    private static final String LATENCY = "latency";

    private final BenchSettings settings = BenchSettings.fromSystemProperties();
    private final String rustRouterUrl = System.getProperty("stay.bench.rustRouterUrl");
    private final Map<String, ProcessCpu> processes = ProcessCpu.fromSystemProperties();
    private final RouterSignature signature = new RouterSignature(settings.signingSecret());
    private final List<Integer> concurrencies = Arrays.stream(System.getProperty("stay.bench.concurrency", "1,8,32")
            .split(",")).map(String::strip).map(Integer::valueOf).toList();
    private final int phaseSeconds = Integer.getInteger("stay.bench.phaseSeconds", 30);
    private final int warmUpSeconds = Integer.getInteger("stay.bench.warmUpSeconds", 10);
    private final GraphQlDocument federated = PropertyPage.withAvailability(LocalDate.now(ZoneOffset.UTC));
    private final List<SearchKind.Search> searches =
            SearchKind.CITY_DATES.searches(SearchKind.cities(System.getProperty("stay.bench.openSearchUrl") + "/catalog-properties/_search"));
    private final List<TimedPhase> measured = new ArrayList<>();
    private final String loadBefore = OverheadReport.loadAverage();

    {
        if (rustRouterUrl == null || rustRouterUrl.isBlank()) {
            throw new IllegalStateException("stay.bench.rustRouterUrl is not set: run the benchmark with bench/run");
        }
        List<PopulationBuilder> steps = new ArrayList<>();
        for (Workload workload : Workload.values()) {
            for (Target target : targets(workload)) {
                steps.add(load(phase(workload, target, 8), warmUpSeconds));
            }
        }
        for (int users : concurrencies) {
            for (Workload workload : Workload.values()) {
                for (Target target : targets(workload)) {
                    TimedPhase phase = phase(workload, target, users);
                    measured.add(phase);
                    steps.add(Steps.step("CPU before " + phase.name(), () -> phase.cpuBefore(processes)));
                    steps.add(load(phase, phaseSeconds));
                    steps.add(Steps.step("CPU after " + phase.name(), () -> phase.cpuAfter(processes)));
                }
            }
        }
        int paths = Arrays.stream(Workload.values()).mapToInt(workload -> targets(workload).size()).sum();
        Duration bound = Duration.ofSeconds((long) paths * (warmUpSeconds + concurrencies.size() * (phaseSeconds + 5L)) + 300);
        setUp(Steps.inSequence(steps))
                .protocols(http
                        .disableWarmUp() // its default is a request to gatling.io; every target here is 127.0.0.1
                        .contentTypeHeader("application/json")
                        .acceptHeader("application/json"))
                .maxDuration(bound)
                .assertions(global().failedRequests().count().is(0L));
    }

    @Override
    public void after() {
        OverheadReport report = new OverheadReport(measured.stream().map(TimedPhase::result).toList(), processes.keySet(),
                settings.hotelIds().size(), searches.size(), phaseSeconds, warmUpSeconds, loadBefore);
        System.out.println();
        System.out.println(report.markdown());
        report.writeTo(settings.summary());
    }

    private static List<Target> targets(Workload workload) {
        return workload == Workload.FEDERATED ? List.of(Target.JAVASCRIPT, Target.RUST) : List.of(Target.values());
    }

    private TimedPhase phase(Workload workload, Target target, int users) {
        String url = switch (target) {
            case DIRECT -> settings.catalogUrl();
            case JAVASCRIPT -> settings.routerUrl();
            case RUST -> rustRouterUrl;
        };
        RouterSignature signed = target == Target.DIRECT ? signature : null;
        return switch (workload) {
            case PAGE -> new TimedPhase(workload, target, users, url, PropertyPage.CATALOG_FIELDS::body, signed, settings.hotelIds());
            case FEDERATED -> new TimedPhase(workload, target, users, url, federated::body, signed, settings.hotelIds());
            case SEARCH -> new TimedPhase(workload, target, users, url, search(), signed,
                    IntStream.range(0, searches.size()).mapToObj(Integer::toString).toList());
        };
    }

    private Function<String, String> search() {
        return item -> SearchKind.CITY_DATES.graphQl(searches.get(Integer.parseInt(item)));
    }

    /** The phase's users, each sending its next request as soon as its last is answered, for {@code seconds}. */
    private PopulationBuilder load(TimedPhase phase, int seconds) {
        CheckBuilder answered = phase.workload() == Workload.SEARCH
                ? jsonPath("$.data.searchHotels.totalCount").exists()
                : jsonPath("$.data.hotel.name").exists();
        HttpRequestActionBuilder request = http(phase.name())
                .post(phase.url())
                .body(ByteArrayBody(session -> session.<byte[]>get(BODY)))
                .check(responseTimeInMillis().saveAs(LATENCY), status().is(200), answered, jsonPath("$.errors").notExists());
        if (phase.signed()) {
            request = request.header(RouterSignature.HEADER, session -> session.getString(SIGNATURE));
        }
        boolean measuring = measured.contains(phase);
        return scenario((measuring ? "" : "warm-up: ") + phase.name())
                .during(Duration.ofSeconds(seconds), false).on(
                        exec(session -> next(phase, session))
                                .exec(request)
                                .exec(session -> {
                                    if (measuring) {
                                        phase.record(session.contains(LATENCY) ? session.getInt(LATENCY) : -1, !session.isFailed());
                                    }
                                    return session.remove(LATENCY).markAsSucceeded();
                                }))
                .injectOpen(atOnceUsers(phase.users()));
    }

    private static Session next(TimedPhase phase, Session session) {
        byte[] body = phase.nextBody();
        Session withBody = session.set(BODY, body);
        return phase.signed() ? withBody.set(SIGNATURE, phase.sign(body)) : withBody;
    }
}
