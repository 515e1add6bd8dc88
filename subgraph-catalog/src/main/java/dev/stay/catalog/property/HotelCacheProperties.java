package dev.stay.catalog.property;

import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import redis.clients.jedis.DefaultJedisClientConfig;
import redis.clients.jedis.HostAndPort;
import redis.clients.jedis.JedisClientConfig;

/**
 * How the catalog reaches its page cache ({@code stay.cache.*}).
 *
 * @param redisUrl    {@code redis://[[user]:password@]host[:port][/database]}, or {@code rediss://} for TLS
 *                    (credentials percent-encoded); the deployment sets it through {@code STAY_REDIS_URL}
 * @param username    overrides the URL's user (ACL users of Redis 6+), so a secret need not sit in the URL
 * @param password    overrides the URL's password
 * @param hotelTtl    how long a page stays cached; also how long a missed invalidation is remembered
 * @param timeout     connect, read and pool-wait bound of every Redis call: a change waits at most this for its
 *                    tombstone, inside its transaction
 * @param breakerOpen how long the circuit breaker skips Redis after it failed before trying again
 * @param missedPoll  how often each instance looks for invalidations another instance missed
 * @param clockSkew   how far apart instances' clocks may be: a page loaded this long after a missed invalidation
 *                    is still checked against the database
 */
@ConfigurationProperties("stay.cache")
public record HotelCacheProperties(
        @DefaultValue("redis://127.0.0.1:16379") URI redisUrl,
        String username,
        String password,
        @DefaultValue("10m") Duration hotelTtl,
        @DefaultValue("250ms") Duration timeout,
        @DefaultValue("5s") Duration breakerOpen,
        @DefaultValue("2s") Duration missedPoll,
        @DefaultValue("1s") Duration clockSkew) {

    public HotelCacheProperties {
        username = username == null || username.isBlank() ? null : username;
        password = password == null || password.isBlank() ? null : password;
        String scheme = redisUrl.getScheme();
        if (!"redis".equals(scheme) && !"rediss".equals(scheme) || redisUrl.getHost() == null) {
            throw new IllegalArgumentException("stay.cache.redis-url must be redis://host:port or rediss://host:port");
        }
    }

    public HostAndPort endpoint() {
        return new HostAndPort(redisUrl.getHost(), redisUrl.getPort() < 0 ? 6379 : redisUrl.getPort());
    }

    /** The URL's credentials, TLS and database, with the explicit username and password winning over the URL's. */
    public JedisClientConfig clientConfig() {
        int millis = Math.toIntExact(timeout.toMillis());
        DefaultJedisClientConfig.Builder config = DefaultJedisClientConfig.builder()
                .connectionTimeoutMillis(millis)
                .socketTimeoutMillis(millis)
                .ssl("rediss".equals(redisUrl.getScheme()))
                .database(database());
        String user = username;
        String secret = password;
        String userInfo = redisUrl.getRawUserInfo();
        if (userInfo != null && !userInfo.isEmpty()) {
            int colon = userInfo.indexOf(':');
            String urlUser = colon < 0 ? null : decode(userInfo.substring(0, colon));
            String urlPassword = decode(colon < 0 ? userInfo : userInfo.substring(colon + 1));
            if (user == null && urlUser != null && !urlUser.isEmpty()) user = urlUser;
            if (secret == null && !urlPassword.isEmpty()) secret = urlPassword;
        }
        if (user != null) config.user(user);
        if (secret != null) config.password(secret);
        return config.build();
    }

    private int database() {
        String path = redisUrl.getPath();
        if (path == null || path.isEmpty() || path.equals("/")) return 0;
        try {
            return Integer.parseInt(path.substring(1));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("stay.cache.redis-url's path must be a database number, e.g. /0");
        }
    }

    private static String decode(String text) {
        return URLDecoder.decode(text.replace("+", "%2B"), StandardCharsets.UTF_8);
    }
}
