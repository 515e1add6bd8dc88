package dev.stay.catalog.property;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.stay.common.test.SubgraphTest;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.jooq.DSLContext;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.graphql.test.tester.WebGraphQlTester;

/**
 * What the catalog tells Prometheus: the page cache's hits and misses, each GraphQL operation's latency by name, and
 * errors by code; names a client makes up cannot grow the metrics without end.
 */
@SubgraphTest
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ObservabilityIT {

    @Autowired WebGraphQlTester graphQl;
    @Autowired DSLContext db;
    @Autowired MeterRegistry meters;
    @Autowired MissedInvalidations missed;

    @Test
    void aPageReadTwiceIsAMissThenAHit() {
        await().atMost(Duration.ofSeconds(5)).until(() -> missed.now() > missed.distrustLoadedBefore());
        UUID id = new Fixtures(db).aPublishedHotelInLisbon().id();
        double hits = cacheGets("hit");
        double misses = cacheGets("miss");

        hotelName("FirstRead", id);
        assertThat(cacheGets("miss") - misses).isEqualTo(1);
        hotelName("SecondRead", id);
        assertThat(cacheGets("hit") - hits).isEqualTo(1);
    }

    @Test
    void eachOperationIsTimedByNameAndItsErrorsCountedByCode() {
        UUID id = new Fixtures(db).aPublishedHotelInLisbon().id();
        hotelName("HotelForMetrics", id);
        Timer timer = meters.get("stay.graphql.operation").tags("operation", "HotelForMetrics", "outcome", "ok").timer();
        assertThat(timer.count()).isEqualTo(1);
        assertThat(timer.totalTime(TimeUnit.NANOSECONDS)).isPositive();

        double before = errors("BrokenHotel", "BAD_USER_INPUT") + errors("BrokenHotel", "ValidationError");
        graphQl.document("query BrokenHotel { hotel(id: \"not-a-uuid\") { name } }").operationName("BrokenHotel").execute()
                .errors().satisfy(errors -> assertThat(errors).isNotEmpty());
        assertThat(errors("BrokenHotel", "BAD_USER_INPUT") + errors("BrokenHotel", "ValidationError")).isGreaterThan(before);
        assertThat(meters.get("stay.graphql.operation").tags("operation", "BrokenHotel", "outcome", "error").timer().count())
                .isEqualTo(1);
    }

    @Test
    void theBookingFeedsConsumerLagAndTheOutboxLagAreMetered() {
        // Spring Kafka's Micrometer listener: the consumer's own lag metrics, once it has fetched
        await().atMost(Duration.ofSeconds(30)).until(() -> !meters.find("kafka.consumer.fetch.manager.records.lag.max")
                .meters().isEmpty());
        assertThat(meters.get("stay.outbox.lag").gauge().value()).isGreaterThanOrEqualTo(0);
    }

    /** Last: it spends the process's budget of operation names, after which new names all count as other. */
    @Test
    @Order(Integer.MAX_VALUE)
    void madeUpOperationNamesCannotGrowTheMetricsWithoutEnd() {
        UUID id = new Fixtures(db).aPublishedHotelInLisbon().id();
        for (int i = 0; i < 250; i++) {
            hotelName("Invented" + UUID.randomUUID().toString().replace("-", ""), id);
        }
        Set<String> names = meters.find("stay.graphql.operation").timers().stream()
                .map(timer -> timer.getId().getTag("operation")).collect(Collectors.toSet());
        assertThat(names).hasSizeLessThanOrEqualTo(200 + 2).contains("other");
    }

    private void hotelName(String operation, UUID id) {
        graphQl.document("query " + operation + " { hotel(id: \"" + id + "\") { name } }").operationName(operation).execute()
                .path("hotel.name").entity(String.class).isEqualTo("Casa do Rio");
    }

    private double cacheGets(String result) {
        Counter counter = meters.find("stay.cache.gets").tags("cache", "hotel", "result", result).counter();
        return counter == null ? 0 : counter.count();
    }

    private double errors(String operation, String code) {
        Counter counter = meters.find("stay.graphql.errors").tags("operation", operation, "code", code).counter();
        return counter == null ? 0 : counter.count();
    }
}
