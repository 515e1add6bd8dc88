package dev.stay.booking.notify;

import java.nio.charset.StandardCharsets;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.stereotype.Component;

/**
 * Puts what can never be sent on {@code booking.booking.DLT}, next to what the shared error handler dead-letters
 * after its retries, with the reason in the same {@code kafka_dlt-exception-message} header and the consumer group in
 * {@code kafka_dlt-original-consumer-group}. Used for what retrying
 * cannot mend and must not hold up the partition: a guest booking has no profile of (no address to send to), and a
 * reminder whose attempts are spent.
 */
@Component
class Undeliverable {

    static final String TOPIC = NotificationListener.TOPIC + ".DLT";

    private static final Logger log = LoggerFactory.getLogger(Undeliverable.class);

    private final KafkaTemplate<String, String> kafka;

    Undeliverable(KafkaTemplate<String, String> kafka) {
        this.kafka = kafka;
    }

    void deadLetter(String key, String value, String reason) {
        deadLetter(TOPIC, key, value, reason);
    }

    /** To another topic's dead letters ({@code booking.reservation.DLT} for table reservations). */
    void deadLetter(String topic, String key, String value, String reason) {
        log.error("notification dead-lettered to {} (key {}): {}", topic, key, reason);
        ProducerRecord<String, String> record = new ProducerRecord<>(topic, key, value);
        record.headers().add("kafka_dlt-exception-message", reason.getBytes(StandardCharsets.UTF_8));
        record.headers().add("kafka_dlt-original-consumer-group", NotificationListener.ID.getBytes(StandardCharsets.UTF_8));
        kafka.send(record).join();
    }
}
