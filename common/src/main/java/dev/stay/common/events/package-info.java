/**
 * Consuming Stay's events, one way for every subgraph: {@link dev.stay.common.events.EventReader} reads a record
 * (the outbox's envelope or the identity provider's flat message) into a {@link dev.stay.common.events.ReceivedEvent};
 * {@link dev.stay.common.events.AppliedEvents} applies it once (its id recorded in the consumer's transaction) and
 * guards every update so an older state never overwrites a newer one; the listeners' error handler retries with
 * back-off and dead-letters to {@code <topic>.DLT} what still fails, and what is malformed at once.
 *
 * <p>A listener reads, checks {@code firstTime}, and applies, all in one transaction:
 *
 * <pre>{@code
 * @KafkaListener(topics = "catalog.property", groupId = "booking.catalog-feed")
 * @Transactional
 * void on(ConsumerRecord<String, String> record) {
 *     ReceivedEvent event = events.read(record);
 *     if (applied.firstTime(event)) { ... update ... where(AppliedEvents.notNewerThan(VERSION, incoming)) }
 * }
 * }</pre>
 *
 * <p>A consuming subgraph sets {@code stay.events.enabled: true} and creates the table in a Flyway migration:
 *
 * <pre>{@code
 * CREATE TABLE applied_event (
 *   event_id   text        PRIMARY KEY,           -- the producer's event id
 *   topic      text        NOT NULL,
 *   applied_at timestamptz NOT NULL DEFAULT now()
 * );
 * CREATE INDEX applied_event_applied_at_idx ON applied_event (applied_at);   -- for the pruning
 * }</pre>
 *
 * <p>Settings ({@code stay.events.*}): see {@link dev.stay.common.events.EventsProperties}.
 */
package dev.stay.common.events;
