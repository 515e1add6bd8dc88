package dev.stay.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.stay.catalog.availability.BookableStays;
import dev.stay.catalog.availability.LowestTotal;
import dev.stay.catalog.availability.StayQuery;
import dev.stay.devstack.engines.DemoAccounts;
import dev.stay.devstack.engines.Keycloak;
import dev.stay.devstack.engines.Postgres;
import dev.stay.seed.world.DemoWorld;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.jooq.CloseableDSLContext;
import org.jooq.impl.DSL;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import tools.jackson.databind.JsonNode;

/**
 * Search's availability against booking's truth, through the whole platform: owners change inventory, guests book
 * (many at once, so booking's events reach the broker out of commit order) and cancel, all through the router, and
 * booking's events flow through Kafka into the catalog. Once the catalog has applied every event, random stays in the
 * hotels of two cities, seeded (the seed is printed; {@code -Dstay.e2e.seed} replays one), get the same answer from
 * {@code searchHotels} (dated: only the bookable hotels, each with its lowest total), and from the catalog's
 * {@link BookableStays} itself, as from booking's {@code Hotel.availability}: bookable or not, and the same lowest
 * total. It also prints how long a booking took to show in the projection, from its commit.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SearchMatchesAvailabilityIT {

    static final String AVAILABILITY = """
            query ($id: ID!, $in: Date!, $out: Date!, $guests: Int!, $rooms: Int!) {
              hotel(id: $id) { availability(checkIn: $in, checkOut: $out, guests: $guests, rooms: $rooms) {
                roomType { id } totalPrice { amount currency } } }
            }""";
    static final String CREATE = """
            mutation ($input: CreateBookingInput!, $key: ID!) {
              createBooking(input: $input, idempotencyKey: $key) {
                __typename ... on BookingConfirmed { booking { id } }
              }
            }""";
    static final String SEARCH = """
            query ($input: HotelSearchInput!, $after: String) {
              searchHotels(input: $input, first: 50, after: $after) {
                edges { node { id } lowestTotal { amount currency } } pageInfo { hasNextPage endCursor }
              }
            }""";
    static final String CANCEL = """
            mutation ($id: ID!, $key: ID!) { cancelBooking(id: $id, idempotencyKey: $key) { __typename } }""";
    static final String SET = """
            mutation ($input: SetRoomInventoryInput!) {
              setRoomInventory(input: $input) { nights errors { code } }
            }""";

    final long seed = Long.getLong("stay.e2e.seed", System.nanoTime());
    final Random random = new Random(seed);
    final int bookings = Integer.getInteger("stay.e2e.bookings", 300);
    final Keycloak keycloak = Stay.platform().engines().keycloak();
    final Postgres postgres = Stay.platform().engines().postgres();
    final StayClient anonymous = Stay.client();
    final LocalDate first = LocalDate.now().plusDays(3);
    final CloseableDSLContext catalog = DSL.using(postgres.jdbcUrl("catalog"), postgres.user(), postgres.password());
    final CloseableDSLContext booking = DSL.using(postgres.jdbcUrl("booking"), postgres.user(), postgres.password());

    @AfterAll
    void disconnect() {
        catalog.close();
        booking.close();
    }

    @Test
    void everyRandomStayIsBookableInSearchExactlyWhenAvailabilityOffersItAtTheSameLowestTotal() throws Exception {
        System.out.println("search/availability comparison seed: " + seed + " (-Dstay.e2e.seed to replay)");
        List<DemoWorld.Hotel> hotels = someHotels();
        List<String> hotelKeys = hotels.stream().map(h -> h.id().toString()).toList();
        changeInventory(hotels, DemoAccounts.OWNER, 8);
        changeInventory(hotels, DemoAccounts.ADMIN, 12);
        List<Booked> booked = bookConcurrently(hotels);
        cancelSome(booked);
        changeInventory(hotels, DemoAccounts.ADMIN, 6);

        await().atMost(Duration.ofMinutes(5)).pollInterval(Duration.ofMillis(500))
                .until(() -> unapplied(hotelKeys).isEmpty());
        printLatency(hotelKeys);

        BookableStays projection = new BookableStays(catalog);
        List<String> mismatches = new ArrayList<>();
        int compared = 0;
        int bookable = 0;
        for (int s = 0; s < 30; s++) {
            LocalDate in = first.plusDays(random.nextInt(30));
            int rooms = 1 + random.nextInt(2);
            StayQuery stay = new StayQuery(in, in.plusDays(1 + random.nextInt(7)), rooms + random.nextInt(2 * rooms), rooms);
            Map<UUID, LowestTotal> projected = projection.lowestTotals(hotels.stream().map(DemoWorld.Hotel::id).toList(),
                    stay);
            Map<UUID, LowestTotal> searched = new HashMap<>();
            hotels.stream().map(h -> h.city().name()).distinct().forEach(city -> searched.putAll(search(city, stay)));
            for (DemoWorld.Hotel hotel : hotels) {
                LowestTotal truth = availability(hotel.id(), stay);
                compared++;
                bookable += truth == null ? 0 : 1;
                if (!same(truth, searched.get(hotel.id())) || !same(truth, projected.get(hotel.id()))) {
                    mismatches.add(hotel.id() + " " + stay + ": availability " + truth + ", searchHotels "
                            + searched.get(hotel.id()) + ", projection " + projected.get(hotel.id()));
                }
            }
        }
        System.out.printf("compared %d hotel stays (%d bookable), %d bookings made%n", compared, bookable, booked.size());
        assertThat(mismatches).as("seed " + seed).isEmpty();
        assertThat(bookable).as("the sample has bookable stays").isGreaterThan(compared / 4);
        assertThat(compared - bookable).as("and stays sold out, closed or refused").isGreaterThan(0);
    }

    record Booked(StayClient guest, String id) {}

    /** Every hotel of two cities: the demo owner's first hotel's, and a random other. */
    private List<DemoWorld.Hotel> someHotels() {
        List<DemoWorld.Hotel> all = DemoWorld.small().hotels();
        LinkedHashSet<String> cities = new LinkedHashSet<>();
        cities.add(all.stream().filter(h -> h.ownerId().equals(DemoAccounts.OWNER.id())).findFirst().orElseThrow()
                .city().name());
        while (cities.size() < 2) {
            cities.add(all.get(random.nextInt(all.size())).city().name());
        }
        return all.stream().filter(h -> cities.contains(h.city().name())).toList();
    }

    /**
     * The bookable hotels of the city for the stay, as a dated {@code searchHotels} answers, with their lowest totals:
     * every page, a city may have more bookable hotels than a page holds.
     */
    private Map<UUID, LowestTotal> search(String city, StayQuery stay) {
        Map<String, Object> input = Map.of("city", city, "checkIn", stay.checkIn().toString(),
                "checkOut", stay.checkOut().toString(), "guests", stay.guests(), "rooms", stay.rooms());
        Map<UUID, LowestTotal> found = new HashMap<>();
        String after = null;
        for (int page = 0; page < 100; page++) {
            Map<String, Object> variables = new HashMap<>(Map.of("input", input));
            variables.put("after", after);
            var response = anonymous.send(SEARCH, variables);
            JsonNode connection = response.data().path("searchHotels");
            assertThat(connection.path("pageInfo").path("hasNextPage").isBoolean()).as(response.body().toString()).isTrue();
            for (JsonNode edge : connection.path("edges")) {
                UUID id = UUID.fromString(edge.path("node").path("id").asString());
                assertThat(found).as("no hotel on two pages").doesNotContainKey(id);
                found.put(id, new LowestTotal(id, new BigDecimal(edge.path("lowestTotal").path("amount").asString()),
                        edge.path("lowestTotal").path("currency").asString()));
            }
            if (!connection.path("pageInfo").path("hasNextPage").asBoolean()) {
                return found;
            }
            after = connection.path("pageInfo").path("endCursor").asString();
        }
        throw new AssertionError("more than 100 pages of " + city);
    }

    private static boolean same(LowestTotal truth, LowestTotal shown) {
        return truth == null ? shown == null
                : shown != null && shown.total().compareTo(truth.total()) == 0 && shown.currency().equals(truth.currency());
    }

    /** Random ranges of random room types: rooms, prices, closures, stay limits, closed to arrival or departure. */
    private void changeInventory(List<DemoWorld.Hotel> hotels, DemoAccounts.User who, int changes) {
        StayClient client = anonymous.withToken(keycloak.passwordToken(who.username(), who.password()));
        List<DemoWorld.Hotel> theirs = who == DemoAccounts.OWNER
                ? hotels.stream().filter(h -> h.ownerId().equals(who.id())).toList() : hotels;
        for (int c = 0; c < changes && !theirs.isEmpty(); c++) {
            DemoWorld.Hotel hotel = theirs.get(random.nextInt(theirs.size()));
            DemoWorld.RoomType room = hotel.roomTypes().get(random.nextInt(hotel.roomTypes().size()));
            LocalDate from = first.plusDays(random.nextInt(30));
            Map<String, Object> input = new HashMap<>(Map.of("roomTypeId", room.id().toString(),
                    "from", from.toString(), "to", from.plusDays(random.nextInt(6)).toString()));
            switch (random.nextInt(7)) {
                case 0 -> input.put("price", String.valueOf(40 + random.nextInt(400)));
                case 1 -> input.put("rooms", random.nextInt(room.defaultRooms() + 2));
                case 2 -> input.put("closed", random.nextBoolean());
                case 3 -> input.put("minStay", 1 + random.nextInt(4));
                case 4 -> input.put("maxStay", 2 + random.nextInt(6));
                case 5 -> input.put("closedToArrival", true);
                default -> input.put("closedToDeparture", true);
            }
            var answer = client.send(SET, Map.of("input", input));
            assertThat(answer.status()).as(answer.body().toString()).isEqualTo(200);
        }
    }

    /** Each booking a random offer of a random stay, eight guests at a time; 40 guests share the mutation budget. */
    private List<Booked> bookConcurrently(List<DemoWorld.Hotel> hotels) throws Exception {
        List<StayClient> guests = new ArrayList<>();
        for (int g = 0; g < 40; g++) {
            String email = "search-" + UUID.randomUUID() + "@stay.example";
            keycloak.register(email, "search-local-dev-password", "Search", "Guest");
            guests.add(anonymous.withToken(keycloak.passwordToken(email, "search-local-dev-password")));
        }
        List<Long> seeds = random.longs(bookings).boxed().toList();
        ConcurrentLinkedQueue<Booked> booked = new ConcurrentLinkedQueue<>();
        try (var pool = Executors.newFixedThreadPool(8)) {
            List<Future<?>> done = new ArrayList<>();
            for (int b = 0; b < bookings; b++) {
                StayClient guest = guests.get(b % guests.size());
                Random own = new Random(seeds.get(b));
                done.add(pool.submit(() -> bookOne(guest, hotels.get(own.nextInt(hotels.size())), own)
                        .ifPresent(id -> booked.add(new Booked(guest, id)))));
            }
            for (Future<?> each : done) {
                each.get(5, TimeUnit.MINUTES);
            }
        }
        return new ArrayList<>(booked);
    }

    private java.util.Optional<String> bookOne(StayClient guest, DemoWorld.Hotel hotel, Random own) {
        LocalDate in = first.plusDays(own.nextInt(30));
        LocalDate out = in.plusDays(1 + own.nextInt(4));
        JsonNode offers = guest.send(AVAILABILITY, Map.of("id", hotel.id().toString(), "in", in.toString(),
                "out", out.toString(), "guests", 2, "rooms", 1)).data().path("hotel").path("availability");
        if (offers.isEmpty()) {
            return java.util.Optional.empty();
        }
        JsonNode offer = offers.get(own.nextInt(offers.size()));
        Map<String, Object> input = Map.of("hotelId", hotel.id().toString(),
                "roomTypeId", offer.path("roomType").path("id").asString(), "checkIn", in.toString(),
                "checkOut", out.toString(), "guests", 2, "rooms", 1, "paymentToken", "tok_ok",
                "quotedTotal", Map.of("amount", offer.path("totalPrice").path("amount").asString(),
                        "currency", offer.path("totalPrice").path("currency").asString()));
        JsonNode answer = guest.send(CREATE, Map.of("input", input, "key", UUID.randomUUID().toString())).data()
                .path("createBooking");
        return "BookingConfirmed".equals(answer.path("__typename").asString())
                ? java.util.Optional.of(answer.path("booking").path("id").asString()) : java.util.Optional.empty();
    }

    private void cancelSome(List<Booked> booked) {
        List<Booked> shuffled = new ArrayList<>(booked);
        Collections.shuffle(shuffled, random);
        for (Booked one : shuffled.subList(0, shuffled.size() / 5)) {
            var answer = one.guest().send(CANCEL, Map.of("id", one.id(), "key", UUID.randomUUID().toString()));
            assertThat(answer.data().path("cancelBooking").path("__typename").asString()).as(answer.body().toString())
                    .isEqualTo("BookingCancelled");
        }
    }

    /** Booking's inventory events about these hotels that the catalog has not applied yet. */
    private List<String> unapplied(List<String> hotelKeys) {
        List<String> published = booking.fetch("SELECT id::text FROM outbox WHERE topic = 'booking.inventory' AND key = ANY(?)",
                (Object) hotelKeys.toArray(String[]::new)).getValues(0, String.class);
        List<String> applied = catalog.fetch("SELECT event_id FROM applied_event WHERE event_id = ANY(?)",
                (Object) published.toArray(String[]::new)).getValues(0, String.class);
        List<String> missing = new ArrayList<>(published);
        missing.removeAll(applied);
        return missing;
    }

    /**
     * From a booking's commit (its {@code rooms-changed} written in booking's outbox just before the commit) to the
     * catalog's transaction that applied it to the projection (its {@code applied_event} row).
     */
    private void printLatency(List<String> hotelKeys) {
        Map<String, java.time.OffsetDateTime> written = new HashMap<>();
        booking.fetch("SELECT id::text, occurred_at FROM outbox WHERE topic = 'booking.inventory' AND type = "
                        + "'rooms-changed' AND key = ANY(?)", (Object) hotelKeys.toArray(String[]::new))
                .forEach(r -> written.put(r.get(0, String.class), r.get(1, java.time.OffsetDateTime.class)));
        List<Long> millis = new ArrayList<>();
        catalog.fetch("SELECT event_id, applied_at FROM applied_event WHERE event_id = ANY(?)",
                        (Object) written.keySet().toArray(String[]::new))
                .forEach(r -> millis.add(Duration.between(written.get(r.get(0, String.class)),
                        r.get(1, java.time.OffsetDateTime.class)).toMillis()));
        Collections.sort(millis);
        assertThat(millis).isNotEmpty();
        System.out.printf("booking to search: %d rooms-changed events, p50 %d ms, p95 %d ms, max %d ms%n",
                millis.size(), millis.get(millis.size() / 2), millis.get((int) (millis.size() * 0.95)),
                millis.getLast());
    }

    /** Booking's answer: the lowest total of the room types it offers for the stay, or null when it offers none. */
    private LowestTotal availability(UUID hotel, StayQuery stay) {
        var response = anonymous.send(AVAILABILITY, Map.of("id", hotel.toString(), "in", stay.checkIn().toString(),
                "out", stay.checkOut().toString(), "guests", stay.guests(), "rooms", stay.rooms()));
        LowestTotal lowest = null;
        for (JsonNode offer : response.data().path("hotel").path("availability")) {
            BigDecimal total = new BigDecimal(offer.path("totalPrice").path("amount").asString());
            if (lowest == null || total.compareTo(lowest.total()) < 0) {
                lowest = new LowestTotal(hotel, total, offer.path("totalPrice").path("currency").asString());
            }
        }
        return lowest;
    }
}
