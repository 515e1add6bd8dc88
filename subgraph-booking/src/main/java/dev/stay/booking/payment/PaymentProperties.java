package dev.stay.booking.payment;

import java.net.URI;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code stay.payment.*}: the card payment provider.
 *
 * @param url the provider's base URL ({@code STAY_PAYMENT_URL})
 * @param connectTimeout how long to wait for a connection
 * @param readTimeout how long to wait for an answer; after it the outcome is unknown and a reconciliation settles it
 * @param attempts how many times a charge is sent (always with the same key) when the provider answers 5xx or
 *     resets the connection
 */
@ConfigurationProperties("stay.payment")
public record PaymentProperties(
        @DefaultValue("http://127.0.0.1:18080") URI url,
        @DefaultValue("2s") Duration connectTimeout,
        @DefaultValue("5s") Duration readTimeout,
        @DefaultValue("2") int attempts) {}
