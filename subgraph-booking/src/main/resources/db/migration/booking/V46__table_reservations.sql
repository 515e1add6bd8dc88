-- Restaurants: booking's copy of what it sells a table under (fed by catalog.restaurant's restaurant-changed events,
-- applied once and never an older version over a newer one), and the reservations of tables for a time.

-- gist over (uuid, tstzrange) for the exclusion constraint below; a trusted extension, so the database's owner may
-- create it
CREATE EXTENSION IF NOT EXISTS btree_gist;

CREATE TABLE restaurant (
  id                       uuid PRIMARY KEY,
  owner_id                 uuid          NOT NULL,
  -- only a PUBLISHED restaurant takes reservations
  status                   text          NOT NULL CHECK (status IN ('DRAFT', 'PUBLISHED', 'SUSPENDED')),
  time_zone                text          NOT NULL,
  currency                 char(3)       NOT NULL CHECK (currency ~ '^[A-Z]{3}$'),
  slot_minutes             integer       NOT NULL CHECK (slot_minutes BETWEEN 5 AND 60),
  deposit_per_guest        numeric(19,4) NOT NULL CHECK (deposit_per_guest >= 0),
  deposit_refundable_hours integer       NOT NULL CHECK (deposit_refundable_hours >= 0),
  -- [{"weekday":1,"opens":"12:00","closes":"15:00"}, ...]: closes <= opens crosses midnight
  service_periods          jsonb         NOT NULL,
  -- ["2026-12-25", ...]
  closed_dates             jsonb         NOT NULL,
  -- [{"upToPartySize":2,"minutes":90}, ...]
  seating_durations        jsonb         NOT NULL,
  catalog_version          integer       NOT NULL
);

CREATE TABLE restaurant_table (
  id            uuid PRIMARY KEY,
  restaurant_id uuid    NOT NULL REFERENCES restaurant (id),
  min_party     integer NOT NULL CHECK (min_party >= 1),
  max_party     integer NOT NULL CHECK (max_party >= min_party),
  -- a removed table takes no new reservations; the ones it has keep it
  active        boolean NOT NULL DEFAULT true
);
CREATE INDEX restaurant_table_restaurant_idx ON restaurant_table (restaurant_id, max_party);

-- A guest's table for a time: held while its deposit is charged, then confirmed; seated, completed (deposit refunded)
-- or a no-show (deposit kept); or released (cancelled, payment failed, hold expired).
CREATE TABLE table_reservation (
  id                uuid          PRIMARY KEY,
  reference         text          NOT NULL UNIQUE CHECK (reference ~ '^RES-[0-9A-Z]{6}$'),
  guest_id          uuid          NOT NULL,
  restaurant_id     uuid          NOT NULL REFERENCES restaurant (id),
  table_id          uuid          NOT NULL REFERENCES restaurant_table (id),
  -- the day and local time the guest asked for, in the restaurant's time zone
  day               date          NOT NULL,
  local_time        time          NOT NULL,
  -- the instants the table is the party's: from the local time, for the seating duration of the party's size
  starts_at         timestamptz   NOT NULL,
  ends_at           timestamptz   NOT NULL,
  party_size        integer       NOT NULL CHECK (party_size BETWEEN 1 AND 50),
  deposit           numeric(19,4) NOT NULL CHECK (deposit >= 0),
  currency          char(3)       NOT NULL CHECK (currency ~ '^[A-Z]{3}$'),
  status            text          NOT NULL CHECK (status IN
                      ('HELD', 'CONFIRMED', 'SEATED', 'COMPLETED', 'CANCELLED', 'NO_SHOW', 'EXPIRED', 'PAYMENT_FAILED')),
  -- NOT_CHARGED also for a reservation without deposit
  payment_status    text          NOT NULL CHECK (payment_status IN
                      ('PENDING', 'UNKNOWN', 'CHARGED', 'DECLINED', 'NOT_CHARGED', 'REFUNDED', 'REFUND_FAILED')),
  charge_id         text,
  charged           numeric(19,4) CHECK (charged >= 0),
  refunded          numeric(19,4) CHECK (refunded >= 0 AND refunded <= charged),
  -- a refund owed and not yet taken by the provider, sent again a bounded number of times
  refund_due        numeric(19,4) CHECK (refund_due > 0),
  refund_attempts   integer       NOT NULL DEFAULT 0 CHECK (refund_attempts >= 0),
  refund_next_at    timestamptz,
  hold_expires_at   timestamptz,
  -- the number of changes so far, which names their payment keys: reservation-<id>-change-<n>-charge
  changes           integer       NOT NULL DEFAULT 0 CHECK (changes >= 0),
  note              text          CHECK (length(note) <= 500),
  partner_reference text          CHECK (length(partner_reference) <= 64),
  seated_at         timestamptz,
  completed_at      timestamptz,
  no_show_at        timestamptz,
  cancelled_at      timestamptz,
  created_at        timestamptz   NOT NULL,
  updated_at        timestamptz   NOT NULL,
  CHECK (ends_at > starts_at),
  CHECK (status <> 'HELD' OR hold_expires_at IS NOT NULL),
  CHECK (status NOT IN ('CONFIRMED', 'SEATED') OR payment_status IN ('CHARGED', 'NOT_CHARGED', 'REFUNDED', 'REFUND_FAILED')),
  CHECK (status NOT IN ('EXPIRED', 'PAYMENT_FAILED') OR payment_status IN ('DECLINED', 'NOT_CHARGED', 'REFUNDED')),
  CHECK (payment_status <> 'REFUND_FAILED' OR refund_due IS NOT NULL),
  -- one table is one party's at a time: two reservations that hold it may never overlap, whatever the code does
  CONSTRAINT table_reservation_no_overlap EXCLUDE USING gist
    (table_id WITH =, tstzrange(starts_at, ends_at, '[)') WITH &&)
    WHERE (status IN ('HELD', 'CONFIRMED', 'SEATED'))
);
CREATE INDEX table_reservation_restaurant_day_idx ON table_reservation (restaurant_id, day, local_time);
CREATE INDEX table_reservation_guest_idx ON table_reservation (guest_id, starts_at);
CREATE INDEX table_reservation_held_expiry_idx ON table_reservation (hold_expires_at) WHERE status = 'HELD';
CREATE INDEX table_reservation_refund_due_idx ON table_reservation (refund_next_at NULLS FIRST)
  WHERE refund_due IS NOT NULL AND payment_status <> 'REFUND_FAILED';
