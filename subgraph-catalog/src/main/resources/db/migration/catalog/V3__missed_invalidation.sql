-- Changes of a hotel whose cache tombstone Redis did not take (Redis away, or its circuit breaker open).
-- Written in the change's own transaction; every catalog instance watches the newest row and, from then on,
-- checks the cached pages loaded before it against property.version (property/MissedInvalidations.java).
-- Rows older than the cache's TTL are pruned: every page cached before them has expired.
CREATE TABLE missed_invalidation (
  property_id uuid        NOT NULL,
  version     integer     NOT NULL,
  missed_at   timestamptz NOT NULL DEFAULT clock_timestamp(),
  PRIMARY KEY (property_id, version)
);
CREATE INDEX missed_invalidation_at_idx ON missed_invalidation (missed_at);
