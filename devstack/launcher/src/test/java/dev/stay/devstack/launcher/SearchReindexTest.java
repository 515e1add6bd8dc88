package dev.stay.devstack.launcher;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code ./platform reindex}: starts the catalog's rebuild, draws it until done, and says when it cannot. */
class SearchReindexTest {

    @Test
    void theBarShowsHowFarAndHowFast() throws Exception {
        String line = SearchReindex.line(new ObjectMapper().readTree(
                "{\"state\":\"RUNNING\",\"indexed\":1000,\"total\":2000,\"documentsPerSecond\":4310}"));

        assertThat(line).isEqualTo("[search] [############------------] 1,000/2,000 hotels  4,310 docs/s");
    }

    @Test
    void aRebuildIsStartedThenFollowedUntilTheAliasMoved() throws Exception {
        List<String> requests = new ArrayList<>();
        AtomicInteger polls = new AtomicInteger();
        HttpServer catalog = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        catalog.createContext("/actuator/searchindex", exchange -> {
            requests.add(exchange.getRequestMethod());
            String body = exchange.getRequestMethod().equals("GET") && polls.incrementAndGet() >= 3
                    ? "{\"state\":\"DONE\",\"index\":\"catalog-properties-1\",\"indexed\":2000,\"total\":2000,\"documentsPerSecond\":5000}"
                    : "{\"state\":\"RUNNING\",\"indexed\":" + 500 * polls.get() + ",\"total\":2000,\"documentsPerSecond\":5000}";
            byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(200, bytes.length);
            exchange.getResponseBody().write(bytes);
            exchange.close();
        });
        catalog.start();
        try {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            long indexed = SearchReindex.run("http://127.0.0.1:" + catalog.getAddress().getPort(),
                    new PrintStream(out, true, StandardCharsets.UTF_8), true);

            assertThat(indexed).isEqualTo(2000);
            assertThat(requests).startsWith("POST").containsOnly("POST", "GET").hasSize(4);
            assertThat(out.toString(StandardCharsets.UTF_8)).contains("docs/s");
        } finally {
            catalog.stop(0);
        }
    }

    @Test
    void aFailedRebuildIsAFailure() throws Exception {
        HttpServer catalog = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        catalog.createContext("/actuator/searchindex", exchange -> {
            byte[] bytes = "{\"state\":\"FAILED\",\"failure\":\"no space\"}".getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(200, bytes.length);
            exchange.getResponseBody().write(bytes);
            exchange.close();
        });
        catalog.start();
        try {
            assertThatThrownBy(() -> SearchReindex.run("http://127.0.0.1:" + catalog.getAddress().getPort(),
                    new PrintStream(new ByteArrayOutputStream()), false)).hasMessageContaining("no space");
        } finally {
            catalog.stop(0);
        }
    }

    @Test
    void withoutAPlatformUpItSaysSoAndFails(@TempDir Path workDir) throws Exception {
        assertThat(SearchReindex.command(workDir)).isEqualTo(1);
        Files.writeString(SearchReindex.managementFile(workDir), "http://127.0.0.1:1");
        assertThat(SearchReindex.command(workDir)).isEqualTo(1);
        assertThat(PlatformCommand.run(new String[] {"reindex", "--now"})).isEqualTo(2);
    }
}
