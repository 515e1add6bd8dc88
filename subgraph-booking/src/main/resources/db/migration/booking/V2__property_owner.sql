-- Who may set a property's inventory and see its bookings: the owner the catalog names.
ALTER TABLE property ADD COLUMN owner_id uuid;
CREATE INDEX property_owner_idx ON property (owner_id);
