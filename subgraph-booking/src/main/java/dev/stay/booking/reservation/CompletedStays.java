package dev.stay.booking.reservation;

import static dev.stay.booking.db.Tables.BOOKING;
import static dev.stay.booking.db.Tables.PROPERTY;

import dev.stay.booking.db.tables.records.BookingRecord;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.impl.DSL;
import org.jooq.impl.SQLDataType;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * One transaction of the completion job: confirmed bookings whose check-out day is over in their hotel's time zone
 * become COMPLETED, each announced as {@code booking.completed}. Rows another instance is completing are skipped
 * ({@code FOR UPDATE SKIP LOCKED}), and PostgreSQL reads a locked row's status again once it gets it, so a booking
 * cancelled or marked meanwhile is left as it is: each stay is completed once, by one instance.
 */
@Component
class CompletedStays {

    private final DSLContext db;
    private final BookingRepository bookings;
    private final BookingEvents events;

    CompletedStays(DSLContext db, BookingRepository bookings, BookingEvents events) {
        this.db = db;
        this.bookings = bookings;
        this.events = events;
    }

    /** @return how many stays it completed (fewer than {@code limit}: none is left) */
    @Transactional
    int completeBatch(Instant now, int limit) {
        // the hotel's own date now; no time zone is more than a day ahead of UTC, which bounds the index scan
        Field<LocalDate> hotelToday = DSL.field("({0} at time zone {1})::date", SQLDataType.LOCALDATE,
                DSL.val(now.atOffset(ZoneOffset.UTC)), PROPERTY.TIME_ZONE);
        LocalDate utcToday = now.atOffset(ZoneOffset.UTC).toLocalDate();
        List<BookingRecord> due = db.select(BOOKING.fields()).from(BOOKING)
                .join(PROPERTY).on(PROPERTY.ID.eq(BOOKING.PROPERTY_ID))
                .where(BOOKING.STATUS.eq(BookingStatus.CONFIRMED))
                .and(BOOKING.CHECK_OUT.le(utcToday))
                .and(BOOKING.CHECK_OUT.lt(hotelToday))
                .orderBy(BOOKING.CHECK_OUT, BOOKING.ID)
                .limit(limit)
                .forUpdate().of(BOOKING).skipLocked()
                .fetchInto(BOOKING);
        OffsetDateTime at = now.atOffset(ZoneOffset.UTC);
        for (BookingRecord b : due) {
            b.setStatus(BookingStatus.COMPLETED).setCompletedAt(at);
            bookings.update(b);
            events.completed(b);
        }
        return due.size();
    }
}
