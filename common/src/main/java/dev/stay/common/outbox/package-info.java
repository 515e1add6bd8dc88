/**
 * The transactional outbox: an event is written in the same transaction as the change it announces, and a relay
 * publishes it to Kafka after that transaction commits, so a change is never published without being made, nor made
 * without being published.
 *
 * <p>A subgraph that publishes sets {@code stay.outbox.enabled: true} and creates the table in one of its Flyway
 * migrations (common cannot: each subgraph owns its database):
 *
 * <pre>{@code
 * CREATE TABLE outbox (
 *   id           uuid        PRIMARY KEY,                    -- the event id: consumers apply each once
 *   seq          bigint      GENERATED ALWAYS AS IDENTITY,   -- the order of writing, which is the order of sending
 *   topic        text        NOT NULL,
 *   key          text        NOT NULL,
 *   type         text        NOT NULL,
 *   payload      jsonb       NOT NULL,
 *   occurred_at  timestamptz NOT NULL,
 *   published_at timestamptz,
 *   traceparent  text                                        -- the appending request's trace context, or null
 * );
 * CREATE INDEX outbox_unpublished_idx ON outbox (seq) WHERE published_at IS NULL;
 * CREATE INDEX outbox_unpublished_key_idx ON outbox (key, seq) WHERE published_at IS NULL;
 * }</pre>
 *
 * <p>What consumers can rely on: every committed event arrives at least once, as an {@link EventEnvelope}, keyed as
 * its writer keyed it; the events of one key arrive in the order they were written, and when one is sent again
 * (after a broker timeout, or a relay that stopped between the broker's ack and its own commit) the last copy on
 * the partition is still in order. So consumers deduplicate by {@link EventEnvelope#eventId()} and ignore states
 * older than the one they hold.
 *
 * <p>Settings ({@code stay.outbox.*}): see {@link OutboxProperties}.
 */
package dev.stay.common.outbox;
