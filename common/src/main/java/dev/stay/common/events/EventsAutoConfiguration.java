package dev.stay.common.events;

import java.time.Clock;
import org.jooq.DSLContext;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.core.KafkaOperations;
import org.springframework.kafka.listener.CommonErrorHandler;
import tools.jackson.databind.json.JsonMapper;

/**
 * What every consuming subgraph gets, configured once: the {@link EventReader}, the listeners' error handling
 * ({@link ConsumerErrors}: back-off, then {@code <topic>.DLT}; Spring Boot hands the one {@link CommonErrorHandler}
 * to its listener container factory), and with {@code stay.events.enabled: true} the {@link AppliedEvents} helper and
 * its pruning.
 */
@AutoConfiguration(afterName = {
        "org.springframework.boot.jooq.autoconfigure.JooqAutoConfiguration",
        "org.springframework.boot.jackson.autoconfigure.JacksonAutoConfiguration",
        "org.springframework.boot.kafka.autoconfigure.KafkaAutoConfiguration"})
@ConditionalOnClass(name = "org.springframework.kafka.core.KafkaOperations")
@EnableConfigurationProperties(EventsProperties.class)
public class EventsAutoConfiguration {

    @Bean
    @ConditionalOnBean(JsonMapper.class)
    EventReader eventReader(JsonMapper json) {
        return new EventReader(json);
    }

    @Bean
    @ConditionalOnBean(KafkaOperations.class)
    @ConditionalOnMissingBean(CommonErrorHandler.class)
    CommonErrorHandler stayConsumerErrors(KafkaOperations<?, ?> template, EventsProperties settings) {
        return ConsumerErrors.handler(template, settings.retry());
    }

    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(DSLContext.class)
    @ConditionalOnBean(DSLContext.class)
    @ConditionalOnBooleanProperty("stay.events.enabled")
    static class Applied {

        @Bean
        AppliedEvents appliedEvents(DSLContext db) {
            return new AppliedEvents(db);
        }

        @Bean
        AppliedEventsPruning appliedEventsPruning(AppliedEvents applied, EventsProperties settings,
                ObjectProvider<Clock> clock) {
            return new AppliedEventsPruning(applied, settings, clock.getIfAvailable(Clock::systemUTC));
        }
    }
}
