-- The cancellation policy a booking was made under, fixed when it is made: later changes to the room type's policy
-- do not touch bookings already made. free_cancellation_until is the instant (computed in the property's time zone)
-- until which cancelling refunds everything; null when the rate is not refundable.
ALTER TABLE booking
  ADD COLUMN refundable              boolean       NOT NULL DEFAULT true,
  ADD COLUMN free_cancellation_until timestamptz,
  ADD COLUMN penalty_percent         integer       NOT NULL DEFAULT 0 CHECK (penalty_percent BETWEEN 0 AND 100),
  -- what a cancellation or a change of dates owes the guest and the provider has not yet taken: a job sends it
  -- again, with the same idempotency key, until it does
  ADD COLUMN refund_due              numeric(19,4) CHECK (refund_due > 0),
  ADD COLUMN refund_key              text,
  ADD COLUMN cancelled_at            timestamptz,
  -- how many times the dates were changed: each change charges or refunds under its own key
  ADD COLUMN changes                 integer       NOT NULL DEFAULT 0,
  ADD CONSTRAINT booking_refund_due_has_key CHECK (refund_due IS NULL OR refund_key IS NOT NULL);

-- Bookings made before: the policy their room type has now, as availability showed it (in this migration's
-- place, before V21, a rate without free cancellation hours is the non-refundable one).
UPDATE booking b
   SET refundable = u.free_cancellation_hours > 0,
       penalty_percent = CASE WHEN u.free_cancellation_hours > 0 THEN u.penalty_percent ELSE 100 END,
       free_cancellation_until = CASE WHEN u.free_cancellation_hours > 0
         THEN ((b.check_in + p.check_in_time) AT TIME ZONE p.time_zone) - make_interval(hours => u.free_cancellation_hours)
       END
  FROM unit_type u JOIN property p ON p.id = u.property_id
 WHERE u.id = b.unit_type_id;

ALTER TABLE booking
  ADD CONSTRAINT booking_refundable_has_deadline CHECK (NOT refundable OR free_cancellation_until IS NOT NULL);

CREATE INDEX booking_refund_due_idx ON booking (updated_at) WHERE refund_due IS NOT NULL;
