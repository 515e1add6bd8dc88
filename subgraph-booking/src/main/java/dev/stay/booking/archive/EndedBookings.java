package dev.stay.booking.archive;

import dev.stay.common.events.AppliedEvents;
import dev.stay.common.events.EventReader;
import dev.stay.common.events.ReceivedEvent;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Set;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Archives each booking that ended, once, from booking's own final events on {@code booking.booking}: the event is
 * marked applied in the transaction that writes the archive row, and the row is written only if absent, so a
 * replayed or re-sent event changes nothing. The booking stays live (and keeps being read from there) until
 * {@link MovingToArchive} moves it. Unreadable events are dead-lettered by the handler every subgraph shares.
 */
@Component
class EndedBookings {

    static final String TOPIC = "booking.booking";
    static final Set<String> FINAL = Set.of("booking.completed", "booking.cancelled", "booking.no-show",
            "booking.expired", "booking.payment-failed");

    private static final Logger log = LoggerFactory.getLogger(EndedBookings.class);

    private final EventReader events;
    private final AppliedEvents applied;
    private final Archive archive;

    EndedBookings(EventReader events, AppliedEvents applied, Archive archive) {
        this.events = events;
        this.applied = applied;
        this.archive = archive;
    }

    @KafkaListener(topics = TOPIC, groupId = "booking.archive")
    @Transactional
    void on(ConsumerRecord<String, String> record) {
        ReceivedEvent event = events.read(record);
        if (!FINAL.contains(event.type())) {
            return;
        }
        BookingEnded ended = events.data(event, BookingEnded.class);
        if (!applied.firstTime(event)) {
            return;
        }
        Instant at = ended.occurredAt() != null ? ended.occurredAt()
                : event.occurredAt() != null ? event.occurredAt() : Instant.now();
        if (!archive.write(ended.bookingId(), at.atOffset(ZoneOffset.UTC)) && !archive.holds(ended.bookingId())) {
            log.warn("{} {}: booking {} is neither ended nor archived here; nothing archived", event.type(),
                    event.eventId(), ended.bookingId());
        }
    }
}
