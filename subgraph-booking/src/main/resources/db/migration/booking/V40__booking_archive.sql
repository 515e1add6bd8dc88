-- Bookings that ended (completed, cancelled, no-show, expired, payment failed), written once each by the archive
-- consumer (archive/), partitioned by the month they check out. The row is the live booking as a JSON document
-- (to_jsonb(booking)) and its nights, so the archive follows the live table's columns without a migration of its
-- own: reads turn it back into a booking row with jsonb_populate_record(null::booking, ...).
CREATE TABLE booking_archive (
  id          uuid        NOT NULL,
  guest_id    uuid        NOT NULL,
  property_id uuid        NOT NULL,
  check_in    date        NOT NULL,
  check_out   date        NOT NULL,
  status      text        NOT NULL,
  document    jsonb       NOT NULL,   -- the live row as last seen (to_jsonb): refreshed by the move, in its transaction
  nights      jsonb       NOT NULL,   -- [{"night": "2027-03-01", "price": 120.0000}, ...]
  ended_at    timestamptz NOT NULL,   -- when the final event says it ended: the 30 days before the move count from it
  archived_at timestamptz NOT NULL,
  PRIMARY KEY (check_out, id)
) PARTITION BY RANGE (check_out);
CREATE INDEX booking_archive_id_idx ON booking_archive (id);
CREATE INDEX booking_archive_guest_idx ON booking_archive (guest_id, check_in, id);
CREATE INDEX booking_archive_property_idx ON booking_archive (property_id, check_in, id);
CREATE INDEX booking_archive_ended_idx ON booking_archive (ended_at);

-- The partition of a month (booking_archive_2027_03), created when first needed: by the consumer before it writes,
-- and ahead by a job. Concurrent callers line up on an advisory lock, so two instances never race to create it.
CREATE FUNCTION booking_archive_partition(day date) RETURNS text LANGUAGE plpgsql AS $$
DECLARE
  first_day date := date_trunc('month', day)::date;
  part text := format('booking_archive_%s', to_char(first_day, 'YYYY_MM'));
BEGIN
  IF to_regclass(part) IS NULL THEN
    PERFORM pg_advisory_xact_lock(hashtext('booking_archive_partition'));
    EXECUTE format('CREATE TABLE IF NOT EXISTS %I PARTITION OF booking_archive FOR VALUES FROM (%L) TO (%L)',
                   part, first_day, (first_day + interval '1 month')::date);
  END IF;
  RETURN part;
END $$;
