package dev.stay.common.security;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The router's signature on the requests it sends to subgraphs, so that only the router (which checks tokens,
 * limits and persisted documents) can reach them. Header {@code X-Stay-Signature: t=<unix seconds>,v1=<hex>},
 * where hex is HMAC-SHA256 with the shared secret over {@code t + "." + body}, the exact bytes of the body.
 * A tampered query or variables changes the body and breaks the signature; an old one is refused after
 * {@link #MAX_AGE} so a captured request cannot be replayed for long.
 */
public final class RouterSignature {

    public static final String HEADER = "X-Stay-Signature";
    static final Duration MAX_AGE = Duration.ofMinutes(5);

    private final byte[] secret;

    /** The router refuses shorter secrets too: 32 characters is 256 bits of a random base64 string or less. */
    public static final int MIN_SECRET_LENGTH = 32;

    public RouterSignature(String secret) {
        if (secret == null || secret.length() < MIN_SECRET_LENGTH) {
            throw new IllegalArgumentException(
                    "the router signing secret must have at least " + MIN_SECRET_LENGTH + " characters");
        }
        this.secret = secret.getBytes(StandardCharsets.UTF_8);
    }

    /** The header value for a body sent at the given time. */
    public String sign(byte[] body, Instant at) {
        long t = at.getEpochSecond();
        return "t=" + t + ",v1=" + HexFormat.of().formatHex(mac(t, body));
    }

    /** Whether the header is a valid signature of this body, made within {@link #MAX_AGE} of now. */
    public boolean verifies(String header, byte[] body, Instant now) {
        if (header == null) {
            return false;
        }
        Long t = null;
        byte[] given = null;
        for (String part : header.split(",")) {
            String[] pair = part.trim().split("=", 2);
            if (pair.length != 2) {
                return false;
            }
            try {
                switch (pair[0]) {
                    case "t" -> t = Long.parseLong(pair[1]);
                    case "v1" -> given = HexFormat.of().parseHex(pair[1]);
                    default -> { }
                }
            } catch (IllegalArgumentException e) {
                return false;
            }
        }
        if (t == null || given == null) {
            return false;
        }
        // compared as numbers: an absurd t (Long.MAX_VALUE) is simply too old or too new, not an Instant overflow
        long nowSeconds = now.getEpochSecond();
        if (t < nowSeconds - MAX_AGE.toSeconds() || t > nowSeconds + MAX_AGE.toSeconds()) {
            return false;
        }
        return MessageDigest.isEqual(mac(t, body), given);
    }

    private byte[] mac(long t, byte[] body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret, "HmacSHA256"));
            mac.update((t + ".").getBytes(StandardCharsets.US_ASCII));
            return mac.doFinal(body);
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException("HmacSHA256 is not available", e);
        }
    }
}
