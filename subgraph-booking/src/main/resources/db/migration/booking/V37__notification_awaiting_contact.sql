-- A booking event of a guest booking has no contact for yet: the guest signed up moments ago and users' profile is
-- still on its way (users.profile). The event waits here, as it came, and is delivered once the profile arrives; one
-- that waits longer than stay.notify.awaiting-max is dead-lettered. Several instances share the rows with a lease
-- taken under FOR UPDATE SKIP LOCKED.
CREATE TABLE notification_awaiting_contact (
  event_id     text        PRIMARY KEY,
  guest_id     uuid        NOT NULL,
  record_key   text,
  record_value text        NOT NULL,   -- the event's record on booking.booking, delivered as if it came again
  parked_at    timestamptz NOT NULL DEFAULT now(),
  leased_until timestamptz NOT NULL DEFAULT '-infinity'
);
CREATE INDEX notification_awaiting_contact_guest_idx ON notification_awaiting_contact (guest_id);
