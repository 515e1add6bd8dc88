package dev.stay.common.outbox;

import static java.util.concurrent.TimeUnit.MILLISECONDS;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.serialization.StringSerializer;
import tools.jackson.databind.json.JsonMapper;

/** The relay's producer: sends events in their envelope, in order, and says which the broker acknowledged. */
final class OutboxSender implements AutoCloseable {

    private final Producer<String, String> producer;
    private final Duration sendTimeout;
    private final JsonMapper json;

    /** What the broker acknowledged, a prefix of what was sent, and the first failure after it if any. */
    record Sent(List<PendingEvent> events, Exception failure) {}

    private final TraceContext traces;

    OutboxSender(Map<String, Object> applicationProducer, Duration sendTimeout, JsonMapper json, TraceContext traces) {
        this.producer = new KafkaProducer<>(config(applicationProducer, sendTimeout),
                new StringSerializer(), new StringSerializer());
        this.sendTimeout = sendTimeout;
        this.json = json;
        this.traces = traces;
    }

    /** The application's client settings (broker, security), with the ones that keep sending safe. */
    static Map<String, Object> config(Map<String, Object> application, Duration sendTimeout) {
        Map<String, Object> config = new HashMap<>(application);
        // the database transaction is the unit of work here; each event is its own record on the broker
        config.remove(ProducerConfig.TRANSACTIONAL_ID_CONFIG);
        config.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        config.put(ProducerConfig.ACKS_CONFIG, "all");
        config.put(ProducerConfig.RETRIES_CONFIG, Integer.MAX_VALUE);
        // the most in-flight requests with which idempotence still keeps a partition in order
        config.put(ProducerConfig.MAX_IN_FLIGHT_REQUESTS_PER_CONNECTION, 5);
        config.put(ProducerConfig.LINGER_MS_CONFIG, 5);
        int timeout = (int) sendTimeout.toMillis();
        config.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, timeout);
        config.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, timeout / 2);
        config.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, (long) timeout / 2);
        return config;
    }

    /** Sends in order and waits for the broker's acknowledgements, at most about the send timeout. */
    Sent send(List<PendingEvent> events) {
        List<CompletableFuture<RecordMetadata>> acks = new ArrayList<>(events.size());
        for (PendingEvent event : events) {
            CompletableFuture<RecordMetadata> ack = new CompletableFuture<>();
            TraceContext.Send span = traces.send(event);
            try {
                ProducerRecord<String, String> record = new ProducerRecord<>(event.topic(), event.key(), envelope(event));
                span.traceparent().ifPresent(traceparent -> record.headers()
                        .add(TraceContext.HEADER, traceparent.getBytes(StandardCharsets.US_ASCII)));
                producer.send(record, (metadata, error) -> {
                    span.end(error);
                    if (error != null) {
                        ack.completeExceptionally(error);
                    } else {
                        ack.complete(metadata);
                    }
                });
            } catch (RuntimeException e) {
                span.end(e);
                ack.completeExceptionally(e);
            }
            acks.add(ack);
            if (ack.isCompletedExceptionally()) {
                break; // refused at once (no metadata, producer closed): the rest would only wait as long each
            }
        }
        long wait = sendTimeout.plusSeconds(5).toMillis();
        int acknowledged = 0;
        Exception failure = null;
        for (CompletableFuture<RecordMetadata> ack : acks) {
            try {
                ack.get(wait, MILLISECONDS);
                acknowledged++;
            } catch (ExecutionException e) {
                failure = e.getCause() instanceof Exception cause ? cause : e;
                break;
            } catch (TimeoutException e) {
                failure = e;
                break;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while waiting for the broker's acknowledgement", e);
            }
        }
        return new Sent(events.subList(0, acknowledged), failure);
    }

    private String envelope(PendingEvent event) {
        return json.writeValueAsString(new EventEnvelope(event.id(), event.type(), event.occurredAt(),
                json.readTree(event.payload().data())));
    }

    @Override
    public void close() {
        producer.close(Duration.ofSeconds(5));
    }
}
