-- The catalog follows booking's inventory events (bookingfeed): each applied once, by the id booking's outbox gave it.
CREATE TABLE applied_event (
  event_id   text        PRIMARY KEY,
  topic      text        NOT NULL,
  applied_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX applied_event_applied_at_idx ON applied_event (applied_at);

-- When booking first priced a night of the property: from then on its currency is what those prices mean, and it
-- cannot change (CURRENCY_LOCKED).
ALTER TABLE property ADD COLUMN priced_since timestamptz;
