-- Guests hear about their table reservations through the same notification log as bookings: one row per
-- (event, channel), booking_id then holds the reservation's id.
ALTER TABLE notification DROP CONSTRAINT IF EXISTS notification_kind_check;
ALTER TABLE notification ADD CONSTRAINT notification_kind_check CHECK (kind IN ('CONFIRMED', 'CANCELLED',
  'DATES_CHANGED', 'PAYMENT_FAILED', 'REMINDER', 'RESERVATION_CONFIRMED', 'RESERVATION_CANCELLED',
  'RESERVATION_CHANGED', 'RESERVATION_PAYMENT_FAILED', 'RESERVATION_REMINDER'));
COMMENT ON COLUMN notification.booking_id IS 'the booking''s id, or the table reservation''s';

-- The reminder of a confirmed table reservation, the morning of its day in the restaurant's time zone, following
-- the reservation's events by version (a change makes it due again for the new day, a cancellation ends it).
CREATE TABLE reservation_reminder (
  reservation_id uuid        PRIMARY KEY,
  reference      text        NOT NULL,
  restaurant_id  uuid        NOT NULL,
  guest_id       uuid        NOT NULL,
  day            date        NOT NULL,
  local_time     time        NOT NULL,
  party_size     integer     NOT NULL,
  starts_at      timestamptz NOT NULL,
  remind_at      timestamptz NOT NULL,
  attempts       integer     NOT NULL DEFAULT 0,
  done_at        timestamptz,            -- sent, skipped, cancelled or given up
  version        integer     NOT NULL    -- the reservation's version it follows: older events change nothing
);
CREATE INDEX reservation_reminder_due_idx ON reservation_reminder (remind_at) WHERE done_at IS NULL;
