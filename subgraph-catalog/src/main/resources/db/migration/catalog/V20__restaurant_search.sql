-- Restaurant search's projection of booking's table reservations (booking.reservation): when each table is taken.
-- One row a reservation, replaced only by a strictly higher version of it, so a replay or a late older event changes
-- nothing. A reservation takes its table while HELD, CONFIRMED or SEATED (taken); otherwise the row stays, not taken,
-- so that an older event arriving after it cannot take the table again.
CREATE TABLE restaurant_table_busy (
  reservation_id uuid        PRIMARY KEY,
  restaurant_id  uuid        NOT NULL,
  table_id       uuid        NOT NULL,
  starts_at      timestamptz NOT NULL,
  ends_at        timestamptz NOT NULL CHECK (ends_at > starts_at),
  status         text        NOT NULL,
  taken          boolean     NOT NULL,
  version        integer     NOT NULL
);
-- a dated search reads the taken ranges of its candidates around one day
CREATE INDEX restaurant_table_busy_day_idx ON restaurant_table_busy (restaurant_id, starts_at) WHERE taken;

-- the re-index reads published restaurants in id order, a page at a time
CREATE INDEX restaurant_published_idx ON restaurant (id) WHERE status = 'PUBLISHED';
