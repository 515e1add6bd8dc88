package dev.stay.users.profile;

import static dev.stay.users.db.Tables.USER_PROFILE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.stay.common.test.SubgraphTest;
import dev.stay.devstack.engines.Engines;
import java.time.Duration;
import java.time.OffsetDateTime;
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

/** Events from the identity provider through the real broker: each applied once, never an older over a newer. */
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

    private void publish(String topic, String json) {
        producer.send(new ProducerRecord<>(topic, json.substring(0, 10), json));
        producer.flush();
    }

    private static String event(String eventId, UUID user, String email, String name, OffsetDateTime at) {
        return """
                {"eventId":"%s","userId":"%s","email":"%s","displayName":"%s","locale":null,"occurredAt":"%s"}"""
                .formatted(eventId, user, email, name, at);
    }
}
