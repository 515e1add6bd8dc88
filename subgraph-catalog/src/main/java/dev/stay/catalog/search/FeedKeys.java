package dev.stay.catalog.search;

import dev.stay.common.events.MalformedEventException;
import dev.stay.common.events.ReceivedEvent;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;

/** The catalog's topics are keyed by the aggregate's id: a record with any other key is malformed (dead-lettered). */
public final class FeedKeys {

    private FeedKeys() {}

    /** @param of what the key names, for the dead letter's reason ("property", "restaurant") */
    public static UUID id(ConsumerRecord<String, String> record, ReceivedEvent event, String of) {
        try {
            return UUID.fromString(record.key());
        } catch (RuntimeException e) {
            throw new MalformedEventException("the key of " + event.eventId() + " is not a " + of + " id");
        }
    }
}
