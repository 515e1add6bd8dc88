-- The owner's sale rules. Per night, read on the stay's arrival night: the fewest and most nights a stay arriving
-- then may last, and whether guests may arrive; read on the stay's departure day: whether guests may leave then.
-- Sparse like the rest of inventory_night: a null stay limit is the room type's, and a night without a row has the
-- room type's limits and is open to arrival and departure.
ALTER TABLE inventory_night
  ADD COLUMN min_stay            integer CHECK (min_stay BETWEEN 1 AND 365),
  ADD COLUMN max_stay            integer CHECK (max_stay BETWEEN 1 AND 365),
  ADD COLUMN closed_to_arrival   boolean NOT NULL DEFAULT false,
  ADD COLUMN closed_to_departure boolean NOT NULL DEFAULT false;

-- The room type's own limits (null max_stay: no limit), and whether its rate is refundable at all. Until now a
-- rate with no free cancellation hours was the non-refundable one: such rates keep that meaning, and zero hours now
-- means free until the check-in time itself.
ALTER TABLE unit_type
  ADD COLUMN min_stay   integer NOT NULL DEFAULT 1 CHECK (min_stay BETWEEN 1 AND 365),
  ADD COLUMN max_stay   integer CHECK (max_stay BETWEEN 1 AND 365),
  ADD COLUMN refundable boolean NOT NULL DEFAULT true;
UPDATE unit_type SET refundable = false WHERE free_cancellation_hours = 0;
COMMENT ON COLUMN unit_type.free_cancellation_hours IS
  'hours before check-in (property time) until which cancelling is free; ignored when refundable is false';
