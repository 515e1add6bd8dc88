package dev.stay.booking.payment;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code stay.payment.webhook.*}: the provider's calls to {@code POST /webhooks/payments}.
 *
 * @param secret the key the provider signs them with ({@code STAY_PAYMENT_WEBHOOK_SECRET}); left empty, the local
 *     profile uses {@link PaymentWebhookConfig#LOCAL_SECRET} and any other refuses to start
 * @param tolerance how far a signature's timestamp may be from now, either way
 * @param maxBodyBytes the largest event read; a larger body is refused unread (413)
 * @param retention how long an applied event's id is kept against duplicates: longer than the provider retries
 */
@ConfigurationProperties("stay.payment.webhook")
record PaymentWebhookProperties(
        String secret,
        @DefaultValue("5m") Duration tolerance,
        @DefaultValue("65536") int maxBodyBytes,
        @DefaultValue("30d") Duration retention) {}
