-- How a confirmed stay ends: COMPLETED once its check-out day has passed in the property's time zone, or NO_SHOW
-- when the hotel marks that the guest never came. A no-show keeps the fee of the booking's policy (no_show_fee, in
-- the booking's currency) out of what was paid; the rest is refunded through refund_due like a cancellation's.
ALTER TABLE booking
  ADD COLUMN completed_at timestamptz,
  ADD COLUMN no_show_at   timestamptz,
  ADD COLUMN no_show_fee  numeric(19,4) CHECK (no_show_fee >= 0),
  ADD CONSTRAINT booking_no_show_has_fee CHECK (status <> 'NO_SHOW' OR (no_show_at IS NOT NULL AND no_show_fee IS NOT NULL)),
  ADD CONSTRAINT booking_completed_has_time CHECK (status <> 'COMPLETED' OR completed_at IS NOT NULL);

-- The completion job reads confirmed bookings by check-out (StaysEnding): a small index, as bookings leave it once
-- completed, cancelled or marked.
CREATE INDEX booking_confirmed_check_out_idx ON booking (check_out) WHERE status = 'CONFIRMED';
