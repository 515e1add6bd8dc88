-- Every change of a table reservation is published on booking.reservation with the reservation's version, so that a
-- consumer never applies an older state over a newer one. ReservationEvents raises it with each change it stores.
ALTER TABLE table_reservation ADD COLUMN version integer NOT NULL DEFAULT 1 CHECK (version >= 1);

-- the provider's charge of a reservation's deposit under one key: reservation-<id>-deposit, and the key of the refund
-- owed (reservation-<id>-cancel-refund, reservation-<id>-change-<n>-refund), sent again with the same key
ALTER TABLE table_reservation ADD COLUMN refund_key text;

-- a change of time or party size while its extra deposit is charged: the reservation keeps its old table and time,
-- and the new slot is held on the table it will move to (a second row, status HELD, pointing at the reservation),
-- so nobody can take it meanwhile; settled when the provider answers
ALTER TABLE table_reservation ADD COLUMN change_of uuid REFERENCES table_reservation (id);
CREATE UNIQUE INDEX table_reservation_one_open_change_idx ON table_reservation (change_of)
  WHERE status = 'HELD' AND change_of IS NOT NULL;

-- reservations whose deposit is unknown at the provider, for the reconciliation
CREATE INDEX table_reservation_payment_unknown_idx ON table_reservation (updated_at)
  WHERE status = 'HELD' AND payment_status = 'UNKNOWN';
