package dev.stay.keycloak.events;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.jboss.logging.Logger;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/**
 * Sends messages to Kafka from a thread of its own, so a sign-up never waits for the broker: with Kafka down, the
 * request that registered the user has long answered when the send gives up, and the failure is only logged. The
 * users subgraph also creates a profile the first time it sees a user's token, so a lost message loses nothing.
 *
 * <p>The producer is idempotent with {@code acks=all}: a retried send is written once. It is created on first use, and
 * again after a failure to create it (say, a bootstrap host not resolvable yet).
 */
final class KafkaPublisher implements AutoCloseable {

    private static final Logger log = Logger.getLogger(KafkaPublisher.class);

    /**
     * The client's own logger (relocated with it). It logs at INFO on every reconnect while the broker is away, many
     * times a second: its warnings are enough in Keycloak's log. Held here, so the level is not collected with it.
     */
    private static final java.util.logging.Logger CLIENT_LOG = java.util.logging.Logger.getLogger(
            KafkaProducer.class.getName().substring(0, KafkaProducer.class.getName().indexOf(".clients.")));

    static {
        CLIENT_LOG.setLevel(java.util.logging.Level.WARNING);
    }

    /** Messages waiting while the broker is slow; beyond that they are dropped, with a log line each. */
    private static final int QUEUE_CAPACITY = 10_000;

    private final String bootstrapServers;
    private final ThreadPoolExecutor sender;
    /** Touched by the sender thread only, and by {@link #close()} once that thread has ended. */
    private Producer<String, String> producer;

    KafkaPublisher(String bootstrapServers) {
        this.bootstrapServers = bootstrapServers;
        this.sender = new ThreadPoolExecutor(1, 1, 0, TimeUnit.MILLISECONDS, new ArrayBlockingQueue<>(QUEUE_CAPACITY),
                runnable -> {
                    Thread thread = new Thread(runnable, "stay-kafka-publisher");
                    thread.setDaemon(true);
                    // Kafka loads a few classes by name: from this jar, where the relocated client lives
                    thread.setContextClassLoader(KafkaPublisher.class.getClassLoader());
                    return thread;
                });
    }

    /** Queues the message and returns at once. */
    void publish(String topic, String key, String value) {
        try {
            sender.execute(() -> send(topic, key, value));
        } catch (RejectedExecutionException e) {
            log.warnf("%s for user %s not published: the queue to Kafka is full or closed", topic, key);
        }
    }

    private void send(String topic, String key, String value) {
        try {
            producer().send(new ProducerRecord<>(topic, key, value), (metadata, failure) -> {
                if (failure != null) {
                    log.warnf("%s for user %s not published to Kafka at %s: %s", topic, key, bootstrapServers, failure.toString());
                } else {
                    log.debugf("%s for user %s published at offset %d", topic, key, metadata.offset());
                }
            });
        } catch (RuntimeException e) {
            log.warnf("%s for user %s not published to Kafka at %s: %s", topic, key, bootstrapServers, e.toString());
        }
    }

    private Producer<String, String> producer() {
        if (producer == null) {
            producer = new KafkaProducer<>(config(bootstrapServers), new StringSerializer(), new StringSerializer());
        }
        return producer;
    }

    static Map<String, Object> config(String bootstrapServers) {
        return Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ProducerConfig.CLIENT_ID_CONFIG, "keycloak-stay-events",
                ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true,
                // how long the sender thread may wait for a broker before a send fails: never a user's request
                ProducerConfig.MAX_BLOCK_MS_CONFIG, 10_000,
                ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 120_000,
                ProducerConfig.RECONNECT_BACKOFF_MS_CONFIG, 500,
                ProducerConfig.RECONNECT_BACKOFF_MAX_MS_CONFIG, 5_000);
    }

    /** Sends what is queued, for a few seconds at most, then closes the producer. */
    @Override
    public void close() {
        sender.shutdown();
        try {
            if (!sender.awaitTermination(5, TimeUnit.SECONDS)) {
                log.warnf("%d messages to Kafka dropped at shutdown", sender.shutdownNow().size());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (producer != null) {
            producer.close(Duration.ofSeconds(5));
        }
    }
}
