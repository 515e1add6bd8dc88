-- What happens to a table reservation after it is made: seated, completed (deposit refunded) or a no-show (kept).

-- The seated parties the completion job looks at: ended some hours ago and nobody closed their visit.
CREATE INDEX table_reservation_seated_end_idx ON table_reservation (ends_at) WHERE status = 'SEATED';

-- The refunds of completed visits still owed (refund_key reservation-<id>-completion-refund), retried by the
-- lifecycle's own job.
CREATE INDEX table_reservation_completion_refund_idx ON table_reservation (refund_next_at NULLS FIRST)
  WHERE status = 'COMPLETED' AND refund_due IS NOT NULL AND payment_status <> 'REFUND_FAILED';
