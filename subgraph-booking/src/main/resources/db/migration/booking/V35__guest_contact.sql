-- Booking's copy of what the users subgraph says about reaching a guest (users.profile, profile-changed), applied
-- once and never an older version over a newer one. Users owns it; booking only reads it to notify.
CREATE TABLE guest_contact (
  user_id          uuid        PRIMARY KEY,
  email            text,
  phone            text,
  locale           text        NOT NULL DEFAULT 'en',
  notify_email     boolean     NOT NULL,
  notify_sms       boolean     NOT NULL,
  notify_reminders boolean     NOT NULL,
  version          bigint      NOT NULL,
  updated_at       timestamptz NOT NULL DEFAULT now()
);
