-- What booking needs to notify a guest (address, phone, language, preferences) is announced on users.profile
-- through this outbox (common's dev.stay.common.outbox), so booking keeps a copy without calling users.
CREATE TABLE outbox (
  id           uuid        PRIMARY KEY,                   -- the event id: consumers apply each once
  seq          bigint      GENERATED ALWAYS AS IDENTITY,  -- the order of writing, which is the order of sending
  topic        text        NOT NULL,
  key          text        NOT NULL,                      -- the Kafka key: the user id
  type         text        NOT NULL,
  payload      jsonb       NOT NULL,
  occurred_at  timestamptz NOT NULL,
  published_at timestamptz                                -- null until the broker acknowledged it
);
CREATE INDEX outbox_unpublished_idx ON outbox (seq) WHERE published_at IS NULL;
CREATE INDEX outbox_unpublished_key_idx ON outbox (key, seq) WHERE published_at IS NULL;

ALTER TABLE user_profile
  -- bumped by every change announced on users.profile: consumers never apply an older version over a newer one
  ADD COLUMN version bigint NOT NULL DEFAULT 1 CHECK (version > 0),
  -- the reminder the day before arrival; confirmations, changes, cancellations and failed payments always go out
  -- on the channels that are on
  ADD COLUMN notify_reminders boolean NOT NULL DEFAULT true;

-- Profiles that exist before this migration are announced once, so booking's copy starts complete.
INSERT INTO outbox (id, topic, key, type, payload, occurred_at)
SELECT gen_random_uuid(), 'users.profile', id::text, 'profile-changed',
       jsonb_build_object('userId', id, 'email', email, 'phone', phone, 'locale', locale,
                          'notifyByEmail', notify_by_email, 'notifyBySms', notify_by_sms,
                          'notifyReminders', notify_reminders, 'version', version, 'occurredAt', now()),
       now()
FROM user_profile;
