package dev.stay.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Where the platform under test is and how hard to load it, from system properties ({@code bench/run} passes
 * the ones its stack wrote to {@code target/stack.properties}).
 */
record BenchSettings(String routerUrl, String catalogUrl, String redisUrl, String signingSecret, List<String> hotelIds,
                     int users, int warmUpRequests, Path summary) {

    static BenchSettings fromSystemProperties() {
        return new BenchSettings(
                required("stay.bench.routerUrl"),
                required("stay.bench.catalogUrl"),
                required("stay.bench.redisUrl"),
                required("stay.bench.signingSecret"),
                hotelIds(Path.of(required("stay.bench.hotelIds"))),
                Integer.getInteger("stay.bench.users", 8),
                Integer.getInteger("stay.bench.warmUpRequests", 1000),
                Path.of(System.getProperty("stay.bench.summary", "target/bench-summary.md")));
    }

    private static String required(String name) {
        String value = System.getProperty(name);
        if (value == null || value.isBlank()) {
            throw new IllegalStateException("system property " + name + " is not set: run the benchmark with bench/run,"
                    + " which starts the platform and passes its endpoints");
        }
        return value;
    }

    /** One demo hotel id a line, as {@code BenchStack} found them published in the catalog. */
    private static List<String> hotelIds(Path file) {
        try {
            List<String> ids = Files.readAllLines(file).stream().map(String::strip).filter(line -> !line.isEmpty()).toList();
            if (ids.isEmpty()) {
                throw new IllegalStateException(file + " lists no hotel");
            }
            return ids;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the hotel ids from " + file, e);
        }
    }
}
