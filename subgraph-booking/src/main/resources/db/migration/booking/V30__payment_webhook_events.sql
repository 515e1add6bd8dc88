-- The payment provider's webhook events booking has applied, by the provider's event id: a duplicate delivery finds
-- its id here and changes nothing. An event is written before it is applied and deleted again when applying it
-- failed (the provider then sends it again); kept stay.payment.webhook.retention (30 days), longer than the provider
-- retries, then pruned.
CREATE TABLE payment_webhook_event (
  event_id        text        PRIMARY KEY CHECK (length(event_id) BETWEEN 1 AND 128),
  type            text        NOT NULL CHECK (length(type) <= 64),
  idempotency_key text        NOT NULL CHECK (length(idempotency_key) <= 128),
  outcome         text,                      -- what applying it did; null while it is applied
  received_at     timestamptz NOT NULL
);
CREATE INDEX payment_webhook_event_received_idx ON payment_webhook_event (received_at);
