-- Booking's copy of the catalog's properties and unit types, fed by the catalog's events (catalogfeed):
-- each event applied once, and never an older state over a newer one.

-- The events applied so far, by the id the catalog's outbox gave them.
CREATE TABLE applied_event (
  event_id   uuid PRIMARY KEY,
  topic      text        NOT NULL,
  applied_at timestamptz NOT NULL DEFAULT now()
);

-- The catalog's version of the property when it was last applied (for a unit type: its property's version when the
-- unit type last changed). An event with a lower one is older and changes nothing. Null on rows the catalog has not
-- fed yet (demo data): its first event takes them over.
ALTER TABLE property ADD COLUMN catalog_version integer;
ALTER TABLE unit_type ADD COLUMN catalog_version integer;

-- A unit type announced before its property: the two arrive on different topics, with no order between them, and a
-- unit type needs its property. Its newest state waits here until the property arrives.
CREATE TABLE parked_unit_type (
  id              uuid    PRIMARY KEY,
  property_id     uuid    NOT NULL,
  max_guests      integer NOT NULL,
  default_units   integer NOT NULL,
  active          boolean NOT NULL,
  catalog_version integer NOT NULL
);
CREATE INDEX parked_unit_type_property_idx ON parked_unit_type (property_id);
