package dev.stay.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Visits to reserve, spread so that two of them rarely want the same table at the same time: the start times
 * {@code Restaurant.availability} offers (asked through the router once, before the phases) for each demo restaurant
 * on several days, taken round-robin: the first start time of every restaurant-day, then the second of each, and so
 * on. Each comes with the deposit availability quoted, which is the deposit due.
 */
final class Visits {

    /** One party at a restaurant on its own day at a local time, with the deposit quoted for it. */
    record Visit(UUID restaurantId, LocalDate date, String time, int partySize, String deposit, String currency) {

        /** The same visit {@code days} later: another day of the same weekday when days is a multiple of 7. */
        Visit later(int days) {
            return new Visit(restaurantId, date.plusDays(days), time, partySize, deposit, currency);
        }
    }

    private static final String AVAILABILITY = "query Availability($id: ID!, $date: Date!, $party: Int!) { "
            + "restaurant(id: $id) { availability(date: $date, partySize: $party) { time deposit { amount currency } } } }";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final String name;
    private final List<Visit> visits;
    private final AtomicLong taken = new AtomicLong();

    private Visits(String name, List<Visit> visits) {
        this.name = name;
        this.visits = visits;
    }

    /**
     * @param restaurants the restaurants to spread over
     * @param firstDay    the first day asked; then every {@code step} days, {@code days} days in all
     */
    static Visits load(String name, String routerUrl, List<UUID> restaurants, LocalDate firstDay, int days, int step,
                       int partySize) throws Exception {
        List<List<Visit>> byRestaurantDay = new ArrayList<>();
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try (HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build()) {
            List<Future<List<Visit>>> asked = new ArrayList<>();
            for (UUID restaurant : restaurants) {
                for (int d = 0; d < days; d++) {
                    LocalDate day = firstDay.plusDays((long) d * step);
                    asked.add(pool.submit(() -> offered(http, routerUrl, restaurant, day, partySize)));
                }
            }
            for (Future<List<Visit>> each : asked) {
                byRestaurantDay.add(each.get());
            }
        } finally {
            pool.shutdownNow();
        }
        List<Visit> spread = new ArrayList<>();
        for (int round = 0; ; round++) {
            int added = 0;
            for (List<Visit> day : byRestaurantDay) {
                if (round < day.size()) {
                    spread.add(day.get(round));
                    added++;
                }
            }
            if (added == 0) break;
        }
        if (spread.isEmpty()) {
            throw new IllegalStateException(name + ": no restaurant offers a start time from " + firstDay);
        }
        return new Visits(name, List.copyOf(spread));
    }

    /** The same visits {@code days} later. */
    Visits later(String name, int days) {
        return new Visits(name, visits.stream().map(v -> v.later(days)).toList());
    }

    /** The next visit; past the last, the list starts again (its tables are then mostly taken: SlotTaken). */
    Visit next() {
        return visits.get((int) (taken.getAndIncrement() % visits.size()));
    }

    int size() {
        return visits.size();
    }

    long restaurants() {
        return visits.stream().map(Visit::restaurantId).distinct().count();
    }

    Visit first() {
        return visits.getFirst();
    }

    private static List<Visit> offered(HttpClient http, String routerUrl, UUID restaurant, LocalDate day, int party)
            throws Exception {
        String body = JSON.writeValueAsString(Map.of("operationName", "Availability", "query", AVAILABILITY,
                "variables", Map.of("id", restaurant.toString(), "date", day.toString(), "party", party)));
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(routerUrl))
                .timeout(Duration.ofSeconds(30)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
        JsonNode answer = JSON.readTree(response.body());
        if (response.statusCode() != 200 || answer.has("errors")) {
            throw new IllegalStateException("availability of " + restaurant + " on " + day + ": " + response.body());
        }
        List<Visit> visits = new ArrayList<>();
        for (JsonNode slot : answer.path("data").path("restaurant").path("availability")) {
            visits.add(new Visit(restaurant, day, slot.path("time").asText(), party,
                    slot.path("deposit").path("amount").asText(), slot.path("deposit").path("currency").asText()));
        }
        return visits;
    }
}
