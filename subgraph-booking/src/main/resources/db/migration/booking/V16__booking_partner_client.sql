-- The partner that made a booking: the client id (azp) of the partner's client-credentials token, null for a booking
-- a guest made themselves. Partners see only the bookings their client made.
ALTER TABLE booking ADD COLUMN partner_client_id text CHECK (length(partner_client_id) BETWEEN 1 AND 255);
CREATE INDEX booking_partner_client_idx ON booking (partner_client_id, check_in) WHERE partner_client_id IS NOT NULL;
