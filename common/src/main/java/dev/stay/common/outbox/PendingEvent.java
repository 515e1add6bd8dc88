package dev.stay.common.outbox;

import java.time.Instant;
import java.util.UUID;
import org.jooq.JSONB;

/** A row of the outbox not published yet, as the relay takes it. */
record PendingEvent(UUID id, Long seq, String topic, String key, String type, JSONB payload, Instant occurredAt,
        String traceparent) {}
