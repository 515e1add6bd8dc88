package dev.stay.common.events;

import java.time.Instant;
import tools.jackson.databind.JsonNode;

/**
 * An event as a consumer received it, read by {@link EventReader} from either form Stay's producers write: the
 * outbox's envelope {@code {eventId, type, occurredAt, data}}, or the identity provider's flat message (the fields of
 * the event with its {@code eventId} and {@code occurredAt} among them), whose type is its topic.
 *
 * @param eventId what {@link AppliedEvents} deduplicates on; never blank
 * @param type the fact, e.g. {@code property-changed}; the topic when the message does not say
 * @param occurredAt when it happened, as the producer says; null when it does not
 * @param data the event's own fields
 * @param topic where it came from
 */
public record ReceivedEvent(String eventId, String type, Instant occurredAt, JsonNode data, String topic) {}
