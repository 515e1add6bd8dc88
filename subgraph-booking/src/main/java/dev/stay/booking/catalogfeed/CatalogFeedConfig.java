package dev.stay.booking.catalogfeed;

import org.springframework.boot.kafka.autoconfigure.ConcurrentKafkaListenerContainerFactoryConfigurer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.kafka.config.ConcurrentKafkaListenerContainerFactory;
import org.springframework.kafka.core.ConsumerFactory;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.util.backoff.ExponentialBackOff;
import tools.jackson.core.JacksonException;

@Configuration(proxyBeanMethods = false)
class CatalogFeedConfig {

    static final String LISTENER_FACTORY = "catalogFeedListenerFactory";

    /**
     * Kafka's default would give up on an event after ten quick tries and move on, losing it. Here an event that fails
     * is tried again, backing off up to 10 s, for as long as it takes (the database is away: the feed waits). Only an
     * event that can never apply (unreadable, or against a constraint) is logged and skipped, so it does not hold up
     * every property behind it.
     */
    @Bean(LISTENER_FACTORY)
    ConcurrentKafkaListenerContainerFactory<Object, Object> catalogFeedListenerFactory(
            ConcurrentKafkaListenerContainerFactoryConfigurer configurer, ConsumerFactory<Object, Object> consumers) {
        ConcurrentKafkaListenerContainerFactory<Object, Object> factory = new ConcurrentKafkaListenerContainerFactory<>();
        configurer.configure(factory, consumers);
        ExponentialBackOff backOff = new ExponentialBackOff(200, 2);
        backOff.setMaxInterval(10_000);
        DefaultErrorHandler errors = new DefaultErrorHandler(backOff);
        errors.addNotRetryableExceptions(JacksonException.class, DataIntegrityViolationException.class);
        factory.setCommonErrorHandler(errors);
        return factory;
    }
}
