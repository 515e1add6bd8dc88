package dev.stay.booking.notify;

import static dev.stay.booking.db.Tables.NOTIFICATION;
import static org.jooq.impl.DSL.currentOffsetDateTime;

import java.util.UUID;
import org.jooq.DSLContext;
import org.springframework.stereotype.Repository;

/**
 * The {@code notification} table, one row per (event, channel), each statement committed on its own: the claim before
 * the provider is called, the mark after it answered. Never inside the caller's transaction, so a crash between the
 * two leaves the row {@code SENDING}, and the next attempt sends again with the same idempotency key (the provider
 * sends nothing the second time).
 */
@Repository
class NotificationLog {

    private final DSLContext db;

    NotificationLog(DSLContext db) {
        this.db = db;
    }

    /** @return true when this message still has to be sent (new, or claimed before and not known to be sent) */
    boolean claim(String eventId, Channel channel, Kind kind, UUID bookingId) {
        String status = db.insertInto(NOTIFICATION)
                .set(NOTIFICATION.EVENT_ID, eventId)
                .set(NOTIFICATION.CHANNEL, channel.name())
                .set(NOTIFICATION.KIND, kind.name())
                .set(NOTIFICATION.BOOKING_ID, bookingId)
                .set(NOTIFICATION.STATUS, "SENDING")
                .set(NOTIFICATION.ATTEMPTS, 1)
                .onConflict(NOTIFICATION.EVENT_ID, NOTIFICATION.CHANNEL)
                .doUpdate()
                .set(NOTIFICATION.ATTEMPTS, NOTIFICATION.ATTEMPTS.plus(1))
                .where(NOTIFICATION.STATUS.eq("SENDING"))
                .returningResult(NOTIFICATION.STATUS)
                .fetchOptional(NOTIFICATION.STATUS)
                .orElse("SENT"); // the update's WHERE left a SENT row alone: nothing returned
        return status.equals("SENDING");
    }

    void sent(String eventId, Channel channel, String providerMessageId) {
        db.update(NOTIFICATION)
                .set(NOTIFICATION.STATUS, "SENT")
                .set(NOTIFICATION.PROVIDER_MESSAGE_ID, providerMessageId)
                .set(NOTIFICATION.SENT_AT, currentOffsetDateTime())
                .where(NOTIFICATION.EVENT_ID.eq(eventId))
                .and(NOTIFICATION.CHANNEL.eq(channel.name()))
                .execute();
    }

    /** The provider's key for a message: the same for every attempt at it, different for each channel. */
    static String idempotencyKey(String eventId, Channel channel) {
        return eventId + ":" + channel.name();
    }
}
