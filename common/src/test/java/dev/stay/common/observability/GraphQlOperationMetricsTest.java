package dev.stay.common.observability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class GraphQlOperationMetricsTest {

    final GraphQlOperationMetrics metrics = new GraphQlOperationMetrics(new SimpleMeterRegistry());

    @Test
    void namesAreTheirOwnLabelUntilTheBudgetIsSpentThenOther() {
        assertThat(metrics.operation("HotelPage")).isEqualTo("HotelPage");
        IntStream.range(0, GraphQlOperationMetrics.MAX_OPERATIONS * 2).forEach(i -> metrics.operation("Made" + i));
        assertThat(metrics.operation("HotelPage")).as("admitted before: still its own").isEqualTo("HotelPage");
        assertThat(metrics.operation("BrandNew")).isEqualTo("other");
    }

    @Test
    void whatIsNotAGraphQlNameIsOtherAndNoNameIsAnonymous() {
        assertThat(metrics.operation(null)).isEqualTo("anonymous");
        assertThat(metrics.operation("")).isEqualTo("anonymous");
        assertThat(metrics.operation("a b")).isEqualTo("other");
        assertThat(metrics.operation("x\"} 1\nfake_metric{")).isEqualTo("other");
        assertThat(metrics.operation("N".repeat(101))).isEqualTo("other");
        assertThat(metrics.operation("é")).isEqualTo("other");
    }

    @Test
    void theTraceViewersCollectorIsUnderItsBaseUrl() {
        assertThat(TracingAutoConfiguration.spansEndpoint("http://127.0.0.1:9411")).isEqualTo("http://127.0.0.1:9411/api/v2/spans");
        assertThat(TracingAutoConfiguration.spansEndpoint(" http://traces.internal/zipkin/ "))
                .isEqualTo("http://traces.internal/zipkin/api/v2/spans");
        assertThatThrownBy(() -> TracingAutoConfiguration.spansEndpoint("file:///etc/passwd")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> TracingAutoConfiguration.spansEndpoint("zipkin:9411")).isInstanceOf(IllegalArgumentException.class);
    }
}
