-- The trace context (W3C traceparent) of the request that appended an event, for the outbox relay to send on as the
-- record's traceparent header (common's dev.stay.common.outbox). Users has an outbox only once it publishes events:
-- until then this changes nothing.
ALTER TABLE IF EXISTS outbox ADD COLUMN IF NOT EXISTS traceparent text;
