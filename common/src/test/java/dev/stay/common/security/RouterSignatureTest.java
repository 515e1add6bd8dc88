package dev.stay.common.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class RouterSignatureTest {

    static final RouterSignature SIGNATURE = new RouterSignature("a-test-secret-of-thirty-two-characters-or-more");
    static final Instant NOW = Instant.parse("2026-11-22T10:00:00Z");
    static final byte[] BODY = "{\"query\":\"{ me { id } }\",\"variables\":{}}".getBytes(StandardCharsets.UTF_8);

    @Test
    void aSignatureOfTheSameBodyVerifies() {
        assertThat(SIGNATURE.verifies(SIGNATURE.sign(BODY, NOW), BODY, NOW.plusSeconds(30))).isTrue();
    }

    @Test
    void aTamperedBodyDoesNotVerify() {
        byte[] tampered = "{\"query\":\"{ me { id email } }\",\"variables\":{}}".getBytes(StandardCharsets.UTF_8);

        assertThat(SIGNATURE.verifies(SIGNATURE.sign(BODY, NOW), tampered, NOW)).isFalse();
    }

    @Test
    void anotherSecretDoesNotVerify() {
        String forged = new RouterSignature("somebody-elses-secret-value-of-the-same-length").sign(BODY, NOW);

        assertThat(SIGNATURE.verifies(forged, BODY, NOW)).isFalse();
    }

    @Test
    void anOldSignatureIsNotReplayable() {
        assertThat(SIGNATURE.verifies(SIGNATURE.sign(BODY, NOW), BODY, NOW.plusSeconds(301))).isFalse();
    }

    @Test
    void garbageHeadersDoNotVerify() {
        for (String header : new String[] {null, "", "t=abc,v1=00", "v1=0011", "t=1,v1=zz", "nonsense"}) {
            assertThat(SIGNATURE.verifies(header, BODY, NOW)).as(header).isFalse();
        }
    }

    @Test
    void theHeaderHasTheDocumentedShape() {
        assertThat(SIGNATURE.sign(BODY, NOW)).matches("t=1795341600,v1=[0-9a-f]{64}");
    }

    @Test
    void anAbsurdTimestampIsRefusedNotAnError() {
        for (String t : new String[] {"9223372036854775807", "-9223372036854775808", "31556889864403199", "-1"}) {
            String header = "t=" + t + ",v1=" + "00".repeat(32);
            assertThat(SIGNATURE.verifies(header, BODY, NOW)).as(t).isFalse();
        }
    }

    @Test
    void aSecretShorterThanTheRoutersMinimumIsRefused() {
        assertThatThrownBy(() -> new RouterSignature("x".repeat(RouterSignature.MIN_SECRET_LENGTH - 1)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(new RouterSignature("x".repeat(RouterSignature.MIN_SECRET_LENGTH))).isNotNull();
    }
}
