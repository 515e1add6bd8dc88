-- lowestTotals at the seed scale (figures in the README): most room types have no night of their own in a stay, so
-- each keeps the last night that has one, and the statement looks for a room type's nights only when the stay reaches
-- it. Maintained by the projection (availability/AvailabilityProjection.java); a night's row is never deleted, so it
-- only grows. Null: no night of its own.
ALTER TABLE availability_room_type ADD COLUMN nights_until date;
UPDATE availability_room_type r SET nights_until = (SELECT max(n.night) FROM availability_night n
                                                    WHERE n.unit_type_id = r.unit_type_id);

DROP INDEX availability_room_type_property_idx;
CREATE INDEX availability_room_type_property_idx ON availability_room_type (property_id)
  INCLUDE (unit_type_id, max_guests, default_units, base_price, min_stay, max_stay, active, nights_until);

-- what the statement reads of a candidate property, from the index alone rather than the wide property rows
CREATE INDEX property_sale_idx ON property (id) INCLUDE (status, currency, time_zone);
