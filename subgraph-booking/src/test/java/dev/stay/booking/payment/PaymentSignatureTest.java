package dev.stay.booking.payment;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PaymentSignatureTest {

    static final Instant NOW = Instant.parse("2026-11-30T12:00:00Z");
    static final byte[] BODY = "{\"id\":\"evt_1\",\"type\":\"charge.succeeded\"}".getBytes(StandardCharsets.UTF_8);
    final PaymentSignature signature = new PaymentSignature("a-webhook-secret-of-at-least-32-characters",
            Duration.ofMinutes(5));

    @Test
    void aBodySignedNowVerifies() {
        assertThat(signature.verifies(signature.sign(BODY, NOW), BODY, NOW)).isTrue();
    }

    @Test
    void aSignatureWithinFiveMinutesEitherWayVerifiesAndNotOneSecondMore() {
        assertThat(signature.verifies(signature.sign(BODY, NOW.minusSeconds(300)), BODY, NOW)).isTrue();
        assertThat(signature.verifies(signature.sign(BODY, NOW.plusSeconds(300)), BODY, NOW)).isTrue();
        assertThat(signature.verifies(signature.sign(BODY, NOW.minusSeconds(301)), BODY, NOW)).isFalse();
        assertThat(signature.verifies(signature.sign(BODY, NOW.plusSeconds(301)), BODY, NOW)).isFalse();
    }

    @Test
    void aChangedBodyOrAnotherSecretDoesNotVerify() {
        byte[] tampered = "{\"id\":\"evt_1\",\"type\":\"charge.failed\"}".getBytes(StandardCharsets.UTF_8);
        var other = new PaymentSignature("another-webhook-secret-of-32-characters!", Duration.ofMinutes(5));

        assertThat(signature.verifies(signature.sign(BODY, NOW), tampered, NOW)).isFalse();
        assertThat(signature.verifies(other.sign(BODY, NOW), BODY, NOW)).isFalse();
    }

    @Test
    void aSignatureAmongSeveralWhileTheProviderRollsItsSecretVerifies() {
        var old = new PaymentSignature("the-previous-webhook-secret-32-chars!!", Duration.ofMinutes(5));
        String oldHeader = old.sign(BODY, NOW);
        String current = signature.sign(BODY, NOW);

        assertThat(signature.verifies(oldHeader + "," + current.substring(current.indexOf("v1=")), BODY, NOW)).isTrue();
        assertThat(signature.verifies(oldHeader, BODY, NOW)).isFalse();
    }

    /** Headers that are not a signature: refused, never an exception. */
    @ParameterizedTest
    @ValueSource(strings = {"", "t=", "v1=", "t=1764504000", "v1=abcd", "t=abc,v1=00", "t=1764504000,v1=zz",
            "t=99999999999999999999999,v1=00", "t=9223372036854775807,v1=00", "t=-9223372036854775808,v1=00",
            "garbage", "t=1764504000;v1=00", ",,,"})
    void aMalformedHeaderIsRefused(String header) {
        assertThat(signature.verifies(header, BODY, NOW)).isFalse();
    }

    @Test
    void noHeaderOrAnAbsurdlyLongOneIsRefused() {
        assertThat(signature.verifies(null, BODY, NOW)).isFalse();
        String valid = signature.sign(BODY, NOW);
        assertThat(signature.verifies(valid + ",v0=" + "0".repeat(2000), BODY, NOW)).isFalse();
    }
}
