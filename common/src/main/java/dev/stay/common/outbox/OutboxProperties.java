package dev.stay.common.outbox;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code stay.outbox.*}.
 *
 * @param enabled whether this subgraph has an outbox table (off by default: a subgraph without one must not poll it)
 * @param pollInterval how often the relay looks for unpublished events when it is idle
 * @param batchSize how many events one relay transaction sends and marks
 * @param sendTimeout how long the broker has to acknowledge a send before the relay gives up and tries again later
 *     (Kafka's {@code delivery.timeout.ms}); the relay's transaction stays open meanwhile
 * @param retention how long published events are kept (to look into what was sent) before they are deleted
 * @param cleanupInterval how often the published events past their retention are deleted
 */
@ConfigurationProperties("stay.outbox")
public record OutboxProperties(
        @DefaultValue("false") boolean enabled,
        @DefaultValue("200ms") Duration pollInterval,
        @DefaultValue("100") int batchSize,
        @DefaultValue("10s") Duration sendTimeout,
        @DefaultValue("7d") Duration retention,
        @DefaultValue("1h") Duration cleanupInterval) {}
