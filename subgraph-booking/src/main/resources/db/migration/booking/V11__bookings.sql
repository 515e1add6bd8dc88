-- Bookings: the rooms a guest took on some nights of one room type, held until paid, then confirmed; or released
-- (payment failed, hold expired). The database itself refuses a booking that makes no sense, whatever the code does.
CREATE TABLE booking (
  id                uuid          PRIMARY KEY,
  reference         text          NOT NULL UNIQUE CHECK (reference ~ '^STY-[0-9A-Z]{6}$'),
  guest_id          uuid          NOT NULL,
  property_id       uuid          NOT NULL REFERENCES property (id),
  unit_type_id      uuid          NOT NULL REFERENCES unit_type (id),
  check_in          date          NOT NULL,
  check_out         date          NOT NULL,
  guests            integer       NOT NULL CHECK (guests > 0),
  rooms             integer       NOT NULL CHECK (rooms > 0),
  total             numeric(19,4) NOT NULL CHECK (total >= 0),
  currency          char(3)       NOT NULL CHECK (currency ~ '^[A-Z]{3}$'),
  status            text          NOT NULL CHECK (status IN
                      ('HELD', 'CONFIRMED', 'CANCELLED', 'COMPLETED', 'NO_SHOW', 'EXPIRED', 'PAYMENT_FAILED')),
  payment_status    text          NOT NULL CHECK (payment_status IN
                      ('PENDING', 'UNKNOWN', 'CHARGED', 'DECLINED', 'NOT_CHARGED', 'REFUNDED')),
  charge_id         text,
  charged           numeric(19,4) CHECK (charged >= 0),
  refunded          numeric(19,4) CHECK (refunded >= 0 AND refunded <= charged),
  hold_expires_at   timestamptz,
  note              text          CHECK (length(note) <= 500),
  partner_reference text          CHECK (length(partner_reference) <= 64),
  created_at        timestamptz   NOT NULL,
  updated_at        timestamptz   NOT NULL,
  CHECK (check_out > check_in),
  CHECK (check_out - check_in <= 31),
  -- a held booking has an expiry; a confirmed one was charged
  CHECK (status <> 'HELD' OR hold_expires_at IS NOT NULL),
  CHECK (status <> 'CONFIRMED' OR payment_status IN ('CHARGED', 'REFUNDED')),
  -- a booking that did not happen keeps no money
  CHECK (status NOT IN ('EXPIRED', 'PAYMENT_FAILED') OR payment_status IN ('DECLINED', 'NOT_CHARGED', 'REFUNDED'))
);
CREATE INDEX booking_held_expiry_idx ON booking (hold_expires_at) WHERE status = 'HELD';
CREATE INDEX booking_unknown_payment_idx ON booking (updated_at) WHERE status = 'HELD' AND payment_status = 'UNKNOWN';
CREATE INDEX booking_guest_idx ON booking (guest_id, check_in);
CREATE INDEX booking_property_idx ON booking (property_id, check_in);

-- The price of one room on each night of a booking, as it was when booked.
CREATE TABLE booking_night (
  booking_id uuid          NOT NULL REFERENCES booking (id),
  night      date          NOT NULL,
  price      numeric(19,4) NOT NULL CHECK (price >= 0),
  PRIMARY KEY (booking_id, night)
);

-- Idempotency keys of the mutations that move money or inventory, scoped to the caller: the first request with a
-- key inserts its row (and so owns it), the answer is stored once known, and a replay with the same input gets it
-- again. Kept at least 24 hours (stay.booking.idempotency-retention), pruned after.
CREATE TABLE idempotency_key (
  caller_id    uuid        NOT NULL,
  key          text        NOT NULL CHECK (length(key) BETWEEN 1 AND 128),
  request_hash text        NOT NULL,
  booking_id   uuid,                  -- the booking the request made, once it made one
  response     jsonb,                 -- null while the first request runs
  created_at   timestamptz NOT NULL,
  PRIMARY KEY (caller_id, key)
);
CREATE INDEX idempotency_key_created_at_idx ON idempotency_key (created_at);
