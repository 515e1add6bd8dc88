package dev.stay.booking.notify;

import java.net.URI;
import java.time.Duration;
import java.time.LocalTime;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code stay.notify.*}: the messaging provider and the reminder.
 *
 * @param url the provider's base URL ({@code STAY_NOTIFY_URL})
 * @param connectTimeout how long to wait for a connection
 * @param readTimeout how long to wait for an answer; after it the message may or may not be sent, and it is sent
 *     again with the same idempotency key
 * @param reminderAt the local time, in the property's time zone, of the day before arrival when the reminder goes out
 * @param reminderInterval how often the reminder job looks for reminders due
 * @param reminderBatch how many due reminders one instance takes at a time
 * @param reminderLease how long a taken reminder is left to its instance before another may take it
 * @param reminderAttempts how many times a reminder is tried before it is dead-lettered
 * @param awaitingInterval how often events of guests whose contact had not arrived yet are looked at again
 * @param awaitingMax how long such an event waits for the guest's contact before it is dead-lettered
 * @param reservationReminderAt the local time, in the restaurant's time zone, of the reservation's own day when its
 *     reminder goes out (the morning of the day)
 */
@ConfigurationProperties("stay.notify")
public record NotifyProperties(
        @DefaultValue("http://127.0.0.1:18082") URI url,
        @DefaultValue("2s") Duration connectTimeout,
        @DefaultValue("5s") Duration readTimeout,
        @DefaultValue("10:00") LocalTime reminderAt,
        @DefaultValue("PT5M") Duration reminderInterval,
        @DefaultValue("50") int reminderBatch,
        @DefaultValue("2m") Duration reminderLease,
        @DefaultValue("5") int reminderAttempts,
        @DefaultValue("PT5S") Duration awaitingInterval,
        @DefaultValue("P2D") Duration awaitingMax,
        @DefaultValue("09:00") LocalTime reservationReminderAt) {}
