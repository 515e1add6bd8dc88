package dev.stay.catalog.property;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.stay.catalog.db.enums.PropertyStatus;
import java.io.File;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalTime;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import redis.embedded.core.ExecutableProvider;
import tools.jackson.databind.json.JsonMapper;

/**
 * How the cache connects, against real Redis servers of its own: one that wants a password and an ACL user, and one
 * that accepts connections but never answers (a hung Redis), which must cost a change no more than the timeout.
 */
class HotelCacheConnectionIT {

    static Process secured;
    static int securedPort;
    static final JsonMapper json = JsonMapper.builder().build();

    @BeforeAll
    static void startARedisThatWantsAPassword(@TempDir Path dir) throws IOException {
        try (ServerSocket free = new ServerSocket(0)) {
            securedPort = free.getLocalPort();
        }
        secured = new ProcessBuilder(executable(), "--port", String.valueOf(securedPort), "--bind", "127.0.0.1",
                "--save", "", "--appendonly", "no", "--dir", dir.toString(),
                "--requirepass", "default-secret", "--user", "stay-cache", "on", ">cache-secret", "~catalog:*", "+@all")
                .redirectErrorStream(true).redirectOutput(dir.resolve("redis.log").toFile()).start();
        await().atMost(Duration.ofSeconds(20)).until(() -> {
            try (Socket socket = new Socket("127.0.0.1", securedPort)) {
                return true;
            } catch (IOException notYet) {
                return false;
            }
        });
    }

    @AfterAll
    static void stopIt() throws InterruptedException {
        secured.destroy();
        secured.waitFor();
    }

    @Test
    void aPasswordInTheUrlIsSent() {
        assertRoundTrip(cache("redis://:default-secret@127.0.0.1:" + securedPort, null, null));
    }

    @Test
    void anAclUserAndPasswordFromTheSettingsAreSent() {
        assertRoundTrip(cache("redis://127.0.0.1:" + securedPort, "stay-cache", "cache-secret"));
        assertRoundTrip(cache("redis://stay-cache:cache%2Dsecret@127.0.0.1:" + securedPort, null, null));
    }

    @Test
    void withoutThePasswordNothingIsCachedAndNothingBreaks() {
        HotelCache cache = cache("redis://127.0.0.1:" + securedPort, null, null);
        Hotel hotel = aHotel();
        cache.putAll(List.of(hotel), System.currentTimeMillis());
        assertThat(cache.getAll(List.of(hotel.id()))).isEmpty();
        assertThat(cache.invalidate(hotel.id(), 2)).isFalse();
        cache.destroy();
    }

    @Test
    void aHungRedisCostsAChangeAtMostTheTimeout() throws IOException {
        try (ServerSocket silent = new ServerSocket(0, 50)) { // accepts into its backlog, never answers
            HotelCache cache = cache("redis://127.0.0.1:" + silent.getLocalPort(), null, null);
            long started = System.nanoTime();

            boolean taken = cache.invalidate(UUID.randomUUID(), 2);

            assertThat(taken).isFalse();
            assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofMillis(1500));
            cache.destroy();
        }
    }

    private static void assertRoundTrip(HotelCache cache) {
        Hotel hotel = aHotel();
        cache.putAll(List.of(hotel), System.currentTimeMillis());
        assertThat(cache.getAll(List.of(hotel.id()))).containsKey(hotel.id());
        assertThat(cache.invalidate(hotel.id(), hotel.version() + 1)).isTrue();
        assertThat(cache.getAll(List.of(hotel.id()))).as("a tombstone now").isEmpty();
        cache.destroy();
    }

    private static HotelCache cache(String url, String user, String password) {
        return new HotelCache(new HotelCacheProperties(URI.create(url), user, password, Duration.ofMinutes(1),
                Duration.ofMillis(250), Duration.ofSeconds(5), Duration.ofSeconds(2), Duration.ofSeconds(1)), json);
    }

    private static Hotel aHotel() {
        return new Hotel(UUID.randomUUID(), "Casa do Rio", "", 4,
                new Hotel.Address("Rua do Ouro 10", "Lisbon", null, "PT", null), new Hotel.GeoPoint(38.7, -9.1),
                "Europe/Lisbon", "EUR", List.of(), List.of(), List.of(), new Hotel.UserRef(UUID.randomUUID()),
                LocalTime.of(15, 0), LocalTime.of(11, 0), "", PropertyStatus.PUBLISHED, 1);
    }

    private static String executable() throws IOException {
        for (String path : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
            if (!path.isBlank() && Files.isExecutable(Path.of(path, "redis-server"))) {
                return "redis-server";
            }
        }
        File bundled = ExecutableProvider.newJarResourceProvider().get();
        bundled.setExecutable(true);
        return bundled.getAbsolutePath();
    }
}
