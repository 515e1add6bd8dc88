package dev.stay.common.outbox;

import io.micrometer.core.instrument.MeterRegistry;
import io.opentelemetry.api.OpenTelemetry;
import org.jooq.DSLContext;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.core.ProducerFactory;
import org.springframework.transaction.PlatformTransactionManager;
import tools.jackson.databind.json.JsonMapper;

/**
 * The outbox and its relay, for a subgraph that sets {@code stay.outbox.enabled: true} and has the {@code outbox}
 * table (see this package's documentation). Off elsewhere, so a subgraph without the table is not polled for it.
 */
@AutoConfiguration(afterName = {
        "org.springframework.boot.jooq.autoconfigure.JooqAutoConfiguration",
        "org.springframework.boot.jackson.autoconfigure.JacksonAutoConfiguration",
        "org.springframework.boot.kafka.autoconfigure.KafkaAutoConfiguration",
        "org.springframework.boot.transaction.autoconfigure.TransactionAutoConfiguration",
        "org.springframework.boot.micrometer.metrics.autoconfigure.CompositeMeterRegistryAutoConfiguration"})
@ConditionalOnClass(DSLContext.class)
@ConditionalOnBooleanProperty("stay.outbox.enabled")
@EnableConfigurationProperties(OutboxProperties.class)
public class OutboxAutoConfiguration {

    @Bean
    @ConditionalOnBean({DSLContext.class, JsonMapper.class})
    Outbox outbox(DSLContext db, JsonMapper json) {
        return new Outbox(db, json);
    }

    /** {@code stay.outbox.lag}: how long the oldest event not yet published has waited, 0 when none waits. */
    @Bean
    @ConditionalOnBean({DSLContext.class, MeterRegistry.class})
    OutboxLag outboxLag(DSLContext db, MeterRegistry meters) {
        return new OutboxLag(db, meters);
    }

    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(name = "org.springframework.kafka.core.ProducerFactory")
    @ConditionalOnBean(type = {"org.springframework.kafka.core.ProducerFactory",
            "org.springframework.transaction.PlatformTransactionManager"}, value = {DSLContext.class, JsonMapper.class})
    static class Relay {

        @Bean
        OutboxRelay outboxRelay(DSLContext db, PlatformTransactionManager transactions, ProducerFactory<?, ?> producers,
                JsonMapper json, OutboxProperties settings, ObjectProvider<OpenTelemetry> telemetry) {
            return new OutboxRelay(db, transactions, producers.getConfigurationProperties(), json, settings,
                    telemetry.getIfAvailable(OpenTelemetry::noop));
        }

        @Bean
        OutboxSchedule outboxSchedule(OutboxRelay relay, OutboxProperties settings) {
            return new OutboxSchedule(relay, settings);
        }
    }
}
