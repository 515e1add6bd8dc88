package dev.stay.booking.notify;

import dev.stay.common.events.EventReader;
import dev.stay.common.events.ReceivedEvent;
import java.time.Duration;
import java.time.Instant;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Tells guests about their bookings: confirmed, cancelled, dates changed, payment failed (the other facts on
 * {@code booking.booking} are not theirs to hear), and keeps the reminder of each confirmed booking. Deliberately not
 * one transaction: the provider is called between the claim and the mark ({@link Notifying}). A send that fails
 * (provider down, slow or refusing) is retried with back-off by the error handler every subgraph shares, which
 * redelivers the whole event (channels already sent are skipped) and, once the back-off is spent, dead-letters it to
 * {@code booking.booking.DLT}; a malformed event goes there at once. The event of a guest booking has no contact for
 * yet (signed up moments ago: users' profile is on its way) waits in {@link AwaitingContact} rather than hold up every
 * booking of the property behind it, and is delivered once the contact arrives, or dead-lettered after
 * {@code stay.notify.awaiting-max}.
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
    private final AwaitingContact awaiting;
    private final NotifyProperties settings;
    private final ReservationNotices reservationNotices;

    NotificationListener(EventReader events, GuestContacts contacts, Reminders reminders, Notifying notifying,
            Undeliverable undeliverable, AwaitingContact awaiting, NotifyProperties settings,
            ReservationNotices reservationNotices) {
        this.reservationNotices = reservationNotices;
        this.events = events;
        this.contacts = contacts;
        this.reminders = reminders;
        this.notifying = notifying;
        this.undeliverable = undeliverable;
        this.awaiting = awaiting;
        this.settings = settings;
    }

    @KafkaListener(id = ID, topics = TOPIC, groupId = ID)
    void on(ConsumerRecord<String, String> record) {
        deliver(record.key(), record.value(), false);
    }

    /**
     * Delivers the events that waited for their guest's contact, now that it arrived; those that waited longer than
     * {@code awaiting-max} are dead-lettered. A delivery that fails stays, and is tried again when its lease ends.
     */
    @Scheduled(fixedDelayString = "${stay.notify.awaiting-interval:PT5S}")
    void deliverAwaiting() {
        Duration lease = settings.reminderLease();
        for (AwaitingContact.Waiting waiting : awaiting.take(Instant.now(), settings.reminderBatch(), lease,
                settings.awaitingMax())) {
            try {
                if (waiting.contactKnown()) {
                    deliver(waiting.key(), waiting.value(), true);
                } else {
                    undeliverable.deadLetter(waiting.key(), waiting.value(), "the guest's contact did not arrive from "
                            + "users.profile within " + settings.awaitingMax() + ": nowhere to send event " + waiting.eventId());
                }
                awaiting.done(waiting.eventId());
            } catch (RuntimeException e) {
                log.warn("event {} waiting for its guest's contact not delivered yet: {}", waiting.eventId(), e.toString());
            }
        }
    }

    private void deliver(String key, String value, boolean waited) {
        ConsumerRecord<String, String> record = new ConsumerRecord<>(TOPIC, 0, 0L, key, value);
        ReceivedEvent event = events.read(record);
        Kind kind = Kind.of(event.type()).orElse(null);
        if (kind == null) {
            log.debug("ignored {} {}: nothing to tell the guest", event.type(), event.eventId());
            return;
        }
        if (kind.aboutReservation()) { // a table reservation's event that waited for its guest's contact
            reservationNotices.deliver(event, key, value, waited);
            return;
        }
        BookedStay stay = events.data(event, BookedStay.class);
        GuestContact guest = contacts.find(stay.guestId()).orElse(null);
        if (guest == null) {
            if (waited) {
                throw new IllegalStateException("the contact of guest " + stay.guestId() + " is gone");
            }
            awaiting.park(event.eventId(), stay.guestId(), key, value);
            log.info("{} of booking {} waits for the contact of guest {} (users.profile)", kind, stay.bookingId(),
                    stay.guestId());
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
