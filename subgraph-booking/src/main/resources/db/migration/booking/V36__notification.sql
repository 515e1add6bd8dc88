-- One message per event per channel: the row is claimed (SENDING) and committed before the provider is called, and
-- marked SENT after it answered. A consumer that stops in between finds SENDING and sends again with the same
-- Idempotency-Key (event id and channel), which the provider answers without sending twice.
CREATE TABLE notification (
  event_id            text        NOT NULL,   -- the booking event's id, or reminder:<booking>:<check-in>
  channel             text        NOT NULL CHECK (channel IN ('EMAIL', 'SMS')),
  kind                text        NOT NULL CHECK (kind IN ('CONFIRMED', 'CANCELLED', 'DATES_CHANGED',
                                                             'PAYMENT_FAILED', 'REMINDER')),
  booking_id          uuid        NOT NULL,
  status              text        NOT NULL CHECK (status IN ('SENDING', 'SENT')),
  attempts            int         NOT NULL DEFAULT 0,
  provider_message_id text,
  created_at          timestamptz NOT NULL DEFAULT now(),
  sent_at             timestamptz,
  PRIMARY KEY (event_id, channel)
);
CREATE INDEX notification_booking_idx ON notification (booking_id);

-- The reminder the day before arrival, kept from booking events (confirmed, changed: due again for the new dates;
-- cancelled: done, nothing to send)
-- and sent by the reminder job when remind_at has come: a local hour of the day before check-in in the property's
-- time zone. Several instances share it with FOR UPDATE SKIP LOCKED.
CREATE TABLE reminder (
  booking_id  uuid        PRIMARY KEY,
  reference   text        NOT NULL,
  property_id uuid        NOT NULL,
  guest_id    uuid        NOT NULL,
  check_in    date        NOT NULL,
  check_out   date        NOT NULL,
  time_zone   text        NOT NULL,
  remind_at   timestamptz NOT NULL,
  attempts    int         NOT NULL DEFAULT 0,
  done_at     timestamptz,               -- sent, skipped (arrival passed, guest wants none), cancelled, given up
  as_of       timestamptz NOT NULL       -- the occurredAt of the booking event it follows: older ones change nothing
);
CREATE INDEX reminder_due_idx ON reminder (remind_at) WHERE done_at IS NULL;
