package dev.stay.booking.payment;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The provider's signature on its webhook calls: header {@code Payment-Signature: t=<unix seconds>,v1=<hex>}, hex
 * being HMAC-SHA256 with the webhook secret over {@code t + "." + body}, the body's exact bytes. Several {@code v1}
 * may come while the provider rolls its secret; one that matches is enough. A timestamp further than the tolerance
 * from now is refused, so a captured call cannot be replayed later; the comparison takes the same time whatever
 * the bytes ({@link MessageDigest#isEqual}).
 */
final class PaymentSignature {

    static final String HEADER = "Payment-Signature";

    private final byte[] secret;
    private final Duration tolerance;

    PaymentSignature(String secret, Duration tolerance) {
        this.secret = secret.getBytes(StandardCharsets.UTF_8);
        this.tolerance = tolerance;
    }

    /** The header value for a body sent at {@code at}: what the provider sends (tests and the devstack sign with it). */
    String sign(byte[] body, Instant at) {
        long t = at.getEpochSecond();
        return "t=" + t + ",v1=" + HexFormat.of().formatHex(mac(t, body));
    }

    boolean verifies(String header, byte[] body, Instant now) {
        if (header == null || header.length() > 1024) {
            return false;
        }
        Long t = null;
        List<byte[]> given = new ArrayList<>();
        for (String part : header.split(",")) {
            String[] pair = part.trim().split("=", 2);
            if (pair.length != 2) {
                return false;
            }
            try {
                switch (pair[0]) {
                    case "t" -> t = Long.parseLong(pair[1]);
                    case "v1" -> given.add(HexFormat.of().parseHex(pair[1]));
                    default -> { } // other schemes: not ours
                }
            } catch (IllegalArgumentException e) {
                return false;
            }
        }
        if (t == null || given.isEmpty()) {
            return false;
        }
        // compared as numbers: an absurd t is too old or too new, never an Instant overflow
        long nowSeconds = now.getEpochSecond();
        if (t < nowSeconds - tolerance.toSeconds() || t > nowSeconds + tolerance.toSeconds()) {
            return false;
        }
        byte[] expected = mac(t, body);
        boolean match = false;
        for (byte[] candidate : given) {
            match |= MessageDigest.isEqual(expected, candidate);
        }
        return match;
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
