-- One profile per identity-provider user; the id is the token's subject.
CREATE TABLE user_profile (
  id           uuid PRIMARY KEY,
  display_name text        NOT NULL CHECK (length(display_name) BETWEEN 1 AND 80),
  email        text        CHECK (length(email) <= 254),
  phone        text        CHECK (phone ~ '^\+[1-9][0-9]{6,14}$'),
  locale       text        NOT NULL DEFAULT 'en',
  created_at   timestamptz NOT NULL DEFAULT now(),
  updated_at   timestamptz NOT NULL DEFAULT now()
);
