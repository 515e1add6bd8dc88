package dev.stay.catalog.property;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import redis.clients.jedis.JedisClientConfig;

/** The cache's Redis URL says everything a managed Redis needs: TLS, an ACL user, a password, a database. */
class HotelCachePropertiesTest {

    @Test
    void aPlainUrlHasNoCredentialsNoTlsAndTheDefaultPort() {
        HotelCacheProperties settings = settings("redis://cache.internal", null, null);
        JedisClientConfig config = settings.clientConfig();

        assertThat(settings.endpoint().getHost()).isEqualTo("cache.internal");
        assertThat(settings.endpoint().getPort()).isEqualTo(6379);
        assertThat(config.isSsl()).isFalse();
        assertThat(config.getUser()).isNull();
        assertThat(config.getPassword()).isNull();
        assertThat(config.getDatabase()).isZero();
        assertThat(config.getSocketTimeoutMillis()).isEqualTo(250);
    }

    @Test
    void redissMeansTlsAndTheUrlCarriesUserPasswordAndDatabase() {
        JedisClientConfig config = settings("rediss://stay-cache:p%40ss%3Aword%2B1@cache.internal:6380/2", null, null)
                .clientConfig();

        assertThat(config.isSsl()).isTrue();
        assertThat(config.getUser()).isEqualTo("stay-cache");
        assertThat(config.getPassword()).isEqualTo("p@ss:word+1");
        assertThat(config.getDatabase()).isEqualTo(2);
    }

    @Test
    void aPasswordAloneIsAPasswordAndExplicitSettingsWinOverTheUrl() {
        assertThat(settings("redis://:only-secret@h:1", null, null).clientConfig().getPassword()).isEqualTo("only-secret");
        assertThat(settings("redis://only-secret@h:1", null, null).clientConfig().getPassword()).isEqualTo("only-secret");
        JedisClientConfig config = settings("redis://url-user:url-secret@h:1", "env-user", "env-secret").clientConfig();
        assertThat(config.getUser()).isEqualTo("env-user");
        assertThat(config.getPassword()).isEqualTo("env-secret");
        assertThat(settings("redis://h:1", "", " ").clientConfig().getPassword()).as("blank is unset").isNull();
    }

    @Test
    void somethingElseThanRedisIsRefusedAtStartup() {
        assertThatThrownBy(() -> settings("http://cache.internal:6379", null, null))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> settings("redis://h:1/zero", null, null).clientConfig())
                .isInstanceOf(IllegalArgumentException.class);
    }

    static HotelCacheProperties settings(String url, String user, String password) {
        return new HotelCacheProperties(URI.create(url), user, password, Duration.ofMinutes(10), Duration.ofMillis(250),
                Duration.ofSeconds(5), Duration.ofSeconds(2), Duration.ofSeconds(1));
    }
}
