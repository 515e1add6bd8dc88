package dev.stay.booking.notify;

import java.util.Optional;

/** What a guest is told about; one template per kind and language ({@code notify/templates/messages*.properties}). */
enum Kind {
    CONFIRMED("booking.confirmed"),
    CANCELLED("booking.cancelled"),
    DATES_CHANGED("booking.changed"),
    PAYMENT_FAILED("booking.payment-failed"),
    /** Not an event: the reminder job's, the day before arrival. */
    REMINDER(null),
    RESERVATION_CONFIRMED("reservation.confirmed"),
    RESERVATION_CANCELLED("reservation.cancelled"),
    RESERVATION_CHANGED("reservation.changed"),
    RESERVATION_PAYMENT_FAILED("reservation.payment-failed"),
    /** Not an event: the reservation reminder job's, the morning of the reservation's day. */
    RESERVATION_REMINDER(null);

    private final String eventType;

    Kind(String eventType) {
        this.eventType = eventType;
    }

    /** The kind a booking event's type announces; empty for the facts guests are not told about (held, expired). */
    static Optional<Kind> of(String eventType) {
        for (Kind kind : values()) {
            if (kind.eventType != null && kind.eventType.equals(eventType)) {
                return Optional.of(kind);
            }
        }
        return Optional.empty();
    }

    /** A table reservation's, told from {@code booking.reservation} events ({@link ReservationNotices}). */
    boolean aboutReservation() {
        return name().startsWith("RESERVATION_");
    }

    /** Sent only to guests who want reminders. */
    boolean reminder() {
        return this == REMINDER || this == RESERVATION_REMINDER;
    }

    /** The key prefix in the templates: {@code dates-changed.subject}. */
    String templateKey() {
        return name().toLowerCase().replace('_', '-');
    }
}
