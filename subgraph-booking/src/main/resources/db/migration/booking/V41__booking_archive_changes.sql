-- A booking's changes of dates (booking_change: the new dates, the extra charge and how it ended) are part of its
-- history: archived with it, as their rows in JSON, so that the live rows can leave together.
ALTER TABLE booking_archive ADD COLUMN changes jsonb NOT NULL DEFAULT '[]';
