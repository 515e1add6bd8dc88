-- Reviews of restaurant visits, as V11 does for stays. A visit booking completed (booking.reservation's
-- reservation.completed) may be reviewed once by its guest, within 60 days of the reservation's date; a no-show never.

-- Visits that may be reviewed: one row per completed reservation, written once (a replayed or re-sent event finds it
-- there). A reservation.no-show marks the row (or writes it marked) for good, and a review written meanwhile is removed.
CREATE TABLE restaurant_visit (
  reservation_id uuid        PRIMARY KEY,
  restaurant_id  uuid        NOT NULL,
  guest_id       uuid        NOT NULL,
  visit_date     date        NOT NULL,
  completed_at   timestamptz,
  no_show_at     timestamptz,
  CHECK (completed_at IS NOT NULL OR no_show_at IS NOT NULL)
);

CREATE TABLE restaurant_review (
  id             uuid        PRIMARY KEY,
  reservation_id uuid        NOT NULL UNIQUE REFERENCES restaurant_visit (reservation_id),  -- one review a visit
  restaurant_id  uuid        NOT NULL REFERENCES restaurant (id) ON DELETE CASCADE,
  author_id      uuid        NOT NULL,
  overall        smallint    NOT NULL CHECK (overall BETWEEN 1 AND 10),
  food           smallint    NOT NULL CHECK (food BETWEEN 1 AND 10),
  service        smallint    NOT NULL CHECK (service BETWEEN 1 AND 10),
  ambience       smallint    NOT NULL CHECK (ambience BETWEEN 1 AND 10),
  value          smallint    NOT NULL CHECK (value BETWEEN 1 AND 10),
  title          text        NOT NULL CHECK (length(title) BETWEEN 1 AND 120),
  body           text        NOT NULL CHECK (length(body) BETWEEN 1 AND 5000),
  created_at     timestamptz NOT NULL,
  hidden_at      timestamptz,
  hidden_by      uuid,
  CHECK ((hidden_at IS NULL) = (hidden_by IS NULL))
);
-- a restaurant's page of visible reviews, newest first (one index probe per restaurant of a page of restaurants)
CREATE INDEX restaurant_review_newest_idx ON restaurant_review (restaurant_id, created_at DESC, id DESC)
  WHERE hidden_at IS NULL;
CREATE INDEX restaurant_review_author_idx ON restaurant_review (author_id, created_at DESC, id DESC);

-- The aggregate search filters and sorts on (it reads average and review_count). Restaurant search's own migration
-- may create this very table first: created here only where it has not, then given the averages of each aspect.
CREATE TABLE IF NOT EXISTS restaurant_rating (
  restaurant_id uuid          PRIMARY KEY REFERENCES restaurant (id) ON DELETE CASCADE,
  average       numeric(4, 2) NOT NULL CHECK (average BETWEEN 0 AND 10),
  review_count  integer       NOT NULL CHECK (review_count >= 0)
);
ALTER TABLE restaurant_rating
  ADD COLUMN IF NOT EXISTS food     numeric(4, 2) NOT NULL DEFAULT 0 CHECK (food BETWEEN 0 AND 10),
  ADD COLUMN IF NOT EXISTS service  numeric(4, 2) NOT NULL DEFAULT 0 CHECK (service BETWEEN 0 AND 10),
  ADD COLUMN IF NOT EXISTS ambience numeric(4, 2) NOT NULL DEFAULT 0 CHECK (ambience BETWEEN 0 AND 10),
  ADD COLUMN IF NOT EXISTS value    numeric(4, 2) NOT NULL DEFAULT 0 CHECK (value BETWEEN 0 AND 10);
