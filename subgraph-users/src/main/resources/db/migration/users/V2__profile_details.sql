-- What the profile holds beyond the name, and the events already applied (each applied once).
ALTER TABLE user_profile
  ADD COLUMN roles            text[]      NOT NULL DEFAULT '{}',
  ADD COLUMN notify_by_email  boolean     NOT NULL DEFAULT true,
  ADD COLUMN notify_by_sms    boolean     NOT NULL DEFAULT false,
  -- when the identity provider last told us about this user, so an older event never overwrites a newer one
  ADD COLUMN source_changed_at timestamptz,
  ADD CONSTRAINT sms_needs_phone CHECK (NOT notify_by_sms OR phone IS NOT NULL);

CREATE TABLE applied_event (
  event_id   text PRIMARY KEY,
  topic      text        NOT NULL,
  applied_at timestamptz NOT NULL DEFAULT now()
);
