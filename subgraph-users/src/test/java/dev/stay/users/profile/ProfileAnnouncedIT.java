package dev.stay.users.profile;

import static dev.stay.users.db.Tables.OUTBOX;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.stay.common.test.DeadLetters;
import dev.stay.common.test.SignedIn;
import dev.stay.common.test.SubgraphTest;
import dev.stay.devstack.engines.Engines;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.jooq.DSLContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.graphql.test.tester.WebGraphQlTester;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Every change of what reaches a user (created at first sight or by registration, updated by them or by the identity
 * provider) is announced on {@code users.profile} with a version one higher, through the outbox, so booking can
 * notify them from its copy; a refused update announces nothing.
 */
@SubgraphTest
class ProfileAnnouncedIT {

    static final String UPDATE = """
            mutation ($input: UpdateProfileInput!) {
              updateProfile(input: $input) {
                user { locale notificationPreferences { email sms reminders } }
                errors { field code }
              }
            }""";

    @Autowired WebGraphQlTester graphQl;
    @Autowired DSLContext db;
    @Autowired JsonMapper json;

    @AfterEach
    void signOut() {
        SignedIn.nobody();
    }

    @Test
    void aNewProfileAndEachUpdateAreAnnouncedWithTheirVersionAndPreferences() {
        UUID user = UUID.randomUUID();
        SignedIn.as(user, "guest");
        graphQl.document("{ me { id } }").execute();

        var result = graphQl.document(UPDATE).variable("input", Map.of("phone", "+351912345678", "locale", "fr-FR",
                "notificationPreferences", Map.of("email", true, "sms", true, "reminders", false))).execute();

        result.path("updateProfile.errors").entityList(Object.class).hasSize(0);
        result.path("updateProfile.user.notificationPreferences.reminders").entity(Boolean.class).isEqualTo(false);
        List<JsonNode> announced = announced(user);
        assertThat(announced).hasSize(2);
        assertThat(announced.get(0).path("version").asLong()).isEqualTo(1);
        assertThat(announced.get(0).path("email").asString()).isEqualTo("user-" + user + "@stay.example");
        assertThat(announced.get(0).path("notifyReminders").asBoolean()).isTrue();
        JsonNode latest = announced.get(1);
        assertThat(latest.path("version").asLong()).isEqualTo(2);
        assertThat(latest.path("phone").asString()).isEqualTo("+351912345678");
        assertThat(latest.path("locale").asString()).isEqualTo("fr-FR");
        assertThat(latest.path("notifyBySms").asBoolean()).isTrue();
        assertThat(latest.path("notifyReminders").asBoolean()).isFalse();
        await().atMost(Duration.ofSeconds(20)).until(() -> new DeadLetters(ProfileEvents.TOPIC).withKey(user).size() == 2);
    }

    @Test
    void aRefusedUpdateAndAnUnchangedRequestAnnounceNothing() {
        UUID user = UUID.randomUUID();
        SignedIn.as(user, "guest");
        graphQl.document("{ me { id } }").execute();

        graphQl.document(UPDATE).variable("input", Map.of("locale", "xx-YY",
                        "notificationPreferences", Map.of("email", true, "sms", false, "reminders", false)))
                .execute().path("updateProfile.errors[0].code").entity(String.class).isEqualTo("UNSUPPORTED_LOCALE");
        graphQl.document("{ me { id } }").execute();

        assertThat(announced(user)).hasSize(1);
    }

    @Test
    void leavingRemindersOutOfTheInputKeepsThem() {
        UUID user = UUID.randomUUID();
        SignedIn.as(user, "guest");
        graphQl.document(UPDATE).variable("input", Map.of(
                "notificationPreferences", Map.of("email", true, "sms", false, "reminders", false))).execute();

        graphQl.document(UPDATE).variable("input", Map.of("notificationPreferences", Map.of("email", false, "sms", false)))
                .execute().path("updateProfile.user.notificationPreferences.reminders").entity(Boolean.class)
                .isEqualTo(false);
    }

    @Test
    void anIdentityProviderChangeIsAnnouncedAndAnOlderOneIsNot() throws Exception {
        UUID user = UUID.randomUUID();
        OffsetDateTime now = OffsetDateTime.now();
        try (var producer = new KafkaProducer<String, String>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, Engines.shared().kafka().bootstrapServers(),
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class,
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class))) {
            // one topic and key, so they are applied in this order
            producer.send(new ProducerRecord<>("user.profile-changed", user.toString(),
                    identity(user, "a@stay.example", now))).get();
            producer.send(new ProducerRecord<>("user.profile-changed", user.toString(),
                    identity(user, "old@stay.example", now.minusHours(1)))).get();
            producer.send(new ProducerRecord<>("user.profile-changed", user.toString(),
                    identity(user, "b@stay.example", now.plusSeconds(1)))).get();
        }

        await().atMost(Duration.ofSeconds(30)).until(() -> announced(user).size() == 2);
        assertThat(announced(user)).extracting(e -> e.path("email").asString())
                .containsExactly("a@stay.example", "b@stay.example");
    }

    private static String identity(UUID user, String email, OffsetDateTime at) {
        return """
                {"eventId":"%s","userId":"%s","email":"%s","displayName":"D","locale":"de-DE","occurredAt":"%s"}"""
                .formatted(UUID.randomUUID(), user, email, at);
    }

    /** What the outbox holds for this user, oldest first. */
    private List<JsonNode> announced(UUID user) {
        return db.select(OUTBOX.PAYLOAD).from(OUTBOX)
                .where(OUTBOX.TOPIC.eq(ProfileEvents.TOPIC)).and(OUTBOX.KEY.eq(user.toString()))
                .orderBy(OUTBOX.SEQ)
                .fetch(r -> json.readTree(r.value1().data()));
    }
}
