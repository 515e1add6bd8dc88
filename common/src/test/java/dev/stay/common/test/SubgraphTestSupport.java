package dev.stay.common.test;

import java.util.concurrent.atomic.AtomicInteger;
import org.jooq.ExecuteContext;
import org.jooq.ExecuteListener;
import org.jooq.ExecuteListenerProvider;
import org.jooq.impl.DefaultExecuteListenerProvider;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.graphql.server.WebGraphQlHandler;
import org.springframework.graphql.test.tester.WebGraphQlTester;

/** What every subgraph's integration tests use: a GraphQL tester on the real schema and a SQL statement counter. */
@TestConfiguration(proxyBeanMethods = false)
public class SubgraphTestSupport {

    /** Through the same handler and interceptors as an HTTP request, without the HTTP. */
    @Bean
    WebGraphQlTester graphQlTester(WebGraphQlHandler handler) {
        return WebGraphQlTester.create(handler);
    }

    @Bean
    StatementCounter statementCounter() {
        return new StatementCounter();
    }

    @Bean
    ExecuteListenerProvider countingListener(StatementCounter counter) {
        return new DefaultExecuteListenerProvider(counter);
    }

    /**
     * Counts the SQL statements jOOQ runs, so tests can prove that a batch costs one query. Statements of Kafka
     * listeners and scheduled jobs are left out: consumers (booking's notifications, the feeds) handle the events of a
     * test's own setup while it counts, jobs (the outbox relay, sweepers, notifications waiting for a contact) run
     * when they are due, and neither's statements are the request's.
     */
    public static class StatementCounter implements ExecuteListener {

        private final AtomicInteger count = new AtomicInteger();

        @Override
        public void executeStart(ExecuteContext ctx) {
            if (!inAListenerOrJob()) {
                count.incrementAndGet();
            }
        }

        private static boolean inAListenerOrJob() {
            return StackWalker.getInstance().walk(frames -> frames
                    .anyMatch(f -> f.getClassName().startsWith("org.springframework.kafka.listener.")
                            || f.getClassName().startsWith("org.springframework.scheduling.")));
        }

        /** The statements since the last reset. */
        public int reset() {
            return count.getAndSet(0);
        }
    }
}
