package dev.stay.common.events;

import org.apache.kafka.common.TopicPartition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.core.KafkaOperations;
import org.springframework.kafka.listener.DeadLetterPublishingRecoverer;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.util.backoff.ExponentialBackOff;
import tools.jackson.core.JacksonException;

/**
 * What every listener of Stay does with a record it could not apply. Kafka's default (ten quick tries, then skip)
 * loses the event when the database is away for a second, and retrying forever jams the partition behind a record
 * that can never apply. So: a malformed record ({@link MalformedEventException}) goes to {@code <topic>.DLT} at once;
 * anything else (database away, a constraint refusing the change) is tried again with exponential back-off, in
 * order (the records behind it wait), and dead-lettered, with an error in the log, once the back-off is spent. The
 * dead-letter record keeps the key (so its partition follows the key, not the source's) and carries the exception
 * in its headers.
 */
final class ConsumerErrors {

    private static final Logger log = LoggerFactory.getLogger(ConsumerErrors.class);

    static final String DEAD_LETTER_SUFFIX = ".DLT";

    private ConsumerErrors() {}

    static DefaultErrorHandler handler(KafkaOperations<?, ?> template, EventsProperties.Retry retry) {
        DeadLetterPublishingRecoverer deadLetters = new DeadLetterPublishingRecoverer(template,
                (record, e) -> new TopicPartition(record.topic() + DEAD_LETTER_SUFFIX, -1));
        ExponentialBackOff backOff = new ExponentialBackOff(retry.initialInterval().toMillis(), retry.multiplier());
        backOff.setMaxInterval(retry.maxInterval().toMillis());
        backOff.setMaxElapsedTime(retry.maxElapsedTime().toMillis());
        DefaultErrorHandler handler = new DefaultErrorHandler((record, e) -> {
            log.error("{}-{}@{} (key {}) dead-lettered to {}{}: {}", record.topic(), record.partition(),
                    record.offset(), record.key(), record.topic(), DEAD_LETTER_SUFFIX, rootMessage(e));
            deadLetters.accept(record, e);
        }, backOff);
        handler.addNotRetryableExceptions(MalformedEventException.class, JacksonException.class);
        return handler;
    }

    private static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root == e ? e.toString() : e.getClass().getSimpleName() + " caused by " + root;
    }
}
