package dev.stay.common.events;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code stay.events.*}: how a subgraph consumes events.
 *
 * @param enabled whether this subgraph consumes events and has the {@code applied_event} table (off by default: a
 *     subgraph without the table must not be pruned)
 * @param appliedRetention how long an applied event's id is kept: longer than the broker keeps the event (Kafka's
 *     {@code retention.ms}, 7 days by default), so no copy can arrive after its id is forgotten
 * @param pruneInterval how often the ids past their retention are deleted
 * @param retry how a record that failed is tried again before it is dead-lettered
 */
@ConfigurationProperties("stay.events")
public record EventsProperties(
        @DefaultValue("false") boolean enabled,
        @DefaultValue("14d") Duration appliedRetention,
        @DefaultValue("1h") Duration pruneInterval,
        @DefaultValue Retry retry) {

    /**
     * Exponential back-off, bounded: a database or broker away for a while is waited out; an event that still fails
     * after {@code maxElapsedTime} of waiting goes to {@code <topic>.DLT} and the partition moves on. Keep it well
     * under Kafka's {@code max.poll.interval.ms} (5 minutes), as the consumer waits on its own thread.
     *
     * @param initialInterval the wait after the first failure
     * @param multiplier by how much each wait grows
     * @param maxInterval the longest single wait
     * @param maxElapsedTime the total wait before a record is dead-lettered
     */
    public record Retry(
            @DefaultValue("500ms") Duration initialInterval,
            @DefaultValue("2.0") double multiplier,
            @DefaultValue("10s") Duration maxInterval,
            @DefaultValue("60s") Duration maxElapsedTime) {}
}
