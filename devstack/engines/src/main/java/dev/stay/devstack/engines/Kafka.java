package dev.stay.devstack.engines;

import dev.stay.devstack.process.ChildJvm;
import dev.stay.devstack.process.ChildProcess;
import dev.stay.devstack.process.Ports;
import dev.stay.devstack.process.WorkDir;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.common.Uuid;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * A single-node Kafka (KRaft, broker and controller in one process) from the {@code kafka_2.13} jars, in a JVM of
 * its own so that a test can stop and start it like a real broker going away. Its ports are chosen once: after
 * {@link #restart()} clients find it at the same address and reconnect.
 */
public final class Kafka extends Engine<Engine.ChildRun> {

    private static final Duration READY_TIMEOUT = Duration.ofSeconds(90);
    private static final Duration STOP_GRACE = Duration.ofSeconds(30);
    private static final List<String> JVM_OPTIONS = List.of("-Xms128m", "-Xmx512m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1");

    private final Path dir;
    private final int port;
    private final int controllerPort;
    private final String bootstrapServers;

    private Kafka(Path dir, int port, int controllerPort, String bootstrapServers) {
        super("kafka", dir == null);
        this.dir = dir;
        this.port = port;
        this.controllerPort = controllerPort;
        this.bootstrapServers = bootstrapServers;
    }

    /** @param port the client port, 0 for any free port */
    public static Kafka embedded(Path dir, int port) {
        int chosen = Ports.resolve(port);
        return new Kafka(dir, chosen, Ports.free(), Ports.HOST + ":" + chosen);
    }

    public static Kafka external(String bootstrapServers) {
        return new Kafka(null, 0, 0, bootstrapServers);
    }

    /** The log dir is formatted once: a restart finds the same cluster, topics and offsets. */
    @Override
    void prepare() {
        WorkDir.deleteRecursively(dir);
        WorkDir.write(serverProperties(), serverPropertiesContent());
        format();
    }

    @Override
    ChildRun launch() {
        ChildProcess broker = ChildProcess.start("kafka", ChildJvm.command(dir.resolve("java.args"), JVM_OPTIONS, "kafka.Kafka",
                List.of(serverProperties().toString())), Map.of(), dir, dir.resolve("kafka.log"));
        return new ChildRun(broker, null, STOP_GRACE); // its JVM watches this one (ParentWatch)
    }

    @Override
    String readyLine() {
        return "kafka ready on " + bootstrapServers;
    }

    /** Formats the log dir as a standalone controller quorum of one, as {@code kafka-storage.sh format --standalone} does. */
    private void format() {
        ChildProcess storageTool = ChildProcess.start("kafka-storage format", ChildJvm.command(dir.resolve("java.args"),
                        List.of("-Xmx256m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1"), "kafka.tools.StorageTool",
                        List.of("format", "--standalone", "--ignore-formatted",
                                "--cluster-id", Uuid.randomUuid().toString(),
                                "--config", serverProperties().toString())),
                Map.of(), dir, dir.resolve("format.log"));
        int exit = storageTool.awaitExit(READY_TIMEOUT);
        if (exit != 0) {
            throw new IllegalStateException("formatting the Kafka log dir failed (exit " + exit + "):\n" + storageTool.tail(40));
        }
    }

    /** Ready means a client gets the cluster's description from the broker, not merely that the port accepts. */
    @Override
    void ready(ChildRun launched) {
        ChildProcess broker = launched.process();
        // a client that finds no listener yet logs every retry: wait for the port first, quietly
        broker.awaitReady("kafka port " + port, READY_TIMEOUT, () -> Ports.isOpen(port) ? Optional.of(port) : Optional.empty());
        Map<String, Object> config = Map.of(
                AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 2_000,
                AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 3_000,
                AdminClientConfig.RECONNECT_BACKOFF_MAX_MS_CONFIG, 500);
        try (Admin admin = Admin.create(config)) {
            broker.awaitReady("kafka on " + bootstrapServers, READY_TIMEOUT, () -> {
                try {
                    return Optional.of(admin.describeCluster().nodes().get(3, TimeUnit.SECONDS))
                            .filter(nodes -> !nodes.isEmpty());
                } catch (Exception e) {
                    if (e instanceof InterruptedException) {
                        Thread.currentThread().interrupt();
                    }
                    return Optional.empty();
                }
            });
        }
    }

    /** Stops the broker and starts it again on the same ports with the same data. */
    public void restart() {
        stop();
        start();
    }

    public String bootstrapServers() {
        return bootstrapServers;
    }

    private Path serverProperties() {
        return dir.resolve("server.properties");
    }

    private String serverPropertiesContent() {
        return """
                # single node: broker and controller in one process, everything on loopback
                process.roles=broker,controller
                node.id=1
                listeners=PLAINTEXT://%1$s:%2$d,CONTROLLER://%1$s:%3$d
                advertised.listeners=PLAINTEXT://%1$s:%2$d
                listener.security.protocol.map=PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT
                controller.listener.names=CONTROLLER
                inter.broker.listener.name=PLAINTEXT
                controller.quorum.bootstrap.servers=%1$s:%3$d
                log.dirs=%4$s

                # one replica of everything; topics appear when first used
                auto.create.topics.enable=true
                num.partitions=1
                default.replication.factor=1
                min.insync.replicas=1
                offsets.topic.replication.factor=1
                offsets.topic.num.partitions=5
                transaction.state.log.replication.factor=1
                transaction.state.log.min.isr=1
                transaction.state.log.num.partitions=5
                share.coordinator.state.topic.replication.factor=1
                share.coordinator.state.topic.min.isr=1
                group.initial.rebalance.delay.ms=0

                # small and light: a developer machine, not a cluster
                log.segment.bytes=4194304
                log.retention.hours=24
                log.cleaner.dedupe.buffer.size=8388608
                num.network.threads=2
                num.io.threads=2
                num.recovery.threads.per.data.dir=1
                background.threads=2
                """.formatted(Ports.HOST, port, controllerPort, dir.resolve("data"));
    }
}
