package dev.stay.devstack.engines;

import dev.stay.devstack.process.Ports;
import dev.stay.devstack.process.Wait;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import redis.clients.jedis.Jedis;
import redis.clients.jedis.exceptions.JedisConnectionException;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Each engine of the devstack is the real thing: it stores, answers and survives what the platform's tests do to it. */
class EnginesIT {

    private static final Duration ROUND_TRIP_TIMEOUT = Duration.ofSeconds(30);

    private static final HttpClient http = HttpClient.newHttpClient();
    private static Engines engines;

    @BeforeAll
    static void startEngines() {
        engines = Engines.shared();
    }

    @Test
    void eachSubgraphHasItsOwnDatabaseOwnedByTheStayRole() throws Exception {
        for (String database : Postgres.DATABASES) {
            Map<String, String> env = engines.environmentFor(database);
            try (Connection connection = DriverManager.getConnection(env.get("STAY_DB_URL"), env.get("STAY_DB_USER"), env.get("STAY_DB_PASSWORD"));
                 Statement statement = connection.createStatement()) {
                statement.execute("CREATE TABLE round_trip (id int PRIMARY KEY, note text NOT NULL)");
                statement.execute("INSERT INTO round_trip VALUES (1, 'stored in " + database + "')");
                try (ResultSet row = statement.executeQuery("SELECT note, current_user, current_database() FROM round_trip")) {
                    assertThat(row.next()).isTrue();
                    assertThat(row.getString(1)).isEqualTo("stored in " + database);
                    assertThat(row.getString(2)).isEqualTo("stay");
                    assertThat(row.getString(3)).isEqualTo(database);
                }
                statement.execute("DROP TABLE round_trip");
            }
        }
    }

    @Test
    void kafkaDeliversARecordAndDeliversAgainAfterTheBrokerRestartsOnTheSamePort() {
        String topic = "devstack.round-trip." + UUID.randomUUID();
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(producerConfig());
             KafkaConsumer<String, String> consumer = new KafkaConsumer<>(consumerConfig())) {
            consumer.subscribe(List.of(topic));

            producer.send(new ProducerRecord<>(topic, "hotel-1", "before restart"));
            producer.flush();
            assertThat(nextValue(consumer)).isEqualTo("before restart");

            String bootstrap = engines.kafka().bootstrapServers();
            int port = Integer.parseInt(bootstrap.substring(bootstrap.lastIndexOf(':') + 1));
            engines.kafka().stop();
            assertThat(Ports.isOpen(port)).as("broker port after stop").isFalse();
            engines.kafka().start();
            assertThat(engines.kafka().bootstrapServers()).isEqualTo(bootstrap);

            producer.send(new ProducerRecord<>(topic, "hotel-1", "after restart"));
            producer.flush();
            assertThat(nextValue(consumer)).isEqualTo("after restart");
        }
    }

    private static String nextValue(KafkaConsumer<String, String> consumer) {
        return Wait.until("a record", ROUND_TRIP_TIMEOUT, () -> {
            for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(500))) {
                return Optional.of(record.value());
            }
            return Optional.empty();
        }, () -> { });
    }

    private static Map<String, Object> producerConfig() {
        return Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, engines.kafka().bootstrapServers(),
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class,
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class,
                ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 60_000,
                ProducerConfig.RECONNECT_BACKOFF_MAX_MS_CONFIG, 500);
    }

    private static Map<String, Object> consumerConfig() {
        return Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, engines.kafka().bootstrapServers(),
                ConsumerConfig.GROUP_ID_CONFIG, "devstack-it-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class,
                ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class,
                ConsumerConfig.RECONNECT_BACKOFF_MAX_MS_CONFIG, 500);
    }

    @Test
    void redisStoresRefusesConnectionsWhileStoppedAndServesAgainAfterStart() {
        Redis redis = engines.redis();
        try (Jedis jedis = new Jedis(redis.host(), redis.port())) {
            jedis.set("devstack:greeting", "hello");
            assertThat(jedis.get("devstack:greeting")).isEqualTo("hello");
        }

        redis.stop();
        assertThatThrownBy(() -> {
            try (Jedis jedis = new Jedis(redis.host(), redis.port())) {
                jedis.ping();
            }
        }).isInstanceOf(JedisConnectionException.class);

        redis.start();
        try (Jedis jedis = new Jedis(redis.host(), redis.port())) {
            assertThat(jedis.get("devstack:greeting")).as("a cache starts empty").isNull();
            jedis.set("devstack:greeting", "hello again");
            assertThat(jedis.get("devstack:greeting")).isEqualTo("hello again");
        }
    }

    @Test
    void openSearchFindsAnIndexedHotel() throws Exception {
        String index = "hotels-" + UUID.randomUUID();
        HttpResponse<String> indexed = send(HttpRequest.newBuilder(URI.create(engines.openSearch().url() + "/" + index + "/_doc/1?refresh=true"))
                .header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString("{\"name\":\"Seaside Inn\",\"city\":\"Lisbon\",\"stars\":4}")));
        assertThat(indexed.statusCode()).isEqualTo(201);

        HttpResponse<String> found = send(HttpRequest.newBuilder(URI.create(engines.openSearch().url() + "/" + index + "/_search"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"query\":{\"match\":{\"city\":\"lisbon\"}}}")));
        assertThat(found.statusCode()).isEqualTo(200);
        assertThat(found.body()).contains("\"total\":{\"value\":1").contains("Seaside Inn");
    }

    @Test
    void paymentStubChargesAGoodCardAndDeclinesTheDeclinedToken() throws Exception {
        HttpResponse<String> charged = charge("tok_ok", "booking-1");
        assertThat(charged.statusCode()).isEqualTo(201);
        assertThat(charged.body()).contains("\"id\":\"ch_booking-1\"").contains("\"status\":\"succeeded\"")
                .contains("\"amount\":\"240.00\"").contains("\"currency\":\"EUR\"");

        HttpResponse<String> declined = charge("tok_decline", "booking-2");
        assertThat(declined.statusCode()).isEqualTo(201);
        assertThat(declined.body()).contains("\"status\":\"declined\"");

        assertThat(send(HttpRequest.newBuilder(URI.create(engines.payment().url() + "/v1/charges?idempotencyKey=booking-1")).GET())
                .statusCode()).as("a lookup finds nothing unless a test stubs it").isEqualTo(404);
        assertThat(charge("tok_5xx", "booking-3").statusCode()).isEqualTo(503);
        assertThatThrownBy(() -> charge("tok_reset", "booking-4")).hasCauseInstanceOf(java.io.IOException.class);
    }

    @Test
    void paymentStubRefusesAChargeWithoutIdempotencyKey() throws Exception {
        HttpResponse<String> refused = send(HttpRequest.newBuilder(URI.create(engines.payment().url() + "/v1/charges"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"token\":\"tok_ok\",\"amount\":\"1.00\",\"currency\":\"EUR\"}")));
        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(refused.body()).contains("idempotency_key_required");
    }

    @Test
    void notifyStubSendsEachIdempotencyKeyOnceAndFailsForAnUnavailableRecipient() throws Exception {
        String key = "evt-" + System.nanoTime() + ":EMAIL";
        String email = "{\"channel\":\"email\",\"to\":\"guest@example.com\",\"subject\":\"Confirmed\",\"body\":\"See you\"}";
        HttpResponse<String> first = notify(key, email);
        HttpResponse<String> replay = notify(key, email);
        assertThat(first.statusCode()).isEqualTo(201);
        assertThat(first.body()).contains("\"id\":\"msg_" + key + "\"");
        assertThat(replay.statusCode()).isEqualTo(200);
        assertThat(replay.headers().firstValue("Idempotent-Replayed")).contains("true");
        assertThat(replay.body()).isEqualTo(first.body());
        assertThat(notify("evt-" + System.nanoTime() + ":SMS",
                "{\"channel\":\"sms\",\"to\":\"+351910000000\",\"body\":\"Confirmed\"}").statusCode()).isEqualTo(201);
        HttpResponse<String> unavailable = notify("evt-" + System.nanoTime() + ":EMAIL",
                "{\"channel\":\"email\",\"to\":\"guest@unavailable.example\",\"subject\":\"s\",\"body\":\"b\"}");
        assertThat(unavailable.statusCode()).isEqualTo(503);
        assertThat(unavailable.headers().firstValue("Retry-After")).contains("1");
        assertThat(notify(null, email).statusCode()).as("no Idempotency-Key").isEqualTo(400);
    }

    @Test
    void subgraphEnvironmentPointsAtItsOwnDatabaseAndTheSharedEngines() {
        // started when first asked for, by this test or another of the class: named from then on
        engines.openSearch();
        engines.payment();
        engines.notifications();
        Map<String, String> booking = engines.environmentFor("booking");
        assertThat(booking).containsKeys("STAY_DB_URL", "STAY_DB_USER", "STAY_DB_PASSWORD", "STAY_KAFKA_BOOTSTRAP",
                "STAY_REDIS_URL", "STAY_OPENSEARCH_URL", "STAY_PAYMENT_URL", "STAY_NOTIFY_URL", "STAY_ROUTER_SIGNING_SECRET");
        // and the identity provider's, once a test of this JVM has started Keycloak (KeycloakIT), and the trace
        // viewer's once one has started it
        assertThat(booking.keySet()).isSubsetOf("STAY_DB_URL", "STAY_DB_USER", "STAY_DB_PASSWORD", "STAY_KAFKA_BOOTSTRAP",
                "STAY_REDIS_URL", "STAY_OPENSEARCH_URL", "STAY_PAYMENT_URL", "STAY_NOTIFY_URL", "STAY_ROUTER_SIGNING_SECRET",
                "STAY_OIDC_ISSUER", "STAY_OIDC_JWKS_URL", "STAY_API_AUDIENCE", "STAY_TRACES_URL");
        assertThat(booking.get("STAY_ROUTER_SIGNING_SECRET")).hasSizeGreaterThanOrEqualTo(32)
                .isEqualTo(engines.environmentFor("users").get("STAY_ROUTER_SIGNING_SECRET"));
        assertThat(booking.get("STAY_DB_URL")).startsWith("jdbc:postgresql://127.0.0.1:").endsWith("/booking");
        assertThat(booking.get("STAY_REDIS_URL")).startsWith("redis://127.0.0.1:");
        assertThat(engines.environmentFor("users").get("STAY_DB_URL")).endsWith("/users");
        assertThatThrownBy(() -> engines.environmentFor("billing")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void traceViewerKeepsAnsweringWhenSentHalfAsManySpansAgainAsItKeeps() throws Exception {
        String viewer = engines.traceViewer().url();
        String statement = "select " + "b.id, b.status, b.check_in, b.check_out, ".repeat(60) + "from booking b where b.id = ?";
        int spansPerTrace = 50;
        int traces = TraceViewer.KEPT_SPANS * 3 / 2 / spansPerTrace;
        long start = System.currentTimeMillis() * 1000;
        String firstTrace = null;
        String lastTrace = null;
        for (int trace = 0; trace < traces; trace++) {
            String traceId = "%016x%016x".formatted(start, trace);
            StringBuilder spans = new StringBuilder("[");
            for (int span = 0; span < spansPerTrace; span++) {
                spans.append(span == 0 ? "" : ",").append("""
                        {"traceId":"%s","id":"%016x","name":"select","kind":"CLIENT","timestamp":%d,"duration":150,                        "localEndpoint":{"serviceName":"flood"},"tags":{"jdbc.query[0]":"%s"}}""".formatted(
                        traceId, trace * 1000L + span + 1, start + trace * 1000L + span, statement));
            }
            HttpResponse<String> accepted = send(HttpRequest.newBuilder(URI.create(viewer + "/api/v2/spans"))
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(spans.append("]").toString())));
            assertThat(accepted.statusCode()).as("spans of trace %d accepted", trace).isEqualTo(202);
            firstTrace = firstTrace == null ? traceId : firstTrace;
            lastTrace = traceId;
        }

        HttpResponse<String> last = send(HttpRequest.newBuilder(URI.create(viewer + "/api/v2/trace/" + lastTrace)));
        assertThat(last.statusCode()).isEqualTo(200);
        assertThat(last.body().split("\"localEndpoint\"", -1)).as("the newest trace, whole").hasSize(spansPerTrace + 1);
        assertThat(send(HttpRequest.newBuilder(URI.create(viewer + "/api/v2/trace/" + firstTrace))).statusCode())
                .as("the oldest trace was dropped to stay within the bound").isEqualTo(404);
        assertThat(send(HttpRequest.newBuilder(URI.create(viewer + "/health"))).body()).contains("UP");
    }

    private static HttpResponse<String> charge(String token, String idempotencyKey) throws Exception {
        return send(HttpRequest.newBuilder(URI.create(engines.payment().url() + "/v1/charges"))
                .header("Content-Type", "application/json")
                .header("Idempotency-Key", idempotencyKey)
                .POST(HttpRequest.BodyPublishers.ofString(
                        "{\"token\":\"" + token + "\",\"amount\":\"240.00\",\"currency\":\"EUR\",\"reference\":\"" + idempotencyKey + "\"}")));
    }

    private static HttpResponse<String> notify(String idempotencyKey, String body) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(engines.notifications().url() + "/v1/messages"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body));
        if (idempotencyKey != null) {
            request.header("Idempotency-Key", idempotencyKey);
        }
        return send(request);
    }

    private static HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
        return http.sendAsync(request.timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString())
                .get(15, TimeUnit.SECONDS);
    }
}
