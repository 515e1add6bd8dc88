/**
 * What every subgraph shows of itself besides its answers: traces exported to the trace viewer (Zipkin's format,
 * when {@code stay.traces.url} names one), and the metrics Prometheus scrapes that Spring Boot does not make on its
 * own (per-operation GraphQL latency and errors by code). Logs are Spring Boot's structured logging, configured in
 * each subgraph's {@code application.yml}; the outbox's lag is {@code dev.stay.common.outbox}'s.
 */
package dev.stay.common.observability;
