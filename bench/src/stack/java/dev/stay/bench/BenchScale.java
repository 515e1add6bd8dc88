package dev.stay.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.stay.devstack.engines.Postgres;
import dev.stay.devstack.process.OrphanGuard;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * How many hotels a benchmark runs on ({@code -Dstay.bench.scale}: {@code small}, the demo's 2,000 and the default;
 * {@code seed}, 500,000; or a number of hotels, a multiple of 1,000), and the two steps that bring a started platform
 * to it: the seed loader with that {@code --size}, which continues after the demo hotels the platform loaded (every
 * size is the start of the larger ones), then a rebuild of the search index through the catalog's management endpoint,
 * timed: its documents a second are one of the figures the search bench reports.
 */
record BenchScale(String size) {

    private static final Duration POLL = Duration.ofSeconds(1);
    private static final Duration REINDEX_TIMEOUT = Duration.ofMinutes(60);
    private static final ObjectMapper JSON = new ObjectMapper();

    /** What a rebuild of the index did: documents, seconds from the request to DONE, the catalog's own rate. */
    record Reindex(long documents, double seconds, long documentsPerSecond) {}

    static BenchScale fromSystemProperties() {
        String size = System.getProperty("stay.bench.scale", "small").strip().toLowerCase(Locale.ROOT);
        if (!size.equals("small") && !size.equals("seed")) {
            long hotels;
            try {
                hotels = Long.parseLong(size);
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("stay.bench.scale is small, seed or a number of hotels, not " + size);
            }
            if (hotels < 2_000 || hotels > 500_000 || hotels % 1_000 != 0) {
                throw new IllegalArgumentException("stay.bench.scale: a number of hotels from 2000 to 500000, a"
                        + " multiple of 1000, not " + size);
            }
        }
        return new BenchScale(size);
    }

    /** The platform loads the demo's 2,000 hotels itself; anything more is loaded here. */
    boolean beyondDemo() {
        return !size.equals("small") && !size.equals("2000");
    }

    /** Runs the seed loader ({@code seed/target}) to its end, its output to the console and to {@code seed-bench.log}. */
    void load(Path repoRoot, Postgres postgres, Path logs) throws IOException, InterruptedException {
        String classpath = repoRoot.resolve("seed/target/classes") + File.pathSeparator
                + Files.readString(repoRoot.resolve("seed/target/classpath.txt")).strip();
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx1g", "-cp", classpath, "dev.stay.seed.Seed", "--size", size, "--progress", "lines"));
        for (String database : Postgres.DATABASES) {
            command.addAll(List.of("--" + database + "-db", postgres.jdbcUrl(database)));
        }
        ProcessBuilder builder = new ProcessBuilder(command).directory(repoRoot.toFile()).redirectErrorStream(true);
        builder.environment().put("STAY_DB_USER", postgres.user());
        builder.environment().put("STAY_DB_PASSWORD", postgres.password());
        Path log = logs.resolve("seed-bench.log");
        Process loader = builder.start();
        OrphanGuard guard = OrphanGuard.watch(loader.pid(), "TERM");
        Thread stop = new Thread(loader::destroy, "bench-seed-stop");
        Runtime.getRuntime().addShutdownHook(stop);
        try (InputStream output = loader.getInputStream(); OutputStream file = Files.newOutputStream(log)) {
            byte[] buffer = new byte[8192];
            for (int read; (read = output.read(buffer)) != -1; ) {
                System.out.write(buffer, 0, read);
                System.out.flush();
                file.write(buffer, 0, read);
            }
        }
        int exit = loader.waitFor();
        guard.release();
        Runtime.getRuntime().removeShutdownHook(stop);
        if (exit != 0) {
            throw new IllegalStateException("the seed loader exited with code " + exit + ", see " + log);
        }
    }

    /**
     * Rebuilds the search index from the catalog's database ({@code POST /actuator/searchindex}) and waits until it is
     * DONE: the same path as {@code ./platform reindex}, timed from here.
     */
    static Reindex reindex(String managementUrl) throws IOException, InterruptedException {
        URI endpoint = URI.create(managementUrl + "/actuator/searchindex");
        long started = System.nanoTime();
        try (HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build()) {
            JsonNode progress = call(http, HttpRequest.newBuilder(endpoint).POST(HttpRequest.BodyPublishers.noBody()).build());
            long deadline = started + REINDEX_TIMEOUT.toNanos();
            long lastSaid = 0;
            while (progress.path("state").asText().equals("RUNNING")) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("the search index was not rebuilt in " + REINDEX_TIMEOUT + ": " + progress);
                }
                Thread.sleep(POLL);
                progress = call(http, HttpRequest.newBuilder(endpoint).GET().build());
                if (System.nanoTime() - lastSaid > Duration.ofSeconds(30).toNanos()) {
                    System.out.println("[bench] re-index: " + progress);
                    lastSaid = System.nanoTime();
                }
            }
            if (!progress.path("state").asText().equals("DONE")) {
                throw new IllegalStateException("the search index was not rebuilt: " + progress);
            }
            double seconds = (System.nanoTime() - started) / 1e9;
            return new Reindex(progress.path("indexed").asLong(), seconds, progress.path("documentsPerSecond").asLong());
        }
    }

    private static JsonNode call(HttpClient http, HttpRequest request) throws IOException, InterruptedException {
        HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IllegalStateException(request.uri() + " answered " + response.statusCode() + ": " + response.body());
        }
        return JSON.readTree(response.body());
    }

    /** Reads a file the platform wrote, e.g. the catalog's management URL ({@code catalog.management}). */
    static String read(Path file) {
        try {
            return Files.readString(file).strip();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }
}
