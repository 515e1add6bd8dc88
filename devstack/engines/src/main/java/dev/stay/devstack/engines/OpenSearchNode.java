package dev.stay.devstack.engines;

import dev.stay.devstack.process.Ports;
import org.codelibs.opensearch.runner.OpenSearchRunner;

import java.io.IOException;
import java.util.concurrent.CountDownLatch;

/**
 * Main class of the OpenSearch JVM: {@code OpenSearchNode <base dir> <http port> <transport port>} runs one node
 * of a single-node cluster until the JVM is asked to stop.
 */
public final class OpenSearchNode {

    private OpenSearchNode() {
    }

    public static void main(String[] args) throws InterruptedException {
        if (args.length != 3) {
            System.err.println("usage: OpenSearchNode <base dir> <http port> <transport port>");
            System.exit(2);
        }
        String baseDir = args[0];
        String httpPort = args[1];
        String transportPort = args[2];

        OpenSearchRunner runner = new OpenSearchRunner();
        runner.setMaxHttpPort(-1);
        runner.onBuild((number, settings) -> settings
                .put("network.host", Ports.HOST)
                .put("http.port", httpPort)
                .put("transport.port", transportPort)
                .put("discovery.type", "single-node")
                // a laptop's disk can be fuller than a server's: never turn indices read-only for that
                .put("cluster.routing.allocation.disk.threshold_enabled", false));
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try {
                runner.close();
            } catch (IOException e) {
                System.err.println("closing the node failed: " + e);
            }
            stopped.countDown();
        }, "opensearch-node-stop"));
        runner.build(OpenSearchRunner.newConfigs()
                .basePath(baseDir)
                .numOfNode(1)
                .clusterName("stay")
                .printOnFailure());
        stopped.await();
    }
}
