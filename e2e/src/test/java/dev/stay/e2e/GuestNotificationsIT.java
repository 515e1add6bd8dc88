package dev.stay.e2e;

import static dev.stay.booking.db.Tables.GUEST_CONTACT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import dev.stay.devstack.engines.Postgres;
import dev.stay.devstack.launcher.Platform;
import dev.stay.seed.world.DemoWorld;
import java.time.Duration;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jooq.impl.DSL;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * A guest registered in Keycloak sets their language and notification preferences through the router, books a demo
 * hotel's room, and the messaging provider sends them one email in Portuguese and no SMS (they turned SMS off).
 */
class GuestNotificationsIT {

    static final String UPDATE = """
            mutation ($input: UpdateProfileInput!) {
              updateProfile(input: $input) {
                user { locale phone notificationPreferences { email sms reminders } }
                errors { field code }
              }
            }""";

    final Platform stay = Stay.platform();
    final StayClient anonymous = Stay.client();
    final DemoWorld.Hotel hotel = DemoWorld.small().hotels().get(3);

    @Test
    void aGuestsPreferencesSetThroughTheRouterChooseTheLanguageAndChannelsOfTheirBookingMessages() {
        String email = "notified-" + UUID.randomUUID() + "@stay.example";
        UUID id = stay.engines().keycloak().register(email, "notified-local-dev-password", "Rita", "Lopes");
        StayClient guest = anonymous.withToken(stay.engines().keycloak().passwordToken(email, "notified-local-dev-password"));

        var refused = guest.send(UPDATE, Map.of("input", Map.of("notificationPreferences",
                Map.of("email", true, "sms", true))));
        assertThat(refused.data().path("updateProfile").path("errors").get(0).path("code").asString())
                .as(refused.body().toString()).isEqualTo("SMS_NEEDS_PHONE");
        var updated = guest.send(UPDATE, Map.of("input", Map.of("phone", "+351912345678", "locale", "pt-PT",
                "notificationPreferences", Map.of("email", true, "sms", false, "reminders", true))));
        JsonNode user = updated.data().path("updateProfile").path("user");
        assertThat(user.path("locale").asString()).as(updated.body().toString()).isEqualTo("pt-PT");
        assertThat(user.path("notificationPreferences").path("sms").asBoolean()).isFalse();

        // booking learns the preferences from users' profile-changed (users' outbox, then Kafka)
        Postgres postgres = stay.engines().postgres();
        var booking = DSL.using(postgres.jdbcUrl("booking"), postgres.user(), postgres.password());
        await().atMost(Duration.ofSeconds(30)).until(() -> booking.fetchOptional(GUEST_CONTACT,
                GUEST_CONTACT.USER_ID.eq(id)).filter(c -> "pt-PT".equals(c.getLocale())).isPresent());

        String reference = book(guest);

        await().atMost(Duration.ofSeconds(30)).until(() -> !sentTo(email).isEmpty());
        List<ServeEvent> toEmail = sentTo(email);
        assertThat(toEmail).hasSize(1);
        assertThat(toEmail.getFirst().getRequest().getBodyAsString()).contains("Reserva " + reference + " confirmada");
        assertThat(sentTo("+351912345678")).as("SMS off").isEmpty();
    }

    private String book(StayClient guest) {
        LocalDate checkIn = LocalDate.now().plusDays(90);
        LocalDate checkOut = checkIn.plusDays(1);
        var offers = guest.send("""
                        query ($id: ID!, $in: Date!, $out: Date!) {
                          hotel(id: $id) { availability(checkIn: $in, checkOut: $out, guests: 1) {
                            roomType { id } totalPrice { amount currency } } }
                        }""",
                Map.of("id", hotel.id().toString(), "in", checkIn.toString(), "out", checkOut.toString()));
        JsonNode offer = offers.data().path("hotel").path("availability").get(0);
        assertThat(offer).as(offers.body().toString()).isNotNull();
        Map<String, Object> input = new HashMap<>();
        input.put("hotelId", hotel.id().toString());
        input.put("roomTypeId", offer.path("roomType").path("id").asString());
        input.put("checkIn", checkIn.toString());
        input.put("checkOut", checkOut.toString());
        input.put("guests", 1);
        input.put("rooms", 1);
        input.put("quotedTotal", Map.of("amount", offer.path("totalPrice").path("amount").asString(),
                "currency", offer.path("totalPrice").path("currency").asString()));
        input.put("paymentToken", "tok_visa");
        var created = guest.send("""
                        mutation ($input: CreateBookingInput!, $key: ID!) {
                          createBooking(input: $input, idempotencyKey: $key) {
                            __typename ... on BookingConfirmed { booking { reference } }
                          }
                        }""",
                Map.of("input", input, "key", UUID.randomUUID().toString()));
        JsonNode answer = created.data().path("createBooking");
        assertThat(answer.path("__typename").asString()).as(created.body().toString()).isEqualTo("BookingConfirmed");
        return answer.path("booking").path("reference").asString();
    }

    /** The messages the provider sent (201) to this address or phone. */
    private List<ServeEvent> sentTo(String to) {
        return stay.engines().notifications().server().getAllServeEvents().stream()
                .filter(e -> e.getRequest().getUrl().equals("/v1/messages"))
                .filter(e -> e.getResponse().getStatus() == 201)
                .filter(e -> e.getRequest().getBodyAsString().contains("\"to\":\"" + to + "\""))
                .toList();
    }
}
