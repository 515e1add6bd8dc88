package dev.stay.booking.archive;

import static dev.stay.booking.db.Tables.BOOKING;
import static dev.stay.booking.db.Tables.BOOKING_ARCHIVE;
import static dev.stay.booking.db.Tables.BOOKING_CHANGE;
import static dev.stay.booking.db.Tables.BOOKING_NIGHT;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import org.jooq.DSLContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Takes ended bookings out of the live tables once they ended more than {@code stay.archive.keep-live} ago (30 days)
 * and only once archived, in batches of {@code stay.archive.batch-size}, each batch one transaction: its live rows
 * are locked ({@code SKIP LOCKED}, so several instances share the work and a booking being changed is left for the
 * next run), its archived copies refreshed from them (a refund settled since), then the live rows deleted: the
 * booking, its nights and its changes of dates (archived with it). A run cut
 * off half-way loses nothing and copies nothing twice: a batch either committed whole or not at all, and the next run
 * picks up what is left. A booking still owed a refund stays live, where the refund retries find it.
 */
@Component
@EnableConfigurationProperties(ArchiveProperties.class)
class MovingToArchive {

    private static final Logger log = LoggerFactory.getLogger(MovingToArchive.class);

    private final DSLContext db;
    private final Archive archive;
    private final TransactionTemplate transaction;
    private final ArchiveProperties settings;

    MovingToArchive(DSLContext db, Archive archive, TransactionTemplate transaction, ArchiveProperties settings) {
        this.db = db;
        this.archive = archive;
        this.transaction = transaction;
        this.settings = settings;
    }

    /** @return how many bookings left the live tables */
    @Scheduled(fixedDelayString = "${stay.archive.move-interval:PT5M}",
            initialDelayString = "${stay.archive.move-interval:PT5M}")
    int moveAll() {
        int total = 0;
        int moved;
        do {
            moved = moveBatch(settings.batchSize());
            total += moved;
        } while (moved == settings.batchSize());
        if (total > 0) {
            log.info("moved {} ended bookings to the archive", total);
        }
        return total;
    }

    /** One batch of at most {@code limit} bookings, one transaction. @return how many bookings it moved */
    int moveBatch(int limit) {
        Integer moved = transaction.execute(status -> {
            OffsetDateTime endedBefore = OffsetDateTime.now(ZoneOffset.UTC).minus(settings.keepLive());
            List<UUID> ids = db.select(BOOKING.ID).from(BOOKING)
                    .join(BOOKING_ARCHIVE).on(BOOKING_ARCHIVE.ID.eq(BOOKING.ID))
                    .and(BOOKING_ARCHIVE.CHECK_OUT.eq(BOOKING.CHECK_OUT))
                    .where(BOOKING_ARCHIVE.ENDED_AT.lt(endedBefore))
                    .and(BOOKING.STATUS.in(Archive.ENDED))
                    .and(BOOKING.REFUND_DUE.isNull())
                    .orderBy(BOOKING_ARCHIVE.ENDED_AT, BOOKING.ID)
                    .limit(limit)
                    .forUpdate().of(BOOKING).skipLocked()
                    .fetch(BOOKING.ID);
            if (ids.isEmpty()) {
                return 0;
            }
            archive.refresh(ids);
            db.deleteFrom(BOOKING_NIGHT).where(BOOKING_NIGHT.BOOKING_ID.in(ids)).execute();
            db.deleteFrom(BOOKING_CHANGE).where(BOOKING_CHANGE.BOOKING_ID.in(ids)).execute();
            db.deleteFrom(BOOKING).where(BOOKING.ID.in(ids)).execute();
            return ids.size();
        });
        return moved == null ? 0 : moved;
    }
}
