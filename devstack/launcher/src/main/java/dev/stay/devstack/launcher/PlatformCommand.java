package dev.stay.devstack.launcher;

import dev.stay.devstack.engines.EnginePorts;
import dev.stay.devstack.process.Checkout;
import dev.stay.devstack.process.Ports;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;

/**
 * The command line of {@link Platform}: {@code up [--no-demo] [--scale small|seed]} runs Stay until Ctrl-C,
 * {@code reindex} rebuilds the search index of the Stay that runs, {@code help} explains.
 */
final class PlatformCommand {

    static final String USAGE = """
            Usage: ./platform <command>

              up [--no-demo] [--scale small|seed]
                               start Stay on this machine and keep it running until Ctrl-C:
                               PostgreSQL, Kafka, Redis, OpenSearch, Keycloak (http://localhost:8180,
                               realm stay) and the payment and notify provider stubs (embedded), the
                               catalog, booking and users subgraphs, and the router on
                               http://localhost:4000/graphql. Demo hotels with their room types and
                               owners are loaded unless --no-demo is given: 2,000 hotels in seconds, or
                               with --scale seed 500,000 hotels with 10,000,000 rooms, which takes
                               minutes (seed/README.md). The demo accounts and how to get their tokens
                               are printed once Stay is up.
              reindex          rebuild the catalog's search index from its database while Stay is up
                               (./platform up in another terminal): a new index is filled, with a
                               progress bar and its rate, then the alias moves to it; searches go on
                               answering meanwhile. ./platform up indexes the demo data itself.
              help             show this text

            Engines given by environment variables are used instead of embedded ones:
              STAY_DB_URL_BASE (+ STAY_DB_USER, STAY_DB_PASSWORD), STAY_KAFKA_BOOTSTRAP, STAY_REDIS_URL,
              STAY_OPENSEARCH_URL, STAY_PAYMENT_URL, STAY_NOTIFY_URL, STAY_OIDC_ISSUER (a Keycloak realm
              with Stay's clients and roles), STAY_TRACES_URL (a Zipkin server: the trace viewer)
            Logs (JSON lines): .platform/up/logs/. More in devstack/README.md.
            """;

    private PlatformCommand() {
    }

    static int run(String[] args) {
        if (System.getProperty("logback.configurationFile") == null) {
            System.setProperty("logback.configurationFile", "dev/stay/devstack/launcher/launcher-logback.xml");
        }
        List<String> arguments = new ArrayList<>(List.of(args));
        String command = arguments.isEmpty() ? "help" : arguments.removeFirst();
        switch (command) {
            case "up":
                return up(arguments);
            case "reindex":
                if (!arguments.isEmpty()) {
                    System.err.print("reindex takes no options\n\n" + USAGE);
                    return 2;
                }
                return SearchReindex.command(Checkout.root(Path.of("").toAbsolutePath()).resolve(".platform").resolve("up"));
            case "help", "--help", "-h":
                System.out.print(USAGE);
                return 0;
            default:
                System.err.print("unknown command '" + command + "'\n\n" + USAGE);
                return 2;
        }
    }

    private static int up(List<String> arguments) {
        boolean demoData = true;
        DemoScale scale = DemoScale.SMALL;
        for (int i = 0; i < arguments.size(); i++) {
            String argument = arguments.get(i);
            if (argument.equals("--no-demo")) {
                demoData = false;
            } else if (argument.equals("--scale") && i + 1 < arguments.size()) {
                try {
                    scale = DemoScale.of(arguments.get(++i));
                } catch (IllegalArgumentException e) {
                    System.err.print(e.getMessage() + "\n\n" + USAGE);
                    return 2;
                }
            } else {
                System.err.print("unknown option '" + argument + "'\n\n" + USAGE);
                return 2;
            }
        }
        for (int port : List.of(4000, 4001, 4002, 4003)) {
            if (Ports.isOpen(port)) {
                System.err.println("port " + port + " is in use: is Stay already up? Stop it (Ctrl-C) or free the port.");
                return 1;
            }
        }
        Path repoRoot = Checkout.root(Path.of("").toAbsolutePath());
        Platform platform = Platform.builder()
                .repoRoot(repoRoot)
                .workDir(repoRoot.resolve(".platform").resolve("up"))
                .demoData(demoData)
                .demoScale(scale)
                .enginePorts(EnginePorts.DEVELOPMENT.orFreeIfTaken())
                .routerProfile("local")
                .create();
        // registered before anything starts, so Ctrl-C during the start stops what has started so far
        Runtime.getRuntime().addShutdownHook(new Thread(platform::close, "platform-stop"));
        try {
            platform.startAll();
        } catch (RuntimeException e) {
            return 1;
        }
        platform.reportUnexpectedExits();
        System.out.println("Ctrl-C stops everything.");
        try {
            new CountDownLatch(1).await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return 0;
    }
}
