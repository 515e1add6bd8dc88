package dev.stay.booking.notify;

import java.util.UUID;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Tells a guest about one event on each channel they want and can be reached on, once per channel: the row in
 * {@link NotificationLog} is claimed (committed) before the provider is called and marked sent after; a channel
 * already sent is skipped when the event comes again (redelivered, retried after another channel failed). The gap
 * between the provider's answer and the mark (a crash, a stop) is covered by the provider's idempotency key: the next
 * attempt sends the same key and the provider sends nothing twice. Runs outside any transaction: no database
 * connection waits on the provider.
 */
@Component
class Notifying {

    private static final Logger log = LoggerFactory.getLogger(Notifying.class);

    private final NotificationLog notifications;
    private final Templates templates;
    private final MessagingProvider provider;

    Notifying(NotificationLog notifications, Templates templates, MessagingProvider provider) {
        this.notifications = notifications;
        this.templates = templates;
        this.provider = provider;
    }

    /**
     * @param eventId the event's id (or the reminder's), which with the channel names the message
     * @throws MessagingProvider.NotSent when a channel could not be sent: try the whole event again later
     */
    void notify(String eventId, Kind kind, BookedStay stay, GuestContact guest) {
        notify(eventId, kind, stay.bookingId(), stay.reference(), guest,
                channel -> templates.render(kind, channel, guest.locale(), stay));
    }

    /**
     * The same for anything a guest is told about: a booking's or a table reservation's ({@code about}, its id, which
     * the log keeps), with its own rendering.
     */
    void notify(String eventId, Kind kind, UUID about, String reference, GuestContact guest,
                Function<Channel, Message> render) {
        for (Channel channel : Channel.values()) {
            String to = guest.addressFor(channel, kind);
            if (to == null) {
                continue;
            }
            if (!notifications.claim(eventId, channel, kind, about)) {
                log.debug("{} {} of {} already sent by {}", kind, eventId, about, channel);
                continue;
            }
            Message message = render.apply(channel);
            String id = provider.send(NotificationLog.idempotencyKey(eventId, channel), channel, to, message,
                    reference);
            notifications.sent(eventId, channel, id);
            log.info("{} of {} sent by {} ({})", kind, about, channel, id);
        }
    }
}
