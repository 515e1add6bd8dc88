package dev.stay.common.outbox;

import java.time.Instant;
import java.util.UUID;
import tools.jackson.databind.JsonNode;

/**
 * What the outbox publishes for every event: consumers deduplicate on {@code eventId}, pick the record to read
 * {@code data} into by {@code type} (the fact, e.g. {@code property-changed}); they read it with
 * {@link dev.stay.common.events.EventReader}.
 */
public record EventEnvelope(UUID eventId, String type, Instant occurredAt, JsonNode data) {}
