package dev.stay.catalog.restaurantsearch;

import dev.stay.common.events.AppliedEvents;
import dev.stay.common.events.EventReader;
import dev.stay.common.events.MalformedEventException;
import dev.stay.common.events.ReceivedEvent;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The catalog's consumer of booking's {@value #TOPIC}: each reservation event applied once ({@link AppliedEvents},
 * in the transaction that applies it) to {@link BusyTables}. An event that cannot be read, or keyed by another
 * restaurant than its own, is dead-lettered by the handler every consumer shares.
 */
@Component
class ReservationFeedListener {

    static final String TOPIC = "booking.reservation";

    private final EventReader events;
    private final AppliedEvents applied;
    private final BusyTables busyTables;

    ReservationFeedListener(EventReader events, AppliedEvents applied, BusyTables busyTables) {
        this.events = events;
        this.applied = applied;
        this.busyTables = busyTables;
    }

    @KafkaListener(topics = TOPIC, groupId = "catalog.reservation-feed")
    @Transactional
    void on(ConsumerRecord<String, String> record) {
        ReceivedEvent event = events.read(record);
        if (event.type().startsWith("reservation.")) {
            ReservationEvent reservation = events.data(event, ReservationEvent.class);
            if (!reservation.restaurantId().toString().equals(record.key())) {
                throw new MalformedEventException(event.eventId() + " is keyed by another restaurant than its own");
            }
            if (applied.firstTime(event)) {
                busyTables.apply(reservation);
            }
        }
    }
}
