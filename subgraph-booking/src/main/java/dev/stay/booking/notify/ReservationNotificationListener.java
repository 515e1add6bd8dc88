package dev.stay.booking.notify;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * Tells guests about their table reservations from {@code booking.reservation} ({@link ReservationNotices}). A send
 * that fails is retried with back-off by the error handler every subgraph shares, which redelivers the whole event
 * (channels already sent are skipped) and then dead-letters it to {@code booking.reservation.DLT}; a malformed event
 * goes there at once.
 */
@Component
class ReservationNotificationListener {

    static final String TOPIC = "booking.reservation";
    static final String ID = "booking.reservation-notifications";

    private final ReservationNotices notices;

    ReservationNotificationListener(ReservationNotices notices) {
        this.notices = notices;
    }

    @KafkaListener(id = ID, topics = TOPIC, groupId = ID)
    void on(ConsumerRecord<String, String> record) {
        notices.receive(record);
    }
}
