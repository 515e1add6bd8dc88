-- Search's projection of what booking sells (availability/), copied from booking's events on booking.inventory, so a
-- dated search keeps only what booking's Hotel.availability would offer, without asking booking. The same sparse shape
-- as booking's own tables: a room type's defaults, and a row only for the nights booking has a row for. Each row keeps
-- booking's version of it: an older state never replaces a newer one. No foreign keys: a night may arrive before its
-- room type, a room type before the catalog's own row; the query joins what is there.

CREATE TABLE availability_room_type (
  unit_type_id  uuid          PRIMARY KEY,
  property_id   uuid          NOT NULL,
  max_guests    integer       NOT NULL CHECK (max_guests > 0),
  default_units integer       NOT NULL CHECK (default_units >= 0),
  base_price    numeric(19,4) CHECK (base_price >= 0),       -- null: not priced, so nights without a price are not sold
  min_stay      integer       NOT NULL CHECK (min_stay BETWEEN 1 AND 365),
  max_stay      integer       CHECK (max_stay BETWEEN 1 AND 365), -- null: no limit
  active        boolean       NOT NULL,
  version       bigint        NOT NULL
);
-- lowestTotals and lowestBasePrices read a property's room types from this index alone
CREATE INDEX availability_room_type_property_idx ON availability_room_type (property_id)
  INCLUDE (unit_type_id, max_guests, default_units, base_price, min_stay, max_stay, active);

CREATE TABLE availability_night (
  unit_type_id        uuid          NOT NULL,
  night               date          NOT NULL,
  total_units         integer       CHECK (total_units >= 0),  -- null: the room type's default
  taken_units         integer       NOT NULL CHECK (taken_units >= 0),
  price               numeric(19,4) CHECK (price >= 0),        -- null: the room type's base price
  closed              boolean       NOT NULL,
  min_stay            integer       CHECK (min_stay BETWEEN 1 AND 365),
  max_stay            integer       CHECK (max_stay BETWEEN 1 AND 365),
  closed_to_arrival   boolean       NOT NULL,
  closed_to_departure boolean       NOT NULL,
  version             bigint        NOT NULL,
  PRIMARY KEY (unit_type_id, night)
);
