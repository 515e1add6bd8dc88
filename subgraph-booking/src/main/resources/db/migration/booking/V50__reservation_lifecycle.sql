-- What happens to a table reservation after it is made: seated, completed (deposit refunded) or a no-show (kept).

-- The reservation's version, carried by every booking.reservation event so that consumers never apply an older fact
-- over a newer one; every change of the reservation bumps it. IF NOT EXISTS: reserving tables may add it as well.
ALTER TABLE table_reservation ADD COLUMN IF NOT EXISTS version integer NOT NULL DEFAULT 1;

-- The seated parties the completion job looks at: ended some hours ago and nobody closed their visit.
CREATE INDEX table_reservation_seated_end_idx ON table_reservation (ends_at) WHERE status = 'SEATED';

-- The refunds of completed visits still owed, retried by the lifecycle's own job (its key names the completion).
CREATE INDEX table_reservation_completion_refund_idx ON table_reservation (refund_next_at NULLS FIRST)
  WHERE status = 'COMPLETED' AND refund_due IS NOT NULL AND payment_status <> 'REFUND_FAILED';
