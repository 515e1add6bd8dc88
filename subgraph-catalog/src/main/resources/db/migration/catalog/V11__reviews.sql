-- Reviews of stays. A stay that ended (booking's booking.completed) may be reviewed once by its guest, within 60
-- days of check-out; the owner replies once; an admin may hide a review, which then leaves the averages.

-- The aggregate search filters and sorts on. Search's own migration (V5) creates this very table; this one creates it
-- only where that one has not run, then widens the range to the 1-to-10 scale reviews are given on.
CREATE TABLE IF NOT EXISTS property_rating (
  property_id  uuid          PRIMARY KEY REFERENCES property (id) ON DELETE CASCADE,
  average      numeric(4, 2) NOT NULL,
  review_count integer       NOT NULL CHECK (review_count >= 0)
);
ALTER TABLE property_rating DROP CONSTRAINT IF EXISTS property_rating_average_check;
ALTER TABLE property_rating
  ADD CONSTRAINT property_rating_average_range CHECK (average BETWEEN 0 AND 10),
  -- the average of each aspect, over the same reviews as average (visible ones)
  ADD COLUMN cleanliness numeric(4, 2) NOT NULL DEFAULT 0 CHECK (cleanliness BETWEEN 0 AND 10),
  ADD COLUMN location    numeric(4, 2) NOT NULL DEFAULT 0 CHECK (location BETWEEN 0 AND 10),
  ADD COLUMN service     numeric(4, 2) NOT NULL DEFAULT 0 CHECK (service BETWEEN 0 AND 10),
  ADD COLUMN value       numeric(4, 2) NOT NULL DEFAULT 0 CHECK (value BETWEEN 0 AND 10);

-- Stays that may be reviewed: one row per completed booking, written once from booking.completed (a replayed or
-- duplicated event finds the row there). A booking.no-show, which may follow the completion by some days, marks the
-- row (or writes it marked) for good: a no-show is never reviewed, and a review written meanwhile is removed.
-- Cancellations and unknown bookings have no row.
CREATE TABLE review_stay (
  booking_id   uuid        PRIMARY KEY,
  property_id  uuid        NOT NULL,
  guest_id     uuid        NOT NULL,
  check_in     date        NOT NULL,
  check_out    date        NOT NULL,
  completed_at timestamptz,
  no_show_at   timestamptz,
  CHECK (completed_at IS NOT NULL OR no_show_at IS NOT NULL)
);

CREATE TABLE review (
  id          uuid        PRIMARY KEY,
  booking_id  uuid        NOT NULL UNIQUE REFERENCES review_stay (booking_id),  -- one review a stay
  property_id uuid        NOT NULL REFERENCES property (id) ON DELETE CASCADE,
  author_id   uuid        NOT NULL,
  overall     smallint    NOT NULL CHECK (overall BETWEEN 1 AND 10),
  cleanliness smallint    NOT NULL CHECK (cleanliness BETWEEN 1 AND 10),
  location    smallint    NOT NULL CHECK (location BETWEEN 1 AND 10),
  service     smallint    NOT NULL CHECK (service BETWEEN 1 AND 10),
  value       smallint    NOT NULL CHECK (value BETWEEN 1 AND 10),
  title       text        NOT NULL CHECK (length(title) BETWEEN 1 AND 120),
  body        text        NOT NULL CHECK (length(body) BETWEEN 1 AND 5000),
  created_at  timestamptz NOT NULL,
  reply       text        CHECK (length(reply) BETWEEN 1 AND 2000),
  replied_at  timestamptz,
  replied_by  uuid,
  hidden_at   timestamptz,
  hidden_by   uuid,
  CHECK ((reply IS NULL) = (replied_at IS NULL)),
  CHECK ((hidden_at IS NULL) = (hidden_by IS NULL))
);
-- a hotel's page of visible reviews, newest first or by rating; an author's reviews
CREATE INDEX review_property_newest_idx ON review (property_id, created_at DESC, id DESC) WHERE hidden_at IS NULL;
CREATE INDEX review_property_rating_idx ON review (property_id, overall, created_at, id) WHERE hidden_at IS NULL;
CREATE INDEX review_author_idx ON review (author_id, created_at DESC, id DESC);
