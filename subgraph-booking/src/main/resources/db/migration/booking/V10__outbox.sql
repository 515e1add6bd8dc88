-- Events waiting to be published: written in the transaction of the change they announce, sent to Kafka by the
-- outbox relay (common's dev.stay.common.outbox), deleted some days after they were sent.
CREATE TABLE outbox (
  id           uuid        PRIMARY KEY,                   -- the event id: consumers apply each once
  seq          bigint      GENERATED ALWAYS AS IDENTITY,  -- the order of writing, which is the order of sending
  topic        text        NOT NULL,
  key          text        NOT NULL,                      -- the Kafka key: the property id
  type         text        NOT NULL,                      -- the event record's simple name
  payload      jsonb       NOT NULL,
  occurred_at  timestamptz NOT NULL,
  published_at timestamptz                                -- null until the broker acknowledged it
);
CREATE INDEX outbox_unpublished_idx ON outbox (seq) WHERE published_at IS NULL;
CREATE INDEX outbox_unpublished_key_idx ON outbox (key, seq) WHERE published_at IS NULL;
