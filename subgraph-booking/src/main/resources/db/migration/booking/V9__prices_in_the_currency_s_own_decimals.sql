-- Prices keep the decimals of their currency: numeric(12,2) rounded a KWD price of 12.345 to 12.35. Four decimals
-- hold every currency a property may price in (common/money/Currencies); the API refuses more than the currency has.
ALTER TABLE unit_type ALTER COLUMN base_price TYPE numeric(19,4);
ALTER TABLE inventory_night ALTER COLUMN price TYPE numeric(19,4);
