package dev.stay.common.observability;

import io.opentelemetry.exporter.zipkin.ZipkinSpanExporter;
import java.net.URI;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.context.annotation.Bean;
import org.springframework.core.env.Environment;

/**
 * Exports the spans of this process to the trace viewer at {@code stay.traces.url} (env {@code STAY_TRACES_URL}), in
 * Zipkin's format: the viewer of the devstack is Zipkin's server, which takes Zipkin's JSON and no OTLP. With no URL
 * nothing is exported and nothing waits on a collector; the spans are still made, so logs carry trace and span ids.
 * How much is sampled is Spring Boot's {@code management.tracing.sampling.probability} (env
 * {@code STAY_TRACE_SAMPLING}).
 */
@AutoConfiguration
@ConditionalOnClass(ZipkinSpanExporter.class)
public class TracingAutoConfiguration {

    @Bean(destroyMethod = "close")
    @ConditionalOnExpression("!'${stay.traces.url:}'.isBlank()")
    ZipkinSpanExporter zipkinSpanExporter(Environment environment) {
        return ZipkinSpanExporter.builder().setEndpoint(spansEndpoint(environment.getRequiredProperty("stay.traces.url"))).build();
    }

    /** Zipkin's collector endpoint under the viewer's base URL; refuses anything but an absolute http(s) URL. */
    static String spansEndpoint(String viewer) {
        URI base = URI.create(viewer.strip());
        if (base.getHost() == null || !("http".equals(base.getScheme()) || "https".equals(base.getScheme()))) {
            throw new IllegalArgumentException("stay.traces.url must be the trace viewer's http(s) URL, not " + viewer);
        }
        String path = base.getPath() == null ? "" : base.getPath().replaceAll("/+$", "");
        return base.resolve(path + "/api/v2/spans").toString();
    }
}
