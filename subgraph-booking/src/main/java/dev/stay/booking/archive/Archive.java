package dev.stay.booking.archive;

import static dev.stay.booking.db.Tables.BOOKING;
import static dev.stay.booking.db.Tables.BOOKING_ARCHIVE;
import static dev.stay.booking.db.Tables.BOOKING_CHANGE;
import static dev.stay.booking.db.Tables.BOOKING_NIGHT;
import static org.jooq.impl.DSL.coalesce;
import static org.jooq.impl.DSL.field;
import static org.jooq.impl.DSL.inline;
import static org.jooq.impl.DSL.jsonbArrayAgg;
import static org.jooq.impl.DSL.jsonbObject;
import static org.jooq.impl.DSL.key;
import static org.jooq.impl.DSL.name;
import static org.jooq.impl.DSL.select;
import static org.jooq.impl.DSL.val;

import dev.stay.booking.db.Routines;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.JSONB;
import org.springframework.stereotype.Repository;

/**
 * The archive table: a booking that ended, as its live row (a JSON document, so the archive follows the live
 * table's columns) and its nights, in the partition of the month it checks out.
 */
@Repository
class Archive {

    /** The statuses a booking ends in: only such a booking is archived, and only such a booking leaves. */
    static final Set<String> ENDED = Set.of("COMPLETED", "CANCELLED", "NO_SHOW", "EXPIRED", "PAYMENT_FAILED");

    /** The live row as a document, which {@code jsonb_populate_record(null::booking, ...)} turns back into one. */
    static final Field<JSONB> LIVE_ROW = field("to_jsonb({0})", JSONB.class, name(BOOKING.getName()));

    /** The live nights as a document: {@code [{"night": ..., "price": ...}]}, by night. */
    static final Field<JSONB> LIVE_NIGHTS = coalesce(
            field(select(jsonbArrayAgg(jsonbObject(key("night").value(BOOKING_NIGHT.NIGHT),
                    key("price").value(BOOKING_NIGHT.PRICE))).orderBy(BOOKING_NIGHT.NIGHT))
                    .from(BOOKING_NIGHT).where(BOOKING_NIGHT.BOOKING_ID.eq(BOOKING.ID))),
            inline(JSONB.valueOf("[]")));

    /** The booking's changes of dates as a document: their rows ({@code to_jsonb}), by change number. */
    static final Field<JSONB> LIVE_CHANGES = coalesce(
            field(select(jsonbArrayAgg(field("to_jsonb({0})", JSONB.class, name(BOOKING_CHANGE.getName())))
                    .orderBy(BOOKING_CHANGE.CHANGE))
                    .from(BOOKING_CHANGE).where(BOOKING_CHANGE.BOOKING_ID.eq(BOOKING.ID))),
            inline(JSONB.valueOf("[]")));

    private final DSLContext db;

    Archive(DSLContext db) {
        this.db = db;
    }

    /**
     * Writes the booking's live row into the archive, once: a booking already there is left as it is.
     *
     * @return false when there is no ended live booking of that id to archive (moved already, or unknown)
     */
    boolean write(UUID bookingId, OffsetDateTime endedAt) {
        LocalDate checkOut = db.select(BOOKING.CHECK_OUT).from(BOOKING)
                .where(BOOKING.ID.eq(bookingId)).and(BOOKING.STATUS.in(ENDED))
                .fetchOne(BOOKING.CHECK_OUT);
        if (checkOut == null) {
            return false;
        }
        partitionFor(checkOut);
        db.insertInto(BOOKING_ARCHIVE, BOOKING_ARCHIVE.ID, BOOKING_ARCHIVE.GUEST_ID, BOOKING_ARCHIVE.PROPERTY_ID,
                        BOOKING_ARCHIVE.CHECK_IN, BOOKING_ARCHIVE.CHECK_OUT, BOOKING_ARCHIVE.STATUS,
                        BOOKING_ARCHIVE.DOCUMENT, BOOKING_ARCHIVE.NIGHTS, BOOKING_ARCHIVE.CHANGES, BOOKING_ARCHIVE.ENDED_AT,
                        BOOKING_ARCHIVE.ARCHIVED_AT)
                .select(select(BOOKING.ID, BOOKING.GUEST_ID, BOOKING.PROPERTY_ID, BOOKING.CHECK_IN,
                        BOOKING.CHECK_OUT, BOOKING.STATUS, LIVE_ROW, LIVE_NIGHTS, LIVE_CHANGES, val(endedAt),
                        val(OffsetDateTime.now(ZoneOffset.UTC)))
                        .from(BOOKING).where(BOOKING.ID.eq(bookingId)))
                .onConflictDoNothing()
                .execute();
        return true;
    }

    /** Whether the archive holds the booking. */
    boolean holds(UUID bookingId) {
        return db.fetchExists(BOOKING_ARCHIVE, BOOKING_ARCHIVE.ID.eq(bookingId));
    }

    /**
     * Brings the archived copies of these live bookings up to date with their live rows (a refund settled after the
     * booking was archived): called by the move in the transaction that deletes the live rows.
     */
    void refresh(Collection<UUID> bookingIds) {
        db.update(BOOKING_ARCHIVE)
                .set(BOOKING_ARCHIVE.STATUS, BOOKING.STATUS)
                .set(BOOKING_ARCHIVE.DOCUMENT, LIVE_ROW)
                .set(BOOKING_ARCHIVE.NIGHTS, LIVE_NIGHTS)
                .set(BOOKING_ARCHIVE.CHANGES, LIVE_CHANGES)
                .from(BOOKING)
                .where(BOOKING.ID.in(bookingIds))
                .and(BOOKING_ARCHIVE.ID.eq(BOOKING.ID)).and(BOOKING_ARCHIVE.CHECK_OUT.eq(BOOKING.CHECK_OUT))
                .execute();
    }

    /** Creates the partition of the month of {@code day} unless it exists; @return its name */
    String partitionFor(LocalDate day) {
        return Routines.bookingArchivePartition(db.configuration(), day);
    }

    List<String> partitions() {
        return db.resultQuery("select c.relname from pg_inherits i join pg_class c on c.oid = i.inhrelid "
                + "where i.inhparent = 'booking_archive'::regclass order by 1").fetch(0, String.class);
    }
}
