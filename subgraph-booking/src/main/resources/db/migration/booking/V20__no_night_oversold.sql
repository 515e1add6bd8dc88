-- PostgreSQL itself refuses a night with more rooms taken than on sale, whatever the code does. A night with its
-- own count is held by the CHECK of V1; a night on its room type's default count (total_units null) is held here,
-- from both sides: a night taking rooms, and the default count coming down under what such a night has taken.
-- Both raise check_violation (SQLSTATE 23514) naming the constraint inventory_night_not_oversold.

CREATE FUNCTION inventory_night_not_oversold() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  on_sale integer;
BEGIN
  IF NEW.total_units IS NOT NULL THEN
    on_sale := NEW.total_units;
  ELSE
    -- FOR SHARE: a concurrent change of the default count waits for this night's transaction, and this waits for
    -- it, so neither decides on a count the other is changing.
    SELECT default_units INTO on_sale FROM unit_type WHERE id = NEW.unit_type_id FOR SHARE;
  END IF;
  IF NEW.taken_units > on_sale THEN
    RAISE EXCEPTION 'night % of room type % would be oversold: % rooms taken, % on sale',
        NEW.night, NEW.unit_type_id, NEW.taken_units, on_sale
      USING ERRCODE = 'check_violation', CONSTRAINT = 'inventory_night_not_oversold', TABLE = 'inventory_night';
  END IF;
  RETURN NEW;
END
$$;

CREATE TRIGGER inventory_night_not_oversold
  BEFORE INSERT OR UPDATE OF taken_units, total_units, unit_type_id ON inventory_night
  FOR EACH ROW EXECUTE FUNCTION inventory_night_not_oversold();

-- After the row is updated, hence locked: a night that took rooms meanwhile has committed and is seen here.
CREATE FUNCTION unit_type_default_not_below_taken() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  oversold record;
BEGIN
  SELECT night, taken_units INTO oversold
  FROM inventory_night
  WHERE unit_type_id = NEW.id AND total_units IS NULL AND taken_units > NEW.default_units
  ORDER BY night
  LIMIT 1;
  IF FOUND THEN
    RAISE EXCEPTION 'room type % cannot have % rooms by default: % rooms are taken on night %',
        NEW.id, NEW.default_units, oversold.taken_units, oversold.night
      USING ERRCODE = 'check_violation', CONSTRAINT = 'inventory_night_not_oversold', TABLE = 'unit_type';
  END IF;
  RETURN NULL;
END
$$;

CREATE TRIGGER unit_type_default_not_below_taken
  AFTER UPDATE OF default_units ON unit_type
  FOR EACH ROW WHEN (NEW.default_units < OLD.default_units)
  EXECUTE FUNCTION unit_type_default_not_below_taken();
