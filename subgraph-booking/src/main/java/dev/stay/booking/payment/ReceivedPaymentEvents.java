package dev.stay.booking.payment;

import static dev.stay.booking.db.Tables.PAYMENT_WEBHOOK_EVENT;

import java.time.OffsetDateTime;
import org.jooq.DSLContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/**
 * The provider's events by id ({@code payment_webhook_event}): the first delivery claims its id, so a duplicate, even
 * one arriving while the first is applied, finds it and changes nothing; an event whose applying failed lets go of
 * its id, so that the provider's next delivery applies it.
 */
@Repository
class ReceivedPaymentEvents {

    private static final Logger log = LoggerFactory.getLogger(ReceivedPaymentEvents.class);

    private final DSLContext db;
    private final PaymentWebhookProperties settings;

    ReceivedPaymentEvents(DSLContext db, PaymentWebhookProperties settings) {
        this.db = db;
        this.settings = settings;
    }

    /** @return true for the first delivery of this event */
    @Transactional
    boolean claim(PaymentEvent event) {
        return db.insertInto(PAYMENT_WEBHOOK_EVENT)
                .set(PAYMENT_WEBHOOK_EVENT.EVENT_ID, event.id())
                .set(PAYMENT_WEBHOOK_EVENT.TYPE, event.type())
                .set(PAYMENT_WEBHOOK_EVENT.IDEMPOTENCY_KEY, event.idempotencyKey())
                .set(PAYMENT_WEBHOOK_EVENT.RECEIVED_AT, OffsetDateTime.now())
                .onConflictDoNothing()
                .execute() == 1;
    }

    @Transactional
    void applied(PaymentEvent event, ChargeOutcomes.Applied outcome) {
        db.update(PAYMENT_WEBHOOK_EVENT).set(PAYMENT_WEBHOOK_EVENT.OUTCOME, outcome.name())
                .where(PAYMENT_WEBHOOK_EVENT.EVENT_ID.eq(event.id())).execute();
    }

    @Transactional
    void forget(PaymentEvent event) {
        db.deleteFrom(PAYMENT_WEBHOOK_EVENT).where(PAYMENT_WEBHOOK_EVENT.EVENT_ID.eq(event.id())).execute();
    }

    @Scheduled(fixedDelayString = "${stay.payment.webhook.prune-interval:PT1H}")
    void prune() {
        int pruned = db.deleteFrom(PAYMENT_WEBHOOK_EVENT)
                .where(PAYMENT_WEBHOOK_EVENT.RECEIVED_AT.lt(OffsetDateTime.now().minus(settings.retention())))
                .execute();
        if (pruned > 0) {
            log.info("pruned {} payment webhook events older than {}", pruned, settings.retention());
        }
    }
}
