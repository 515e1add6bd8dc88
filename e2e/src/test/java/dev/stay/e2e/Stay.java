package dev.stay.e2e;

import dev.stay.devstack.launcher.Platform;
import dev.stay.devstack.launcher.PlatformOptions;

/**
 * The whole platform, as {@code ./platform up} runs it (engines, Keycloak, subgraphs, router), started once for
 * every end-to-end test class of this JVM on free ports and stopped when the JVM ends.
 */
final class Stay {

    /** Low enough for a test to reach, high enough that no other test does. */
    static final int MUTATIONS_PER_MINUTE = 20;

    private static Platform platform;

    private Stay() {}

    static synchronized Platform platform() {
        if (platform == null) {
            platform = Platform.builder().freePorts()
                    // stays complete and ended bookings move to the archive every two seconds, so a test sees both
                    .subgraphJvmOptions(java.util.stream.Stream.concat(
                            PlatformOptions.DEVELOPMENT_JVM_OPTIONS.stream(),
                            java.util.stream.Stream.of("-Dstay.booking.stay-end.complete-interval=PT2S",
                                    "-Dstay.archive.move-interval=PT2S")).toList())
                    .routerEnvironment(java.util.Map.of(
                            "STAY_RATE_LIMIT_MUTATIONS_PER_MINUTE", String.valueOf(MUTATIONS_PER_MINUTE),
                            // every test sends from 127.0.0.1, the fuzz test thousands of requests: the router's
                            // own tests prove the per-address and per-user read budgets
                            "STAY_RATE_LIMIT_ANONYMOUS_PER_MINUTE", "1000000",
                            "STAY_RATE_LIMIT_USER_PER_MINUTE", "1000000"))
                    .start();
            Runtime.getRuntime().addShutdownHook(new Thread(platform::close, "stay-e2e-stop"));
        }
        return platform;
    }

    static StayClient client() {
        return new StayClient(platform().routerUrl());
    }
}
