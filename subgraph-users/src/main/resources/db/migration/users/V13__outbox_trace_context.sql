-- The trace context (W3C traceparent) of the request that appended an event, for the outbox relay to send on as the
-- record's traceparent header (common's dev.stay.common.outbox).
ALTER TABLE outbox ADD COLUMN traceparent text;
