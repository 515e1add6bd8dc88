package dev.stay.common.observability;

import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.context.annotation.Bean;
import org.springframework.graphql.server.WebGraphQlInterceptor;

/** The GraphQL metrics of {@link GraphQlOperationMetrics}, in every subgraph that has a meter registry. */
@AutoConfiguration(afterName = "org.springframework.boot.micrometer.metrics.autoconfigure.CompositeMeterRegistryAutoConfiguration")
@ConditionalOnClass({MeterRegistry.class, WebGraphQlInterceptor.class})
public class MetricsAutoConfiguration {

    @Bean
    @ConditionalOnBean(MeterRegistry.class)
    WebGraphQlInterceptor graphQlOperationMetrics(MeterRegistry meters) {
        return new GraphQlOperationMetrics(meters);
    }
}
