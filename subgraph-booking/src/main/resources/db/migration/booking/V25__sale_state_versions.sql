-- Search keeps a projection of what booking sells (the catalog's availability), fed by booking.inventory. Events of
-- concurrent transactions may reach the broker out of commit order, so each state booking announces carries a version
-- that only grows: a consumer never applies an older state of a night or a room type over a newer one.

-- A night's version grows by one with every change of its row, whatever the code that changes it. Changes of one
-- night are serialised by its row lock, so the versions are in commit order.
ALTER TABLE inventory_night ADD COLUMN version bigint NOT NULL DEFAULT 1;

CREATE FUNCTION inventory_night_next_version() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  NEW.version := OLD.version + 1;
  RETURN NEW;
END
$$;

CREATE TRIGGER inventory_night_next_version
  BEFORE UPDATE ON inventory_night
  FOR EACH ROW EXECUTE FUNCTION inventory_night_next_version();

-- A room type's sale version grows with every change of what availability reads of it (its defaults for the nights
-- without a row of their own, its party size, whether it is sold).
ALTER TABLE unit_type ADD COLUMN sale_version bigint NOT NULL DEFAULT 1;

CREATE FUNCTION unit_type_next_sale_version() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  NEW.sale_version := OLD.sale_version + 1;
  RETURN NEW;
END
$$;

CREATE TRIGGER unit_type_next_sale_version
  BEFORE UPDATE ON unit_type
  FOR EACH ROW
  WHEN ((OLD.max_guests, OLD.default_units, OLD.base_price, OLD.min_stay, OLD.max_stay, OLD.active)
        IS DISTINCT FROM (NEW.max_guests, NEW.default_units, NEW.base_price, NEW.min_stay, NEW.max_stay, NEW.active))
  EXECUTE FUNCTION unit_type_next_sale_version();
