package dev.stay.booking.notify;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * Sends the reminder the day before arrival, at {@code stay.notify.reminder-at} in the property's time zone, on any
 * number of instances: each takes its due reminders with a lease ({@link Reminders#take}), so no two send one, and
 * the message itself is once per channel ({@link Notifying}). Too late (the guest's arrival day has come in the
 * property's zone) or not wanted: skipped. A reminder that cannot be sent is tried again with back-off and, after
 * {@code stay.notify.reminder-attempts}, dead-lettered to {@code booking.booking.DLT} like the events it comes from
 * ({@link Undeliverable}).
 */
@Component
@EnableConfigurationProperties(NotifyProperties.class)
class ReminderJob {

    private static final Logger log = LoggerFactory.getLogger(ReminderJob.class);

    private final Reminders reminders;
    private final GuestContacts contacts;
    private final Notifying notifying;
    private final NotifyProperties settings;
    private final Undeliverable undeliverable;
    private final JsonMapper json;
    private final Clock clock;

    ReminderJob(Reminders reminders, GuestContacts contacts, Notifying notifying, NotifyProperties settings,
            Undeliverable undeliverable, JsonMapper json, Clock clock) {
        this.reminders = reminders;
        this.contacts = contacts;
        this.notifying = notifying;
        this.settings = settings;
        this.undeliverable = undeliverable;
        this.json = json;
        this.clock = clock;
    }

    @Scheduled(fixedDelayString = "${stay.notify.reminder-interval:PT5M}",
            initialDelayString = "${stay.notify.reminder-interval:PT5M}")
    void run() {
        try {
            int sent = sendDue(clock.instant());
            if (sent > 0) {
                log.info("reminders: {} handled", sent);
            }
        } catch (RuntimeException e) {
            log.warn("reminders: this round failed, next round then: {}", e.toString());
        }
    }

    /** @return how many due reminders this instance took and handled */
    int sendDue(Instant now) {
        var due = reminders.take(now, settings.reminderBatch(), settings.reminderLease());
        for (Reminders.Due reminder : due) {
            handle(reminder, now);
        }
        return due.size();
    }

    private void handle(Reminders.Due reminder, Instant now) {
        if (!now.atZone(reminder.zone()).toLocalDate().isBefore(reminder.checkIn())) {
            log.info("reminder of booking {} skipped: arrival day {} has come", reminder.bookingId(),
                    reminder.checkIn());
            reminders.done(reminder, now);
            return;
        }
        var guest = contacts.find(reminder.guestId());
        try {
            if (guest.isEmpty()) {
                throw new IllegalStateException("guest " + reminder.guestId() + " has no profile in booking");
            }
            notifying.notify(reminder.eventId(), Kind.REMINDER, reminder.stay(), guest.get());
            reminders.done(reminder, now);
        } catch (RuntimeException e) {
            if (reminder.attempts() + 1 >= settings.reminderAttempts()) {
                deadLetter(reminder, e);
                reminders.done(reminder, now);
            } else {
                Duration wait = Duration.ofMinutes(1L << Math.min(reminder.attempts(), 6));
                log.warn("reminder of booking {} not sent, again in {}: {}", reminder.bookingId(), wait, e.toString());
                reminders.retryAt(reminder, now.plus(wait));
            }
        }
    }

    private void deadLetter(Reminders.Due reminder, RuntimeException e) {
        String value = json.writeValueAsString(Map.of("eventId", reminder.eventId(), "type", "booking.reminder",
                "data", reminder.stay()));
        undeliverable.deadLetter(reminder.propertyId().toString(), value, "reminder not sent after "
                + (reminder.attempts() + 1) + " attempts: " + e.getMessage());
    }
}
