package dev.stay.booking.payment;

import dev.stay.common.security.DeploymentSecret;
import dev.stay.common.security.SecuritySettings;
import dev.stay.common.security.UnsignedEndpoint;
import java.util.UUID;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;

/**
 * The webhook route is the one route of booking the router does not sign: it is declared to common's security as
 * an {@link UnsignedEndpoint} (that exact method and raw path, nothing else) and checked by the provider's own
 * signature instead; its secret is a {@link DeploymentSecret}, so no deployment starts on a missing or published one.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(PaymentWebhookProperties.class)
class PaymentWebhookConfig {

    /** Local-development value, published in this repository: accepted in the local profile only. */
    static final String LOCAL_SECRET = "stay-local-dev-payment-webhook-secret";

    @Bean
    UnsignedEndpoint paymentWebhookEndpoint() {
        return new UnsignedEndpoint(HttpMethod.POST, PaymentWebhookController.PATH);
    }

    @Bean
    DeploymentSecret paymentWebhookSecret(PaymentWebhookProperties webhook) {
        return new DeploymentSecret("STAY_PAYMENT_WEBHOOK_SECRET", webhook.secret());
    }

    @Bean
    PaymentSignature paymentSignature(PaymentWebhookProperties webhook, SecuritySettings security) {
        boolean blank = webhook.secret() == null || webhook.secret().isBlank();
        if (blank && !security.local()) {
            // ProductionReadiness refuses to start and names the variable; meanwhile no key anyone knows verifies
            return new PaymentSignature(UUID.randomUUID() + "-" + UUID.randomUUID(), webhook.tolerance());
        }
        return new PaymentSignature(blank ? LOCAL_SECRET : webhook.secret(), webhook.tolerance());
    }
}
