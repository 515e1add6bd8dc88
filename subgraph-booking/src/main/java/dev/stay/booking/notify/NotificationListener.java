package dev.stay.booking.notify;

import dev.stay.common.events.EventReader;
import dev.stay.common.events.ReceivedEvent;
import java.time.Instant;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * Tells guests about their bookings: confirmed, cancelled, dates changed, payment failed (the other facts on
 * {@code booking.booking} are not theirs to hear), and keeps the reminder of each confirmed booking. Deliberately not
 * one transaction: the provider is called between the claim and the mark ({@link Notifying}). A send that fails
 * (provider down, slow or refusing) is retried with back-off by the error handler every subgraph shares, which
 * redelivers the whole event (channels already sent are skipped) and, once the back-off is spent, dead-letters it to
 * {@code booking.booking.DLT}; a malformed event goes there at once, and so does the event of a guest booking has no
 * profile of (nowhere to send it, and retrying would hold up every booking of the property behind it).
 */
@Component
class NotificationListener {

    static final String TOPIC = "booking.booking";
    static final String ID = "booking.notifications";

    private static final Logger log = LoggerFactory.getLogger(NotificationListener.class);

    private final EventReader events;
    private final GuestContacts contacts;
    private final Reminders reminders;
    private final Notifying notifying;
    private final Undeliverable undeliverable;
    private final NotifyProperties settings;

    NotificationListener(EventReader events, GuestContacts contacts, Reminders reminders, Notifying notifying,
            Undeliverable undeliverable, NotifyProperties settings) {
        this.events = events;
        this.contacts = contacts;
        this.reminders = reminders;
        this.notifying = notifying;
        this.undeliverable = undeliverable;
        this.settings = settings;
    }

    @KafkaListener(id = ID, topics = TOPIC, groupId = ID)
    void on(ConsumerRecord<String, String> record) {
        ReceivedEvent event = events.read(record);
        Kind kind = Kind.of(event.type()).orElse(null);
        if (kind == null) {
            log.debug("ignored {} {}: nothing to tell the guest", event.type(), event.eventId());
            return;
        }
        BookedStay stay = events.data(event, BookedStay.class);
        GuestContact guest = contacts.find(stay.guestId()).orElse(null);
        if (guest == null) {
            undeliverable.deadLetter(record.key(), record.value(), "guest " + stay.guestId() + " of booking "
                    + stay.bookingId() + " has no profile in booking (users.profile): nowhere to send " + kind);
            return;
        }
        Instant asOf = stay.occurredAt() != null ? stay.occurredAt()
                : event.occurredAt() != null ? event.occurredAt() : Instant.now();
        switch (kind) {
            case CONFIRMED, DATES_CHANGED -> reminders.follow(stay, false, settings.reminderAt(), asOf);
            case CANCELLED -> reminders.follow(stay, true, settings.reminderAt(), asOf);
            default -> { }
        }
        notifying.notify(event.eventId(), kind, stay, guest);
    }
}
