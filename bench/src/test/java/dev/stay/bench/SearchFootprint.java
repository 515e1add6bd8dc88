package dev.stay.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Locale;

/**
 * What the search index weighs once the phases have run: its size and documents ({@code _cat/indices}), OpenSearch's
 * heap ({@code _nodes/stats/jvm}) and the catalog JVM's ({@code jvm_memory_used_bytes} of the heap areas, from its
 * Prometheus endpoint on the management port), with the scale and the re-index rate {@code BenchStack} measured.
 */
final class SearchFootprint {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final double MB = 1024.0 * 1024.0;

    private SearchFootprint() {
    }

    /** Markdown lines for the summary; a figure that cannot be read says why instead of failing the run. */
    static String describe(String openSearch, String catalogManagement) {
        StringBuilder out = new StringBuilder();
        out.append(String.format(Locale.ROOT, "Scale: %s (%s s loading beyond the demo's 2,000). Re-index, timed by "
                        + "the bench stack: %s documents in %s s, %s documents a second (the catalog's own count)%n%n",
                System.getProperty("stay.bench.scale", "small"), System.getProperty("stay.bench.loadSeconds", "?"),
                System.getProperty("stay.bench.reindexDocuments", "?"), System.getProperty("stay.bench.reindexSeconds", "?"),
                System.getProperty("stay.bench.reindexDocumentsPerSecond", "?")));
        try (HttpClient http = HttpClient.newHttpClient()) {
            for (JsonNode index : get(http, openSearch + "/_cat/indices/catalog-*?format=json&bytes=kb")) {
                out.append(String.format(Locale.ROOT, "Index `%s`: %s documents, %.1f MB (primary %.1f MB)%n",
                        index.path("index").asText(), index.path("docs.count").asText(),
                        index.path("store.size").asDouble() / 1024.0, index.path("pri.store.size").asDouble() / 1024.0));
            }
            for (JsonNode node : get(http, openSearch + "/_nodes/stats/jvm").path("nodes")) {
                JsonNode heap = node.path("jvm").path("mem");
                out.append(String.format(Locale.ROOT, "OpenSearch heap: %.0f MB used of %.0f MB%n",
                        heap.path("heap_used_in_bytes").asDouble() / MB, heap.path("heap_max_in_bytes").asDouble() / MB));
            }
            out.append(String.format(Locale.ROOT, "Catalog heap: %.0f MB used (jvm.memory.used, area heap)%n",
                    catalogHeap(http, catalogManagement) / MB));
        } catch (IOException | RuntimeException e) {
            out.append("(the footprint could not be read: ").append(e.getMessage()).append(")\n");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return out.toString();
    }

    private static double catalogHeap(HttpClient http, String management) throws IOException, InterruptedException {
        if (management == null) {
            throw new IllegalStateException("stay.bench.catalogManagementUrl is not set");
        }
        double used = 0;
        for (String line : text(http, management + "/actuator/prometheus").split("\n")) {
            if (line.startsWith("jvm_memory_used_bytes{") && line.contains("area=\"heap\"")) {
                used += Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1));
            }
        }
        return used;
    }

    private static JsonNode get(HttpClient http, String url) throws IOException, InterruptedException {
        return JSON.readTree(text(http, url));
    }

    private static String text(HttpClient http, String url) throws IOException, InterruptedException {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(url)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IllegalStateException(url + " answered " + response.statusCode());
        }
        return response.body();
    }
}
