-- A change of dates to a dearer stay, while its extra charge is settled. The booking keeps its dates, nights and
-- total, and holds the rooms of both its old and its new nights, until the provider has answered: paid, the booking
-- takes the new dates and gives back the old nights; declined or never charged, it gives back the new nights. The old
-- nights are never given up before the money is settled, so the way back can never find them sold.
CREATE TABLE booking_change (
  booking_id              uuid            NOT NULL REFERENCES booking (id),
  -- the booking's change number (booking.changes), which names its payment keys booking-<id>-change-<n>-charge
  change                  integer         NOT NULL CHECK (change > 0),
  check_in                date            NOT NULL,
  check_out               date            NOT NULL,
  -- the price of one room on each night from check_in, as priced when the change was asked for
  night_prices            numeric(19,4)[] NOT NULL,
  total                   numeric(19,4)   NOT NULL CHECK (total >= 0),
  -- the extra charge: the new total minus the old one
  difference              numeric(19,4)   NOT NULL CHECK (difference > 0),
  refundable              boolean         NOT NULL,
  free_cancellation_until timestamptz,
  penalty_percent         integer         NOT NULL CHECK (penalty_percent BETWEEN 0 AND 100),
  -- PENDING: being charged; UNKNOWN: the provider did not answer clearly, the reconciliation asks it by key;
  -- PAID: the booking moved; DECLINED / NOT_CHARGED: the booking stayed on its dates
  status                  text            NOT NULL CHECK (status IN ('PENDING', 'UNKNOWN', 'PAID', 'DECLINED', 'NOT_CHARGED')),
  charge_id               text,
  created_at              timestamptz     NOT NULL,
  updated_at              timestamptz     NOT NULL,
  PRIMARY KEY (booking_id, change),
  CHECK (check_out > check_in),
  CHECK (cardinality(night_prices) = check_out - check_in),
  CHECK (status <> 'PAID' OR charge_id IS NOT NULL)
);
-- one open change at a time per booking (the booking's row lock already lines them up; this says so in the schema)
CREATE UNIQUE INDEX booking_change_one_open_idx ON booking_change (booking_id) WHERE status IN ('PENDING', 'UNKNOWN');
CREATE INDEX booking_change_open_idx ON booking_change (updated_at) WHERE status IN ('PENDING', 'UNKNOWN');
