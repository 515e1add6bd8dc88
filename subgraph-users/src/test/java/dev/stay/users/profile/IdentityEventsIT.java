package dev.stay.users.profile;

import static dev.stay.users.db.Tables.APPLIED_EVENT;
import static dev.stay.users.db.Tables.USER_PROFILE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.stay.common.test.DeadLetters;
import dev.stay.common.test.SubgraphTest;
import dev.stay.devstack.engines.Engines;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.jooq.DSLContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Events from the identity provider, as its listener publishes them, through the real broker: each applied once,
 * never an older over a newer; what cannot be applied is dead-lettered (at once when malformed) and never holds up
 * the rest; a database away for a while loses nothing.
 */
@SubgraphTest
class IdentityEventsIT {

    @Autowired DSLContext db;
    KafkaProducer<String, String> producer;

    @BeforeEach
    void connect() {
        producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, Engines.shared().kafka().bootstrapServers(),
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class,
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class));
    }

    @AfterEach
    void disconnect() {
        producer.close();
    }

    @Test
    void aRegistrationCreatesTheProfile() {
        UUID user = UUID.randomUUID();

        publish("user.registered", event("reg-" + user, user, "mia@stay.example", "Mia Costa", OffsetDateTime.now()));

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                assertThat(db.fetchOptional(USER_PROFILE, USER_PROFILE.ID.eq(user)))
                        .hasValueSatisfying(p -> {
                            assertThat(p.getDisplayName()).isEqualTo("Mia Costa");
                            assertThat(p.getEmail()).isEqualTo("mia@stay.example");
                        }));
    }

    @Test
    void aReplayedEventIsAppliedOnceAndAnOlderChangeNeverWinsOverANewerOne() {
        UUID user = UUID.randomUUID();
        OffsetDateTime now = OffsetDateTime.now();
        publish("user.registered", event("reg-" + user, user, "leo@stay.example", "Leo", now.minusMinutes(10)));
        publish("user.profile-changed", event("chg2-" + user, user, "leo.new@stay.example", "Leo Novo", now));
        // delivered again, and a change made before the last one arriving late
        publish("user.profile-changed", event("chg2-" + user, user, "leo.new@stay.example", "Leo Novo", now));
        publish("user.profile-changed", event("chg1-" + user, user, "leo.old@stay.example", "Leo Velho",
                now.minusMinutes(5)));
        // ordered after the changes on their topic: once it is applied, so are they
        String marker = "marker-" + user;
        publish("user.profile-changed", event(marker, UUID.randomUUID(), "x@stay.example", "Marker", now));

        await().atMost(Duration.ofSeconds(30)).until(() ->
                db.fetchExists(dev.stay.users.db.Tables.APPLIED_EVENT,
                        dev.stay.users.db.Tables.APPLIED_EVENT.EVENT_ID.eq(marker)));
        var profile = db.fetchOne(USER_PROFILE, USER_PROFILE.ID.eq(user));
        assertThat(profile.getEmail()).isEqualTo("leo.new@stay.example");
        assertThat(profile.getDisplayName()).isEqualTo("Leo Novo");
        assertThat(db.fetchCount(dev.stay.users.db.Tables.APPLIED_EVENT,
                dev.stay.users.db.Tables.APPLIED_EVENT.EVENT_ID.like("%" + user)))
                .as("registration, the newer change once, the older one (recorded, changing nothing), the marker")
                .isEqualTo(4);
    }

    @Test
    void malformedRecordsAreDeadLetteredAtOnceAndTheGoodOnesBehindThemAreApplied() {
        UUID user = UUID.randomUUID();
        List<String> poison = List.of(
                "{\"eventId\":",
                """
                {"userId":"%s","email":"x@stay.example","displayName":"No Id","occurredAt":"%s"}"""
                        .formatted(user, OffsetDateTime.now()),
                """
                {"eventId":"no-user-%s","email":"x@stay.example","displayName":"No User","occurredAt":"%s"}"""
                        .formatted(user, OffsetDateTime.now()));
        poison.forEach(value -> producer.send(new ProducerRecord<>("user.registered", user.toString(), value)));
        String good = "reg-" + user;
        publish("user.registered", user, event(good, user, "ana@stay.example", "Ana", OffsetDateTime.now()));

        // well within the retries' budget (20 s in tests): these went straight to the dead letters
        await().atMost(Duration.ofSeconds(10)).until(() -> db.fetchExists(APPLIED_EVENT, APPLIED_EVENT.EVENT_ID.eq(good)));
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                assertThat(deadLetters("user.registered.DLT", user)).containsExactlyElementsOf(poison));
        assertThat(db.fetchOne(USER_PROFILE, USER_PROFILE.ID.eq(user)).getDisplayName()).isEqualTo("Ana");
    }

    @Test
    void registrationsWhileTheDatabaseIsStoppedAreEachAppliedOnceWhenItIsBack() throws Exception {
        List<UUID> users = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            users.add(UUID.randomUUID());
        }
        for (UUID user : users.subList(0, 3)) {
            publish("user.registered", user, event("reg-" + user, user, null, "Early " + user, OffsetDateTime.now()));
        }
        await().atMost(Duration.ofSeconds(30)).until(() -> db.fetchCount(USER_PROFILE, USER_PROFILE.ID.in(users)) == 3);

        Engines.shared().postgres().stop();
        try {
            for (UUID user : users.subList(3, 20)) {
                publish("user.registered", user, event("reg-" + user, user, null, "Late " + user, OffsetDateTime.now()));
            }
            // the database stays away longer than ten quick retries last (the tests' pool gives up on a connection
            // after 1 s): what this test is about, not a wait for a result
            Thread.sleep(12_000);
        } finally {
            Engines.shared().postgres().start();
        }

        await().atMost(Duration.ofSeconds(90)).ignoreExceptions()
                .until(() -> db.fetchCount(USER_PROFILE, USER_PROFILE.ID.in(users)) == 20);
        assertThat(db.fetchCount(APPLIED_EVENT, APPLIED_EVENT.EVENT_ID.in(users.stream().map(u -> "reg-" + u).toList())))
                .isEqualTo(20);
        assertThat(users).allSatisfy(user -> assertThat(deadLetters("user.registered.DLT", user)).isEmpty());
    }

    @Test
    void aRegistrationWithAnEmailLongerThanAnyMailboxCreatesTheProfileWithoutTheEmail() {
        UUID user = UUID.randomUUID();
        String marker = "reg-" + user;

        publish("user.registered", user, event(marker, user, "b".repeat(300) + "@stay.example", "", OffsetDateTime.now()));

        await().atMost(Duration.ofSeconds(10)).until(() -> db.fetchExists(APPLIED_EVENT, APPLIED_EVENT.EVENT_ID.eq(marker)));
        var profile = db.fetchOne(USER_PROFILE, USER_PROFILE.ID.eq(user));
        assertThat(profile.getEmail()).isNull();
        assertThat(profile.getDisplayName()).isEqualTo("Stay guest");
    }

    private void publish(String topic, String json) {
        producer.send(new ProducerRecord<>(topic, json.substring(0, 10), json));
        producer.flush();
    }

    /** Keyed by the user, as the identity provider's listener keys them. */
    private void publish(String topic, UUID user, String json) {
        producer.send(new ProducerRecord<>(topic, user.toString(), json));
        producer.flush();
    }

    /** The values dead-lettered with this key so far. */
    private static List<String> deadLetters(String topic, UUID key) {
        return new DeadLetters(topic).withKey(key).stream().map(DeadLetters.Letter::value).toList();
    }

    /** As the identity provider's listener writes it (keycloak/'s UserEvent): flat, every field present. */
    private static String event(String eventId, UUID user, String email, String name, OffsetDateTime at) {
        return """
                {"eventId":"%s","userId":"%s","email":%s,"displayName":"%s","locale":null,"occurredAt":"%s"}"""
                .formatted(eventId, user, email == null ? "null" : "\"" + email + "\"", name, at);
    }
}
