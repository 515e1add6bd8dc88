-- A refund the provider does not take is sent again, with the same key, a bounded number of times with a growing
-- pause (stay.booking.refund-attempts, refund-retry-interval); after the last one the booking's payment is
-- REFUND_FAILED until an admin retries it (retryRefund), which starts the attempts again.
ALTER TABLE booking
  ADD COLUMN refund_attempts integer     NOT NULL DEFAULT 0 CHECK (refund_attempts >= 0),
  -- when the next attempt is due; null: at once
  ADD COLUMN refund_next_at  timestamptz;

-- V11's CHECKs on payment_status were left unnamed: found by what they say, replaced by named ones.
DO $$
DECLARE
  c record;
BEGIN
  FOR c IN SELECT conname FROM pg_constraint
           WHERE conrelid = 'booking'::regclass AND contype = 'c'
             AND (pg_get_constraintdef(oid) LIKE '%''PENDING''%'
                  OR pg_get_constraintdef(oid) LIKE '%<> ''CONFIRMED''%')
  LOOP
    EXECUTE format('ALTER TABLE booking DROP CONSTRAINT %I', c.conname);
  END LOOP;
END
$$;

ALTER TABLE booking
  ADD CONSTRAINT booking_payment_status_known CHECK (payment_status IN
    ('PENDING', 'UNKNOWN', 'CHARGED', 'DECLINED', 'NOT_CHARGED', 'REFUNDED', 'REFUND_FAILED')),
  -- a confirmed booking was charged; the refund of a cheaper change of dates may have failed since
  ADD CONSTRAINT booking_confirmed_was_charged CHECK
    (status <> 'CONFIRMED' OR payment_status IN ('CHARGED', 'REFUNDED', 'REFUND_FAILED')),
  -- a refund has failed only while it is still owed
  ADD CONSTRAINT booking_refund_failed_is_due CHECK (payment_status <> 'REFUND_FAILED' OR refund_due IS NOT NULL);

DROP INDEX booking_refund_due_idx;
-- what the retry job sends: owed, not given up on, oldest due first
CREATE INDEX booking_refund_due_idx ON booking (refund_next_at NULLS FIRST)
  WHERE refund_due IS NOT NULL AND payment_status <> 'REFUND_FAILED';
-- what on-call looks at (and the stay_booking_refunds_failed gauge counts)
CREATE INDEX booking_refund_failed_idx ON booking (updated_at) WHERE payment_status = 'REFUND_FAILED';
