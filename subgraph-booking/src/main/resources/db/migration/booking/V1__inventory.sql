-- Booking's own view of what can be sold: properties and unit types (fed by the catalog), and the
-- inventory and rate of each unit type per night.

CREATE TABLE property (
  id            uuid PRIMARY KEY,
  time_zone     text    NOT NULL,
  currency      char(3) NOT NULL CHECK (currency ~ '^[A-Z]{3}$'),
  check_in_time time    NOT NULL DEFAULT '15:00'
);

CREATE TABLE unit_type (
  id                      uuid PRIMARY KEY,
  property_id             uuid          NOT NULL REFERENCES property (id),
  max_guests              integer       NOT NULL CHECK (max_guests > 0),
  -- rooms on sale on a night that has no inventory row of its own
  default_units           integer       NOT NULL CHECK (default_units >= 0),
  base_price              numeric(12,2) NOT NULL CHECK (base_price >= 0),
  -- hours before check-in until which cancelling is free; 0 means the rate is not refundable
  free_cancellation_hours integer       NOT NULL DEFAULT 24 CHECK (free_cancellation_hours >= 0),
  penalty_percent         integer       NOT NULL DEFAULT 100 CHECK (penalty_percent BETWEEN 0 AND 100),
  active                  boolean       NOT NULL DEFAULT true
);
CREATE INDEX unit_type_property_idx ON unit_type (property_id);

-- Sparse: a night gets a row when it is first booked or overridden, so 10M rooms cost nothing until sold.
CREATE TABLE inventory_night (
  unit_type_id uuid          NOT NULL REFERENCES unit_type (id),
  night        date          NOT NULL,
  total_units  integer       CHECK (total_units >= 0),   -- null: the unit type's default
  taken_units  integer       NOT NULL DEFAULT 0 CHECK (taken_units >= 0),
  price        numeric(12,2) CHECK (price >= 0),         -- null: the unit type's base price
  closed       boolean       NOT NULL DEFAULT false,
  PRIMARY KEY (unit_type_id, night),
  CHECK (total_units IS NULL OR taken_units <= total_units)
);
