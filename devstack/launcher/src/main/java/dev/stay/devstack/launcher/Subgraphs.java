package dev.stay.devstack.launcher;

import dev.stay.devstack.engines.Engines;
import dev.stay.devstack.process.ChildJvm;
import dev.stay.devstack.process.Parallel;
import dev.stay.devstack.process.Ports;
import dev.stay.devstack.process.Progress;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Stream;

/**
 * The catalog, booking and users subgraphs, each {@code java -jar subgraph-<name>/target/subgraph-<name>-*-exec.jar}
 * with the engines' environment and its port; up when {@code /readyz} says UP.
 */
final class Subgraphs {

    /** Written while starting, read by a stop that may come at the same time (Ctrl-C during the start). */
    private final List<Service> services = new CopyOnWriteArrayList<>();
    private final Map<String, Integer> managementPorts = new java.util.concurrent.ConcurrentHashMap<>();

    /** All three at once: each start is mostly its own JVM's work, and each is waited for on its own. */
    void start(PlatformOptions options, Engines engines, Path logs) {
        long started = System.nanoTime();
        Map<String, Integer> ports = new HashMap<>();
        for (String subgraph : Engines.SUBGRAPHS) {
            int port = Ports.resolve(options.subgraphPorts().get(subgraph));
            ports.put(subgraph, port);
            Map<String, String> env = new HashMap<>(engines.environmentFor(subgraph));
            env.put("SERVER_PORT", Integer.toString(port));
            int managementPort = Ports.free();
            managementPorts.put(subgraph, managementPort);
            env.put("STAY_MANAGEMENT_PORT", Integer.toString(managementPort)); // Prometheus, loopback only
            // the platform on this machine: the repository's development values are allowed unless told otherwise
            env.putIfAbsent("STAY_PROFILE", System.getenv().getOrDefault("STAY_PROFILE", "local"));
            List<String> command = new ArrayList<>();
            command.add(ChildJvm.javaExecutable());
            command.addAll(options.subgraphJvmOptions());
            command.add("-jar");
            command.add(jar(options.repoRoot(), subgraph).toString());
            services.add(Service.start(subgraph, "http://" + Ports.HOST + ":" + port + "/graphql", command, env,
                    options.repoRoot(), logs.resolve(subgraph + ".log")));
        }
        List<RuntimeException> failures = Parallel.each(services, service -> "platform-wait-" + service.name(), service -> {
            service.awaitHealthy("http://" + Ports.HOST + ":" + ports.get(service.name()) + "/readyz",
                    "\"UP\"", options.startTimeout());
            Progress.done("platform", service.name() + " up on " + service.url(), started);
        });
        if (!failures.isEmpty()) {
            throw new IllegalStateException("subgraphs did not come up:\n"
                    + String.join("\n\n", failures.stream().map(Throwable::getMessage).toList()));
        }
    }

    List<Service> services() {
        return services;
    }

    String url(String subgraph) {
        return services.stream().filter(service -> service.name().equals(subgraph)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("unknown subgraph " + subgraph)).url();
    }

    /** {@code http://127.0.0.1:PORT}: the subgraph's actuator (health, Prometheus, the catalog's search index). */
    String managementUrl(String subgraph) {
        return "http://" + Ports.HOST + ":" + managementPorts.get(subgraph);
    }

    void stop() {
        Parallel.each(services, service -> "platform-stop-" + service.name(), Service::stop);
    }

    /** The newest {@code subgraph-<name>/target/subgraph-<name>-<version>-exec.jar}, if any was built. */
    static Path jar(Path repoRoot, String subgraph) {
        Path target = repoRoot.resolve("subgraph-" + subgraph).resolve("target");
        String prefix = "subgraph-" + subgraph + "-";
        Path missing = target.resolve(prefix + "<version>-exec.jar");
        if (!Files.isDirectory(target)) {
            return missing;
        }
        try (Stream<Path> files = Files.list(target)) {
            return files.filter(file -> file.getFileName().toString().startsWith(prefix) && file.toString().endsWith("-exec.jar"))
                    .max(Comparator.comparingLong(file -> file.toFile().lastModified()))
                    .orElse(missing);
        } catch (IOException e) {
            return missing;
        }
    }
}
