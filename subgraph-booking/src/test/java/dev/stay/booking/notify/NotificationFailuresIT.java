package dev.stay.booking.notify;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.stubbing.Scenario.STARTED;
import static dev.stay.booking.db.Tables.NOTIFICATION;
import static dev.stay.booking.notify.NotifyFixtures.event;
import static dev.stay.booking.notify.NotifyFixtures.messagesSent;
import static dev.stay.booking.notify.NotifyFixtures.provider;
import static dev.stay.booking.notify.NotifyFixtures.requestsFor;
import static dev.stay.booking.notify.NotifyFixtures.stay;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.github.tomakehurst.wiremock.stubbing.StubMapping;
import dev.stay.common.test.DeadLetters;
import dev.stay.common.test.SubgraphTest;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.jooq.DSLContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.json.JsonMapper;

/**
 * The provider failing for a while, for good, or a record nobody can read: retried with back-off (the same
 * idempotency key every time) until sent once, or dead-lettered to {@code booking.booking.DLT} without holding up
 * the events behind it.
 */
@SubgraphTest
class NotificationFailuresIT {

    static final DeadLetters DEAD_LETTERS = new DeadLetters(NotificationListener.TOPIC + ".DLT");

    @Autowired DSLContext db;
    @Autowired JsonMapper json;
    NotifyFixtures fixtures;
    UUID hotel;
    List<StubMapping> stubs = new ArrayList<>();
    LocalDate checkIn = LocalDate.of(2027, 5, 1);
    LocalDate checkOut = LocalDate.of(2027, 5, 4);

    @BeforeEach
    void hotel() {
        fixtures = new NotifyFixtures(db, json);
        hotel = fixtures.aHotelIn("Europe/Paris");
    }

    @AfterEach
    void close() {
        stubs.forEach(provider()::removeStub);
        fixtures.close();
    }

    @Test
    void aProviderAnswering503TwiceThenAcceptingSendsOneMessageAfterRetriesWithTheSameKey() {
        String email = "flaky-" + UUID.randomUUID() + "@stay.example";
        String scenario = "flaky " + email;
        stubs.add(provider().stubFor(post(urlEqualTo("/v1/messages")).atPriority(1)
                .withRequestBody(matchingJsonPath("$.to", equalTo(email)))
                .inScenario(scenario).whenScenarioStateIs(STARTED).willSetStateTo("failed once")
                .willReturn(aResponse().withStatus(503))));
        stubs.add(provider().stubFor(post(urlEqualTo("/v1/messages")).atPriority(1)
                .withRequestBody(matchingJsonPath("$.to", equalTo(email)))
                .inScenario(scenario).whenScenarioStateIs("failed once").willSetStateTo("recovered")
                .willReturn(aResponse().withStatus(502))));
        UUID guest = fixtures.aGuest("fr-FR", email, null, true, false, true);
        var event = event("booking.confirmed", stay(hotel, guest, checkIn, checkOut));

        fixtures.publish(event);
        fixtures.awaitSent(event.eventId(), Channel.EMAIL);

        var attempts = requestsFor(event.eventId());
        assertThat(attempts).extracting(e -> e.getResponse().getStatus()).containsExactly(503, 502, 201);
        assertThat(attempts).extracting(e -> e.getRequest().getHeader("Idempotency-Key"))
                .containsOnly(event.eventId() + ":EMAIL");
        assertThat(messagesSent(event.eventId(), Channel.EMAIL)).hasSize(1);
        assertThat(db.fetchOne(NOTIFICATION, NOTIFICATION.EVENT_ID.eq(event.eventId())).getAttempts()).isEqualTo(3);
    }

    /**
     * The provider sends the message but answers after the client gave up (read timeout 3 s in tests): the consumer
     * cannot know, tries again with the same key, and the provider answers that replay without sending again.
     */
    @Test
    void aMessageSentButAnsweredTooLateIsNotSentTwice() {
        String email = "late-answer-" + UUID.randomUUID() + "@stay.example";
        stubs.add(provider().stubFor(post(urlEqualTo("/v1/messages")).atPriority(1)
                .withRequestBody(matchingJsonPath("$.to", equalTo(email)))
                .inScenario("late " + email).whenScenarioStateIs(STARTED).willSetStateTo("answered")
                .willReturn(aResponse().withStatus(201).withFixedDelay(5_000)
                        .withHeader("Content-Type", "application/json")
                        .withBody("{\"id\":\"msg_{{request.headers.Idempotency-Key}}\",\"status\":\"queued\"}")
                        .withTransformers("response-template", "idempotent-messages"))));
        UUID guest = fixtures.aGuest("en", email, null, true, false, true);
        var event = event("booking.confirmed", stay(hotel, guest, checkIn, checkOut));

        fixtures.publish(event);
        fixtures.awaitSent(event.eventId(), Channel.EMAIL);

        var attempts = requestsFor(event.eventId());
        assertThat(attempts).extracting(e -> e.getResponse().getStatus()).containsExactly(201, 200);
        assertThat(messagesSent(event.eventId(), Channel.EMAIL)).as("what the guest received").hasSize(1);
    }

    @Test
    void aProviderThatNeverAcceptsEndsWithTheEventDeadLetteredAndNothingSentAndTheNextEventStillGoesOut() {
        UUID unreachable = fixtures.aGuest("en", "guest@unavailable.example", null, true, false, true);
        UUID fine = fixtures.aGuest("en", "fine-" + UUID.randomUUID() + "@stay.example", null, true, false, true);
        var failing = event("booking.confirmed", stay(hotel, unreachable, checkIn, checkOut));
        var behind = event("booking.confirmed", stay(hotel, fine, checkIn, checkOut));

        fixtures.publish(failing, behind);

        await().atMost(Duration.ofSeconds(60)).until(() -> !deadLetters().isEmpty());
        var letters = deadLetters();
        assertThat(letters).hasSize(1);
        assertThat(letters.getFirst().value()).contains(failing.eventId());
        assertThat(letters.getFirst().headers()).contains("503");
        fixtures.awaitSent(behind.eventId(), Channel.EMAIL);
        assertThat(requestsFor(failing.eventId())).hasSizeGreaterThan(2)
                .allMatch(e -> e.getResponse().getStatus() == 503);
        assertThat(messagesSent(failing.eventId(), Channel.EMAIL)).isEmpty();
    }

    @Test
    void aPoisonEventIsDeadLetteredAtOnceAndTheEventsBehindItAreSent() {
        UUID guest = fixtures.aGuest("en", "poison-" + UUID.randomUUID() + "@stay.example", null, true, false, true);
        var noGuest = stay(hotel, guest, checkIn, checkOut);
        noGuest.remove("guestId");
        var behind = event("booking.confirmed", stay(hotel, guest, checkIn, checkOut));

        fixtures.sendRaw(NotifyFixtures.BOOKINGS, hotel, "{not json");
        fixtures.publish(event("booking.confirmed", noGuest));
        fixtures.sendRaw(NotifyFixtures.BOOKINGS, hotel, "{\"eventId\":\"x\",\"type\":\"booking.confirmed\","
                + "\"data\":{\"bookingId\":\"" + "a".repeat(100_000) + "\"}}");
        long started = System.nanoTime();
        fixtures.publish(behind);
        fixtures.awaitSent(behind.eventId(), Channel.EMAIL);

        assertThat(Duration.ofNanos(System.nanoTime() - started)).as("not retried").isLessThan(Duration.ofSeconds(15));
        await().atMost(Duration.ofSeconds(20)).until(() -> deadLetters().size() == 3);
        assertThat(deadLetters()).extracting(DeadLetters.Letter::headers)
                .allMatch(h -> h.contains("MalformedEventException"));
    }

    /**
     * A guest who books before users' profile reached booking (signed up a moment ago): the event waits, holds up
     * nothing behind it, and is sent once the contact arrives, once.
     */
    @Test
    void anEventForAGuestWhoseContactHasNotArrivedWaitsForItAndHoldsNothingUp() {
        UUID newcomer = UUID.randomUUID();
        UUID known = fixtures.aGuest("en", "known-" + UUID.randomUUID() + "@stay.example", null, true, false, true);
        var early = event("booking.confirmed", stay(hotel, newcomer, checkIn, checkOut));
        var behind = event("booking.confirmed", stay(hotel, known, checkIn, checkOut));

        fixtures.publish(early, behind);
        fixtures.awaitSent(behind.eventId(), Channel.EMAIL);
        assertThat(requestsFor(early.eventId())).as("nowhere to send it yet").isEmpty();

        fixtures.announce(newcomer, "pt-PT", "newcomer-" + newcomer + "@stay.example", null, true, false, true, 1);
        fixtures.awaitSent(early.eventId(), Channel.EMAIL);
        fixtures.publish(early);

        await().during(Duration.ofSeconds(3)).atMost(Duration.ofSeconds(10))
                .until(() -> messagesSent(early.eventId(), Channel.EMAIL).size() == 1);
        assertThat(NotifyFixtures.body(messagesSent(early.eventId(), Channel.EMAIL).getFirst())).contains("newcomer-" + newcomer);
        assertThat(deadLetters()).isEmpty();
    }

    /** A contact that never arrives: after {@code awaiting-max} the event is dead-lettered with the reason, unsent. */
    @Test
    void anEventWhoseGuestsContactNeverArrivesIsDeadLetteredOnceItWaitedTooLong() {
        var lost = event("booking.confirmed", stay(hotel, UUID.randomUUID(), checkIn, checkOut));

        fixtures.publish(lost);

        await().atMost(Duration.ofSeconds(60)).until(() -> deadLetters().size() == 1);
        var letter = deadLetters().getFirst();
        assertThat(letter.value()).contains(lost.eventId());
        assertThat(letter.headers()).contains("did not arrive");
        assertThat(requestsFor(lost.eventId())).isEmpty();
    }

    /**
     * What this consumer dead-lettered for the test's hotel: {@code booking.booking.DLT} is shared with the archive,
     * booking's other consumer of {@code booking.booking}, which dead-letters the records it cannot read too.
     */
    private List<DeadLetters.Letter> deadLetters() {
        return DEAD_LETTERS.withKey(hotel).stream()
                .filter(letter -> letter.headers().contains("kafka_dlt-original-consumer-group=" + NotificationListener.ID))
                .toList();
    }
}
