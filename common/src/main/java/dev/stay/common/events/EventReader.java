package dev.stay.common.events;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.time.Instant;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads the events every consumer of Stay receives, whoever wrote them: the outbox's envelope and the identity
 * provider's flat message come out as the same {@link ReceivedEvent}, so each consumer deduplicates and dispatches
 * the same way. Whatever cannot be read is a {@link MalformedEventException}, which is dead-lettered without retries.
 */
public class EventReader {

    /** The envelope's own fields; absent {@code data} means the flat form, where the message is the data. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    record Head(String eventId, String type, Instant occurredAt, JsonNode data) {}

    private final JsonMapper json;

    public EventReader(JsonMapper json) {
        this.json = json;
    }

    /** @throws MalformedEventException when the value is not a JSON object with an event id */
    public ReceivedEvent read(ConsumerRecord<String, String> record) {
        String where = record.topic() + "-" + record.partition() + "@" + record.offset();
        if (record.value() == null || record.value().isBlank()) {
            throw new MalformedEventException(where + ": empty record");
        }
        Head head;
        JsonNode root;
        try {
            root = json.readTree(record.value());
            if (root == null || !root.isObject()) {
                throw new MalformedEventException(where + ": not a JSON object");
            }
            head = json.treeToValue(root, Head.class);
        } catch (JacksonException e) {
            throw new MalformedEventException(where + ": unreadable (" + e.getOriginalMessage() + ")", e);
        }
        if (head.eventId() == null || head.eventId().isBlank()) {
            throw new MalformedEventException(where + ": no eventId");
        }
        boolean envelope = head.data() != null && !head.data().isNull();
        return new ReceivedEvent(head.eventId(), envelope && head.type() != null ? head.type() : record.topic(),
                head.occurredAt(), envelope ? head.data() : root, record.topic());
    }

    /**
     * The event's fields as {@code type}, a record whose constructor may refuse what it cannot do without (a missing
     * id): that, like any field of the wrong shape, makes the event malformed.
     */
    public <T> T data(ReceivedEvent event, Class<T> type) {
        try {
            T data = json.treeToValue(event.data(), type);
            if (data == null) {
                throw new MalformedEventException(event.topic() + " " + event.eventId() + ": no data");
            }
            return data;
        } catch (JacksonException e) {
            throw new MalformedEventException(event.topic() + " " + event.eventId() + ": " + type.getSimpleName()
                    + " unreadable (" + e.getOriginalMessage() + ")", e);
        }
    }
}
