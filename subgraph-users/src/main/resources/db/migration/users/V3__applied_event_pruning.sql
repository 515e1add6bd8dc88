-- Applied events are forgotten once the broker no longer holds them (stay.events.applied-retention).
CREATE INDEX applied_event_applied_at_idx ON applied_event (applied_at);
