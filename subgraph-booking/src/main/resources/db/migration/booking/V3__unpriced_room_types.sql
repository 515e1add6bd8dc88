-- A room type the catalog announces is known before its owner prices it: until then it has no base price,
-- and a night without a price of its own is not for sale.
ALTER TABLE unit_type ALTER COLUMN base_price DROP NOT NULL;
