-- The catalog now publishes a property and its unit types on one topic (catalog.property), keyed by the property:
-- a unit type can no longer arrive before its property, so nothing waits to be parked any more. A parked unit type
-- whose property has arrived meanwhile joins it (none should: the old feed moved them as the property came).
INSERT INTO unit_type (id, property_id, max_guests, default_units, active, catalog_version)
SELECT p.id, p.property_id, p.max_guests, p.default_units, p.active, p.catalog_version
FROM parked_unit_type p JOIN property ON property.id = p.property_id
ON CONFLICT (id) DO NOTHING;
DROP TABLE parked_unit_type;

-- Event ids are text in every consumer (common's AppliedEvents): the identity provider's are not all UUIDs.
ALTER TABLE applied_event ALTER COLUMN event_id TYPE text USING event_id::text;
-- Applied events are forgotten once the broker no longer holds them (stay.events.applied-retention).
CREATE INDEX applied_event_applied_at_idx ON applied_event (applied_at);

-- The property's status in the catalog: only PUBLISHED properties are sold. Rows from before this column were all on
-- sale, and stay so until the catalog's next event about them; a row written without a status is not for sale.
ALTER TABLE property ADD COLUMN status text NOT NULL DEFAULT 'PUBLISHED';
ALTER TABLE property ALTER COLUMN status SET DEFAULT 'DRAFT';
