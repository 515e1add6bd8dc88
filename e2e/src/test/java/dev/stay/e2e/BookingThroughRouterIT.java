package dev.stay.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stay.devstack.engines.DemoAccounts;
import dev.stay.devstack.engines.Keycloak;
import dev.stay.seed.world.DemoWorld;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import tools.jackson.databind.JsonNode;

/**
 * Booking a demo hotel's room through the router with real Keycloak tokens, as guests' apps and partners do, and who
 * then sees the booking: its guest, the hotel's owner, the partner that made it; nobody else.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class BookingThroughRouterIT {

    final Keycloak keycloak = Stay.platform().engines().keycloak();
    final StayClient anonymous = Stay.client();
    final DemoWorld.Hotel hotel = DemoWorld.small().hotels().stream()
            .filter(h -> h.ownerId().equals(DemoAccounts.OWNER.id())).findFirst().orElseThrow();
    final LocalDate checkIn = LocalDate.now().plusDays(75);
    final LocalDate checkOut = checkIn.plusDays(2);

    StayClient guest;
    String guestsBooking;

    static final String AVAILABILITY = """
            query ($id: ID!, $in: Date!, $out: Date!) {
              hotel(id: $id) { availability(checkIn: $in, checkOut: $out, guests: 2) {
                roomType { id } available totalPrice { amount currency } } }
            }""";

    static final String CREATE = """
            mutation ($input: CreateBookingInput!, $key: ID!) {
              createBooking(input: $input, idempotencyKey: $key) {
                __typename
                ... on BookingConfirmed { booking { id reference status partnerReference } }
                ... on BookingRejected { code field message }
                ... on PriceChanged { totalPrice { amount } }
              }
            }""";

    static final String MINE = "{ myBookings(when: UPCOMING) { edges { node { id reference } } } }";
    static final String BY_ID = "query ($id: ID!) { booking(id: $id) { id reference hotel { id } } }";

    @BeforeAll
    void aGuestBooksADemoHotelsRoom() {
        guest = aNewGuest();
        JsonNode booked = book(guest, offer(guest), null);
        assertThat(booked.path("__typename").asString()).as(booked.toString()).isEqualTo("BookingConfirmed");
        guestsBooking = booked.path("booking").path("id").asString();
    }

    @Test
    void theGuestSeesTheirBookingInMyBookingsAndById() {
        assertThat(ids(guest.send(MINE, Map.of()).data().path("myBookings"))).contains(guestsBooking);
        assertThat(guest.send(BY_ID, Map.of("id", guestsBooking)).data().path("booking").path("hotel").path("id")
                .asString()).isEqualTo(hotel.id().toString());
    }

    @Test
    void anotherGuestSeesNothingOfIt() {
        StayClient other = aNewGuest();

        var byId = other.send(BY_ID, Map.of("id", guestsBooking));
        assertThat(byId.status()).isEqualTo(200);
        assertThat(byId.data().path("booking").isNull()).as(byId.body().toString()).isTrue();
        assertThat(ids(other.send(MINE, Map.of()).data().path("myBookings"))).isEmpty();
    }

    @Test
    void theHotelsOwnerSeesItInTheHotelsBookingsAndAnotherGuestIsForbidden() {
        String document = """
                query ($id: ID!, $from: Date!) {
                  hotel(id: $id) { bookings(from: $from, first: 100) { edges { node { id } } pageInfo { hasNextPage } } }
                }""";
        Map<String, Object> variables = Map.of("id", hotel.id().toString(), "from", checkIn.toString());
        StayClient owner = anonymous.withToken(
                keycloak.passwordToken(DemoAccounts.OWNER.username(), DemoAccounts.OWNER.password()));

        var owners = owner.send(document, variables);
        assertThat(ids(owners.data().path("hotel").path("bookings"))).as(owners.body().toString())
                .contains(guestsBooking);
        assertThat(aNewGuest().send(document, variables).errorCode()).isEqualTo("FORBIDDEN");
    }

    @Test
    void aPartnerBooksAndRetrievesThroughPersistedDocumentsButNeverSeesAGuestsBooking() throws Exception {
        StayClient partner = anonymous.withToken(
                keycloak.clientCredentialsToken(DemoAccounts.PARTNER.clientId(), DemoAccounts.PARTNER.secret()));
        Map<String, Object> input = offer(guest);
        input.put("partnerReference", "ACME-" + UUID.randomUUID().toString().substring(0, 8));

        var created = partner.sendDocument(documentId("CreateBooking"),
                Map.of("input", input, "idempotencyKey", UUID.randomUUID().toString()));
        JsonNode answer = created.data().path("createBooking");
        assertThat(answer.path("__typename").asString()).as(created.body().toString()).isEqualTo("BookingConfirmed");
        String id = answer.path("booking").path("id").asString();
        assertThat(answer.path("booking").path("partnerReference").asString()).isEqualTo(input.get("partnerReference"));

        var retrieved = partner.sendDocument(documentId("RetrieveBooking"), Map.of("id", id));
        assertThat(retrieved.data().path("booking").path("partnerReference").asString())
                .as(retrieved.body().toString()).isEqualTo(input.get("partnerReference"));
        var guests = partner.sendDocument(documentId("RetrieveBooking"), Map.of("id", guestsBooking));
        assertThat(guests.data().path("booking").isNull()).as(guests.body().toString()).isTrue();
        assertThat(guest.send(BY_ID, Map.of("id", id)).data().path("booking").isNull())
                .as("a guest does not see a partner's booking").isTrue();

        var refused = partner.sendDocument(documentId("CancelBooking"),
                Map.of("id", guestsBooking, "idempotencyKey", UUID.randomUUID().toString()));
        assertThat(refused.data().path("cancelBooking").path("code").asString()).as(refused.body().toString())
                .isEqualTo("NOT_FOUND");
        String key = UUID.randomUUID().toString();
        var cancelled = partner.sendDocument(documentId("CancelBooking"), Map.of("id", id, "idempotencyKey", key));
        JsonNode cancel = cancelled.data().path("cancelBooking");
        assertThat(cancel.path("__typename").asString()).as(cancelled.body().toString()).isEqualTo("BookingCancelled");
        assertThat(cancel.path("booking").path("status").asString()).isEqualTo("CANCELLED");
        var replay = partner.sendDocument(documentId("CancelBooking"), Map.of("id", id, "idempotencyKey", key));
        assertThat(replay.data().path("cancelBooking")).as("a replay answers the same").isEqualTo(cancel);
    }

    @Test
    void theLastRoomGoesToExactlyOneOfFiftyConcurrentGuests() throws Exception {
        LocalDate night = checkIn.plusDays(30);
        StayClient owner = anonymous.withToken(
                keycloak.passwordToken(DemoAccounts.OWNER.username(), DemoAccounts.OWNER.password()));
        List<StayClient> guests = IntStream.range(0, 50).mapToObj(i -> aNewGuest()).toList();
        Map<String, Object> input = offer(guests.getFirst(), null, night, night.plusDays(1));
        String roomTypeId = (String) input.get("roomTypeId");
        var set = owner.send("""
                        mutation ($input: SetRoomInventoryInput!) {
                          setRoomInventory(input: $input) { nights errors { field code message } }
                        }""",
                Map.of("input", Map.of("roomTypeId", roomTypeId, "from", night.toString(), "to", night.toString(),
                        "rooms", 1)));
        assertThat(set.data().path("setRoomInventory").path("nights").asInt()).as(set.body().toString()).isEqualTo(1);

        var start = new CountDownLatch(1);
        List<String> answers;
        try (var pool = Executors.newFixedThreadPool(guests.size())) {
            List<Future<String>> futures = guests.stream().map(g -> pool.submit(() -> {
                start.await();
                return book(g, input, null).path("__typename").asString();
            })).toList();
            start.countDown();
            answers = new ArrayList<>();
            for (var future : futures) {
                answers.add(future.get(2, TimeUnit.MINUTES));
            }
        }

        assertThat(answers).filteredOn("BookingConfirmed"::equals).hasSize(1);
        assertThat(answers).filteredOn("SoldOut"::equals).hasSize(49);
    }

    /** A freshly registered guest: each has its own mutation budget at the router. */
    private StayClient aNewGuest() {
        String email = "booking-" + UUID.randomUUID() + "@stay.example";
        String password = "booking-local-dev-password";
        keycloak.register(email, password, "Booking", "Guest");
        return anonymous.withToken(keycloak.passwordToken(email, password));
    }

    /** The input to book the first room type the hotel offers for the stay, at its live total. */
    private Map<String, Object> offer(StayClient client) {
        return offer(client, null, checkIn, checkOut);
    }

    /** The input to book that room type (the first offered when null) for the stay, at its live total. */
    private Map<String, Object> offer(StayClient client, String roomTypeId, LocalDate checkIn, LocalDate checkOut) {
        var response = client.send(AVAILABILITY,
                Map.of("id", hotel.id().toString(), "in", checkIn.toString(), "out", checkOut.toString()));
        JsonNode offer = null;
        for (JsonNode each : response.data().path("hotel").path("availability")) {
            if (offer == null && (roomTypeId == null || roomTypeId.equals(each.path("roomType").path("id").asString()))) {
                offer = each;
            }
        }
        assertThat(offer).as("an offer: " + response.body()).isNotNull();
        Map<String, Object> input = new HashMap<>();
        input.put("hotelId", hotel.id().toString());
        input.put("roomTypeId", offer.path("roomType").path("id").asString());
        input.put("checkIn", checkIn.toString());
        input.put("checkOut", checkOut.toString());
        input.put("guests", 2);
        input.put("rooms", 1);
        input.put("quotedTotal", Map.of("amount", offer.path("totalPrice").path("amount").asString(),
                "currency", offer.path("totalPrice").path("currency").asString()));
        input.put("paymentToken", "tok_ok");
        return input;
    }

    private JsonNode book(StayClient client, Map<String, Object> input, String key) {
        var response = client.send(CREATE, Map.of("input", input, "key", key == null ? UUID.randomUUID().toString() : key));
        return response.data().path("createBooking");
    }

    private static List<String> ids(JsonNode connection) {
        List<String> ids = new ArrayList<>();
        for (JsonNode edge : connection.path("edges")) {
            ids.add(edge.path("node").path("id").asString());
        }
        return ids;
    }

    /** A partner's document id: the hash of the file the router lists it from. */
    private static String documentId(String name) throws Exception {
        byte[] document = Files.readAllBytes(Path.of("..", "router", "persisted", name + ".graphql"));
        return "sha256:" + HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(document));
    }
}
