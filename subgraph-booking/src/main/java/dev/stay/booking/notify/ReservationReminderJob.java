package dev.stay.booking.notify;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * Sends a confirmed reservation's reminder the morning of its day ({@code stay.notify.reservation-reminder-at}, the
 * restaurant's time), on any number of instances, as hotels' {@link ReminderJob} does: leased rows, once per channel.
 * Past the reservation's time: skipped. One that cannot be sent is tried again with back-off and, after
 * {@code stay.notify.reminder-attempts}, dead-lettered to {@code booking.reservation.DLT}.
 */
@Component
class ReservationReminderJob {

    private static final Logger log = LoggerFactory.getLogger(ReservationReminderJob.class);

    private final ReservationReminders reminders;
    private final GuestContacts contacts;
    private final Notifying notifying;
    private final Templates templates;
    private final NotifyProperties settings;
    private final Undeliverable undeliverable;
    private final JsonMapper json;
    private final Clock clock;

    ReservationReminderJob(ReservationReminders reminders, GuestContacts contacts, Notifying notifying,
                           Templates templates, NotifyProperties settings, Undeliverable undeliverable,
                           JsonMapper json, Clock clock) {
        this.reminders = reminders;
        this.contacts = contacts;
        this.notifying = notifying;
        this.templates = templates;
        this.settings = settings;
        this.undeliverable = undeliverable;
        this.json = json;
        this.clock = clock;
    }

    @Scheduled(fixedDelayString = "${stay.notify.reminder-interval:PT5M}",
            initialDelayString = "${stay.notify.reminder-interval:PT5M}")
    void run() {
        try {
            int handled = sendDue(clock.instant());
            if (handled > 0) {
                log.info("reservation reminders: {} handled", handled);
            }
        } catch (RuntimeException e) {
            log.warn("reservation reminders: this round failed, next round then: {}", e.toString());
        }
    }

    /** @return how many due reminders this instance took and handled */
    int sendDue(Instant now) {
        var due = reminders.take(now, settings.reminderBatch(), settings.reminderLease());
        for (ReservationReminders.Due reminder : due) {
            handle(reminder, now);
        }
        return due.size();
    }

    private void handle(ReservationReminders.Due reminder, Instant now) {
        if (!now.isBefore(reminder.startsAt())) {
            log.info("reminder of reservation {} skipped: its time has come", reminder.reservationId());
            reminders.done(reminder, now);
            return;
        }
        try {
            var guest = contacts.find(reminder.guestId()).orElseThrow(() -> new IllegalStateException(
                    "guest " + reminder.guestId() + " has no profile in booking"));
            notifying.notify(reminder.eventId(), Kind.RESERVATION_REMINDER, reminder.reservationId(),
                    reminder.reference(), guest,
                    channel -> templates.render(Kind.RESERVATION_REMINDER, channel, guest.locale(), reminder.table()));
            reminders.done(reminder, now);
        } catch (RuntimeException e) {
            if (reminder.attempts() + 1 >= settings.reminderAttempts()) {
                undeliverable.deadLetter(ReservationNotificationListener.TOPIC + ".DLT",
                        reminder.restaurantId().toString(), json.writeValueAsString(Map.of("eventId",
                                reminder.eventId(), "type", "reservation.reminder", "data", reminder.table())),
                        "reservation reminder not sent after " + (reminder.attempts() + 1) + " attempts: "
                                + e.getMessage());
                reminders.done(reminder, now);
            } else {
                Duration wait = Duration.ofMinutes(1L << Math.min(reminder.attempts(), 6));
                log.warn("reminder of reservation {} not sent, again in {}: {}", reminder.reservationId(), wait,
                        e.toString());
                reminders.retryAt(reminder, now.plus(wait));
            }
        }
    }
}
