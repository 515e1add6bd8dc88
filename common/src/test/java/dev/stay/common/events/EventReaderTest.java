package dev.stay.common.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.json.JsonMapper;

/** The one reader of both forms Stay's producers write, and what it refuses as malformed. */
class EventReaderTest {

    final EventReader reader = new EventReader(JsonMapper.builder().build());

    record Changed(UUID propertyId, int version) {
        Changed {
            if (propertyId == null) {
                throw new MalformedEventException("no propertyId");
            }
        }
    }

    @Test
    void readsTheOutboxsEnvelope() {
        UUID id = UUID.randomUUID();
        UUID property = UUID.randomUUID();

        ReceivedEvent event = reader.read(record("catalog.property", """
                {"eventId":"%s","type":"property-changed","occurredAt":"2026-11-30T08:00:00Z",\
                "data":{"propertyId":"%s","version":3}}""".formatted(id, property)));

        assertThat(event.eventId()).isEqualTo(id.toString());
        assertThat(event.type()).isEqualTo("property-changed");
        assertThat(event.occurredAt()).isEqualTo(Instant.parse("2026-11-30T08:00:00Z"));
        assertThat(event.topic()).isEqualTo("catalog.property");
        assertThat(reader.data(event, Changed.class)).isEqualTo(new Changed(property, 3));
    }

    /** As keycloak/'s UserEvent.toJson() writes it: flat, with a null locale, the instant in ISO-8601. */
    @Test
    void readsTheIdentityProvidersFlatMessageAsItsOwnDataTypedByItsTopic() {
        ReceivedEvent event = reader.read(record("user.registered", """
                {"eventId":"0f3c-kc","userId":"7d1f0f5e-2a53-4b4c-9d7e-0b1de1a3c1aa","email":"mia@stay.example",\
                "displayName":"Mia Costa","locale":null,"occurredAt":"2026-11-30T08:00:00.123Z"}"""));

        assertThat(event.eventId()).isEqualTo("0f3c-kc");
        assertThat(event.type()).isEqualTo("user.registered");
        assertThat(event.occurredAt()).isEqualTo(Instant.parse("2026-11-30T08:00:00.123Z"));
        assertThat(event.data().get("displayName").asString()).isEqualTo("Mia Costa");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "{not json", "[1,2]", "\"text\"", "{\"type\":\"x\",\"data\":{}}", "{\"eventId\":\" \"}",
            "{\"eventId\":\"e1\",\"occurredAt\":\"yesterday\"}"})
    void whatIsNotAnEventWithAnIdIsMalformed(String value) {
        assertThatThrownBy(() -> reader.read(record("catalog.property", value)))
                .isInstanceOf(MalformedEventException.class);
    }

    @Test
    void dataItsRecordRefusesOrOfTheWrongShapeIsMalformed() {
        ReceivedEvent noId = reader.read(record("catalog.property", """
                {"eventId":"e1","type":"property-changed","data":{"version":3}}"""));
        ReceivedEvent wrongShape = reader.read(record("catalog.property", """
                {"eventId":"e2","type":"property-changed","data":{"propertyId":"not-a-uuid","version":3}}"""));

        assertThatThrownBy(() -> reader.data(noId, Changed.class)).isInstanceOf(MalformedEventException.class);
        assertThatThrownBy(() -> reader.data(wrongShape, Changed.class)).isInstanceOf(MalformedEventException.class);
    }

    private static ConsumerRecord<String, String> record(String topic, String value) {
        return new ConsumerRecord<>(topic, 0, 42L, "key", value);
    }
}
