-- The trace context (W3C traceparent) of the request that appended the event, null outside a traced request: the
-- outbox relay sends it on as the record's traceparent header, so a consumer's work joins the trace of the change.
ALTER TABLE outbox ADD COLUMN traceparent text;
