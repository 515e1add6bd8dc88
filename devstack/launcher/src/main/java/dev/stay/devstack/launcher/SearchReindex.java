package dev.stay.devstack.launcher;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.stay.devstack.process.Progress;
import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;

/**
 * Rebuilds the catalog's search index from its database, through the catalog's management endpoint
 * ({@code POST /actuator/searchindex}, loopback only), and draws its progress until the alias has moved to the new
 * index: hotels indexed, of how many, and the rate in documents per second. Searches go on answering from the old
 * index meanwhile. {@code ./platform up} runs it once the demo data is loaded; {@code ./platform reindex} on demand.
 */
final class SearchReindex {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration POLL = Duration.ofMillis(250);
    private static final Duration TIMEOUT = Duration.ofMinutes(30);
    private static final int WIDTH = 24;

    private SearchReindex() {
    }

    /** Where {@code ./platform up} writes the catalog's management URL for {@code ./platform reindex} to find. */
    static Path managementFile(Path workDir) {
        return workDir.resolve("catalog.management");
    }

    /** @return the number of hotels indexed; throws when the rebuild failed or the catalog cannot be reached */
    static long run(String managementUrl, PrintStream out, boolean redraw) {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        String endpoint = managementUrl + "/actuator/searchindex";
        long started = System.nanoTime();
        JsonNode progress = call(http, HttpRequest.newBuilder(URI.create(endpoint))
                .POST(HttpRequest.BodyPublishers.noBody()).build());
        long deadline = System.nanoTime() + TIMEOUT.toNanos();
        int drawn = 0;
        while (progress.path("state").asText().equals("RUNNING") && System.nanoTime() < deadline) {
            if (redraw) {
                String line = line(progress);
                out.print("\r" + line + " ".repeat(Math.max(0, drawn - line.length())));
                out.flush();
                drawn = line.length();
            }
            sleep();
            progress = call(http, HttpRequest.newBuilder(URI.create(endpoint)).GET().build());
        }
        if (redraw) {
            out.print("\r" + " ".repeat(drawn) + "\r");
        }
        if (!progress.path("state").asText().equals("DONE")) {
            throw new IllegalStateException("the search index was not rebuilt: " + progress);
        }
        Progress.done("platform", String.format(Locale.ROOT, "search index %s: %,d hotels at %,d documents a second",
                progress.path("index").asText(), progress.path("indexed").asLong(),
                progress.path("documentsPerSecond").asLong()), started);
        return progress.path("indexed").asLong();
    }

    /** {@code [#########---------------]  1,200/2,000 hotels  4,310 docs/s} */
    static String line(JsonNode progress) {
        long indexed = progress.path("indexed").asLong();
        long total = Math.max(1, progress.path("total").asLong());
        int filled = (int) Math.min(WIDTH, WIDTH * indexed / total);
        return String.format(Locale.ROOT, "[search] [%s%s] %,d/%,d hotels  %,d docs/s", "#".repeat(filled),
                "-".repeat(WIDTH - filled), indexed, progress.path("total").asLong(),
                progress.path("documentsPerSecond").asLong());
    }

    /** {@code ./platform reindex}: against the platform {@code ./platform up} runs from this checkout. */
    static int command(Path workDir) {
        Path file = managementFile(workDir);
        if (!Files.isRegularFile(file)) {
            System.err.println("Stay is not up from this checkout (no " + file + "): start it with ./platform up");
            return 1;
        }
        try {
            run(Files.readString(file).strip(), System.out, System.console() != null);
            return 0;
        } catch (IOException | RuntimeException e) {
            System.err.println("reindex failed: " + e.getMessage());
            return 1;
        }
    }

    private static JsonNode call(HttpClient http, HttpRequest request) {
        try {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                throw new IllegalStateException(request.uri() + " answered " + response.statusCode());
            }
            return JSON.readTree(response.body());
        } catch (IOException e) {
            throw new IllegalStateException("the catalog cannot be reached at " + request.uri() + ": " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted");
        }
    }

    private static void sleep() {
        try {
            Thread.sleep(POLL);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted");
        }
    }
}
