package dev.stay.booking.notify;

import dev.stay.common.events.EventReader;
import dev.stay.common.events.ReceivedEvent;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * What a guest hears of their table reservation: confirmed, cancelled, changed, deposit payment failed (in their
 * language, on the channels they want), and the reminder of the morning of its day, which every event of the
 * reservation keeps current ({@link ReservationReminders}). Once per event per channel through the same log as
 * bookings ({@link Notifying}, {@link NotificationLog}), so an event consumed twice sends nothing twice. The event of
 * a guest whose contact has not arrived yet waits in {@link AwaitingContact}, as bookings' do, and is delivered
 * through {@link NotificationListener#deliverAwaiting} once it has.
 */
@Component
class ReservationNotices {

    private static final Logger log = LoggerFactory.getLogger(ReservationNotices.class);

    private final EventReader events;
    private final GuestContacts contacts;
    private final Notifying notifying;
    private final Templates templates;
    private final ReservationReminders reminders;
    private final AwaitingContact awaiting;
    private final NotifyProperties settings;

    ReservationNotices(EventReader events, GuestContacts contacts, Notifying notifying, Templates templates,
                       ReservationReminders reminders, AwaitingContact awaiting, NotifyProperties settings) {
        this.events = events;
        this.contacts = contacts;
        this.notifying = notifying;
        this.templates = templates;
        this.reminders = reminders;
        this.awaiting = awaiting;
        this.settings = settings;
    }

    void receive(ConsumerRecord<String, String> record) {
        ReceivedEvent event = events.read(record);
        ReservedTable table = events.data(event, ReservedTable.class);
        reminders.follow(table, settings.reservationReminderAt(),
                table.occurredAt() != null ? table.occurredAt() : event.occurredAt());
        Kind kind = Kind.of(event.type()).filter(Kind::aboutReservation).orElse(null);
        if (kind == null) {
            log.debug("{} of reservation {}: nothing to tell the guest", event.type(), table.reservationId());
            return;
        }
        tell(event, kind, table, record.key(), record.value(), false);
    }

    /** An event that waited for its guest's contact ({@code waited}) or comes now. */
    void deliver(ReceivedEvent event, String key, String value, boolean waited) {
        Kind kind = Kind.of(event.type()).orElseThrow();
        tell(event, kind, events.data(event, ReservedTable.class), key, value, waited);
    }

    private void tell(ReceivedEvent event, Kind kind, ReservedTable table, String key, String value, boolean waited) {
        GuestContact guest = contacts.find(table.guestId()).orElse(null);
        if (guest == null) {
            if (waited) {
                throw new IllegalStateException("the contact of guest " + table.guestId() + " is gone");
            }
            awaiting.park(event.eventId(), table.guestId(), key, value);
            log.info("{} of reservation {} waits for the contact of guest {} (users.profile)", kind,
                    table.reservationId(), table.guestId());
            return;
        }
        notifying.notify(event.eventId(), kind, table.reservationId(), table.reference(), guest,
                channel -> templates.render(kind, channel, guest.locale(), table));
    }
}
