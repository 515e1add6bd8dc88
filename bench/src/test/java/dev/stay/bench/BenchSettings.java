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
                     int users, int warmUpRequests, Path summary, Booking booking) {

    /**
     * What {@code CreateBookingSimulation} needs on top: where guests sign in, the booking database (the JDBC floor),
     * how long each phase runs and how many clients share the hot room.
     */
    record Booking(String tokenUrl, List<String> guests, String guestPassword, String jdbcUrl, String dbUser,
                   String dbPassword, int warmUpSeconds, int phaseSeconds, int hotUsers, int hotRooms) {}

    static BenchSettings fromSystemProperties() {
        return new BenchSettings(
                required("stay.bench.routerUrl"),
                required("stay.bench.catalogUrl"),
                required("stay.bench.redisUrl"),
                required("stay.bench.signingSecret"),
                lines(Path.of(required("stay.bench.hotelIds"))),
                Integer.getInteger("stay.bench.users", 8),
                Integer.getInteger("stay.bench.warmUpRequests", 1000),
                Path.of(System.getProperty("stay.bench.summary", "target/bench-summary.md")),
                new Booking(
                        required("stay.bench.tokenUrl"),
                        lines(Path.of(required("stay.bench.guests"))),
                        required("stay.bench.guestPassword"),
                        required("stay.bench.bookingJdbcUrl"),
                        required("stay.bench.bookingDbUser"),
                        required("stay.bench.bookingDbPassword"),
                        Integer.getInteger("stay.bench.warmUpSeconds", 30),
                        Integer.getInteger("stay.bench.phaseSeconds", 30),
                        Integer.getInteger("stay.bench.hotUsers", Integer.getInteger("stay.bench.users", 8)),
                        Integer.getInteger("stay.bench.hotRooms", 500)));
    }

    private static String required(String name) {
        String value = System.getProperty(name);
        if (value == null || value.isBlank()) {
            throw new IllegalStateException("system property " + name + " is not set: run the benchmark with bench/run,"
                    + " which starts the platform and passes its endpoints");
        }
        return value;
    }

    /** The non-blank lines of a file {@code BenchStack} wrote. */
    private static List<String> lines(Path file) {
        try {
            List<String> ids = Files.readAllLines(file).stream().map(String::strip).filter(line -> !line.isEmpty()).toList();
            if (ids.isEmpty()) {
                throw new IllegalStateException(file + " is empty");
            }
            return ids;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }
}
